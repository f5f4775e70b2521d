// Minimal image headers for tests: enough for a format check and a size in pixels (no pixels).

/** A PNG signature and IHDR chunk of the given size, padded with `padding` bytes. */
export function pngImage(width: number, height: number, padding = 64): Buffer {
	const header = Buffer.alloc(33);
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
	header.writeUInt32BE(13, 8);
	header.write('IHDR', 12, 'latin1');
	header.writeUInt32BE(width, 16);
	header.writeUInt32BE(height, 20);
	header.writeUInt8(8, 24);
	header.writeUInt8(6, 25);
	return Buffer.concat([header, Buffer.alloc(padding, 1)]);
}

/** A JPEG start, an APP0 segment, then a baseline frame header of the given size. */
export function jpegImage(width: number, height: number, padding = 64): Buffer {
	const app0 = Buffer.from([
		0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
		0x00, 0x00,
	]);
	const frame = Buffer.alloc(19);
	frame.writeUInt16BE(0xffc0, 0);
	frame.writeUInt16BE(17, 2);
	frame.writeUInt8(8, 4);
	frame.writeUInt16BE(height, 5);
	frame.writeUInt16BE(width, 7);
	return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, frame, Buffer.alloc(padding, 1)]);
}
