// Owns the icon container formats the installers want, written from PNG renders: Windows
// .ico (PNG-compressed entries, Vista and later) and macOS .icns (PNG-based entry types).
// Pure byte work, so the unit tests can read the files back and check every entry.

/** Width and height of a PNG, from its IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) throw new Error('Not a PNG file.');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** An .ico holding the given square PNGs (each at most 256 px). */
export function writeIco(pngs: readonly Uint8Array[]): Uint8Array {
  const headerSize = 6 + 16 * pngs.length;
  const total = headerSize + pngs.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0, true);
  view.setUint16(2, 1, true); // 1 = icon
  view.setUint16(4, pngs.length, true);
  let offset = headerSize;
  pngs.forEach((png, i) => {
    const { width, height } = pngSize(png);
    if (width > 256 || height > 256) throw new Error(`An .ico entry is at most 256 px, not ${width}.`);
    const entry = 6 + 16 * i;
    view.setUint8(entry, width === 256 ? 0 : width);
    view.setUint8(entry + 1, height === 256 ? 0 : height);
    view.setUint8(entry + 2, 0); // no palette
    view.setUint8(entry + 3, 0);
    view.setUint16(entry + 4, 1, true); // colour planes
    view.setUint16(entry + 6, 32, true); // bits per pixel
    view.setUint32(entry + 8, png.length, true);
    view.setUint32(entry + 12, offset, true);
    out.set(png, offset);
    offset += png.length;
  });
  return out;
}

/** Reads an .ico's directory: the size each entry declares and its PNG's real size. */
export function readIco(ico: Uint8Array): Array<{ declared: number; width: number; height: number }> {
  const view = new DataView(ico.buffer, ico.byteOffset, ico.byteLength);
  if (view.getUint16(0, true) !== 0 || view.getUint16(2, true) !== 1) throw new Error('Not an .ico file.');
  const count = view.getUint16(4, true);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const declared = view.getUint8(entry) || 256;
    const length = view.getUint32(entry + 8, true);
    const offset = view.getUint32(entry + 12, true);
    return { declared, ...pngSize(ico.subarray(offset, offset + length)) };
  });
}

/** The PNG-based .icns entry types and the pixel size each one holds. */
export const ICNS_TYPES: ReadonlyArray<readonly [type: string, pixels: number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** An .icns with one entry per type, taking each type's PNG from `bySize`. */
export function writeIcns(bySize: ReadonlyMap<number, Uint8Array>): Uint8Array {
  const entries = ICNS_TYPES.map(([type, pixels]) => {
    const png = bySize.get(pixels);
    if (!png) throw new Error(`No ${pixels} px render for the .icns entry ${type}.`);
    return { type, png };
  });
  const total = 8 + entries.reduce((sum, e) => sum + 8 + e.png.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const ascii = (text: string, at: number) =>
    [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii('icns', 0);
  view.setUint32(4, total);
  let offset = 8;
  for (const { type, png } of entries) {
    ascii(type, offset);
    view.setUint32(offset + 4, 8 + png.length);
    out.set(png, offset + 8);
    offset += 8 + png.length;
  }
  return out;
}

/** Reads an .icns back: each entry's type and its PNG's real size. */
export function readIcns(icns: Uint8Array): Array<{ type: string; width: number; height: number }> {
  const view = new DataView(icns.buffer, icns.byteOffset, icns.byteLength);
  const text = (at: number) => String.fromCharCode(...icns.subarray(at, at + 4));
  if (text(0) !== 'icns' || view.getUint32(4) !== icns.length) throw new Error('Not an .icns file.');
  const entries: Array<{ type: string; width: number; height: number }> = [];
  for (let offset = 8; offset < icns.length;) {
    const length = view.getUint32(offset + 4);
    if (length < 8 || offset + length > icns.length) throw new Error('A broken .icns entry.');
    entries.push({ type: text(offset), ...pngSize(icns.subarray(offset + 8, offset + length)) });
    offset += length;
  }
  return entries;
}
