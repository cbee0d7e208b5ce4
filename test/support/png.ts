// The size a PNG file says it has (its IHDR chunk), or why the bytes are no PNG. Used by the icon
// and package tests (issue 21): a browser shows an icon of the wrong size scaled and blurred.
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const png = Buffer.from(bytes);
  if (png.length < 24 || !png.subarray(0, 8).equals(SIGNATURE))
    throw new Error('not a PNG (no PNG signature)');
  if (png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG (no IHDR chunk first)');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
