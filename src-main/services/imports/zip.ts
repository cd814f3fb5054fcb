// Owns reading a zip archive's central directory without inflating anything, so a .docx can
// be refused before decompression when it claims too much data (zip bombs), and reading one
// small entry (docProps/core.xml) with a hard output cap.
import { inflateRawSync } from 'node:zlib';
import { ImportFailure, MAX_UNZIPPED_BYTES, MAX_ZIP_RATIO, problems } from '../documents/limits';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 20_000;

/** Lists the entries; throws ImportFailure for a damaged archive or one that claims too much. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ImportFailure(problems.corrupt('Word'));
  const count = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff || count > MAX_ENTRIES)
    throw new ImportFailure(problems.zipBomb());
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL)
      throw new ImportFailure(problems.corrupt('Word'));
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // Zip64 sizes (0xffffffff) are never needed by a real Word file.
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw new ImportFailure(problems.zipBomb());
    if (size > 1024 * 1024 && size / Math.max(1, compressedSize) > MAX_ZIP_RATIO)
      throw new ImportFailure(problems.zipBomb());
    total += size;
    if (total > MAX_UNZIPPED_BYTES) throw new ImportFailure(problems.zipBomb());
    entries.push({ name, method, compressedSize, size, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates one entry, never producing more than its declared size. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL)
    throw new ImportFailure(problems.corrupt('Word'));
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ImportFailure(problems.corrupt('Word'));
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
  } catch {
    throw new ImportFailure(problems.corrupt('Word'));
  }
}
