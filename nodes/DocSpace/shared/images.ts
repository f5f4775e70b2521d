/** What the node checks of an image before DocSpace gets it: its format and size in pixels. */
export interface ImageFacts {
	format: 'png' | 'jpeg';
	width: number;
	height: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** JPEG start-of-frame markers (baseline, progressive, …); C4, C8 and CC are other segments. */
const JPEG_FRAMES = new Set([
	0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);
const MAX_JPEG_SEGMENTS = 1000;

function png(data: Buffer): ImageFacts | undefined {
	if (data.length < 24 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined;
	if (data.toString('latin1', 12, 16) !== 'IHDR') return undefined;
	return { format: 'png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function jpeg(data: Buffer): ImageFacts | undefined {
	if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return undefined;
	let offset = 2;
	for (let segment = 0; segment < MAX_JPEG_SEGMENTS && offset + 4 <= data.length; segment++) {
		if (data[offset] !== 0xff) return undefined;
		const marker = data[offset + 1];
		if (marker === 0xff) {
			offset++;
			continue;
		}
		const length = data.readUInt16BE(offset + 2);
		if (JPEG_FRAMES.has(marker)) {
			if (offset + 9 > data.length) return undefined;
			return {
				format: 'jpeg',
				height: data.readUInt16BE(offset + 5),
				width: data.readUInt16BE(offset + 7),
			};
		}
		if (length < 2) return undefined;
		offset += 2 + length;
	}
	return undefined;
}

/** The format and size of a PNG or JPEG image; undefined for anything else. */
export function imageFacts(data: Buffer): ImageFacts | undefined {
	const facts = png(data) ?? jpeg(data);
	return facts && facts.width > 0 && facts.height > 0 ? facts : undefined;
}
