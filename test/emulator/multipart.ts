// Reads the first file part of a multipart/form-data body, as ASP.NET's form binding does for
// DocSpace's upload actions (docs/docspace/files.md §2).

export interface FilePart {
	fieldName: string;
	fileName: string;
	contentType?: string;
	data: Buffer;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
	const match = /^multipart\/form-data;.*\bboundary=(?:"([^"]+)"|([^;\s]+))/i.exec(
		contentType ?? '',
	);
	return match ? (match[1] ?? match[2]) : undefined;
}

/** The file parts of the body (parts with a filename), in order; [] when it is not multipart. */
export function fileParts(body: Buffer, contentType: string | undefined): FilePart[] {
	const boundary = boundaryOf(contentType);
	if (!boundary) return [];
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: FilePart[] = [];
	let start = body.indexOf(delimiter);
	// Each part is bounded by two delimiters; 10 000 parts is far beyond any real upload.
	for (let guard = 0; start >= 0 && guard < 10_000; guard++) {
		const next = body.indexOf(delimiter, start + delimiter.length);
		if (next < 0) break;
		const part = body.subarray(start + delimiter.length + 2, next - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd >= 0) {
			const headers = part.subarray(0, headerEnd).toString('utf8');
			const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
			const fieldName = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
			const encodedName = /\bfilename\*=UTF-8''([^;\r\n]+)/i.exec(disposition)?.[1];
			const plainName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
			const fileName = encodedName !== undefined ? decodeURIComponent(encodedName) : plainName;
			if (fileName !== undefined) {
				const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1];
				parts.push({
					fieldName,
					fileName,
					contentType,
					data: Buffer.from(part.subarray(headerEnd + 4)),
				});
			}
		}
		start = next;
	}
	return parts;
}
