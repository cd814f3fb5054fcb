// Test helpers for the import parsers: where ../shared lives, and small generators for files
// whose bytes must be exact — a PDF with a password to open (RC4, standard security handler
// revision 2, written here so no external tool is needed), a PDF with no text layer, and zip
// archives (a Word file, a zip bomb) with their central directory.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

export const ROOT = resolve(import.meta.dirname, '../../../..');

export function sharedDir(): string {
  const candidates = [process.env['LASAREN_SHARED'], join(ROOT, '../shared'), join(ROOT, '../../shared')];
  for (const c of candidates) if (c && existsSync(join(c, 'testfiles'))) return resolve(c);
  throw new Error('../shared is missing: set LASAREN_SHARED to the folder holding testfiles/');
}

export function testfile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(sharedDir(), 'testfiles', name)));
}

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]): Buffer => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password: string): Buffer =>
  Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);

export interface PdfOptions {
  /** Text lines per page (Helvetica 11 pt); an empty page list gives one page with a drawing only. */
  readonly pages: readonly (readonly string[])[];
  readonly userPassword?: string;
  readonly ownerPassword?: string;
}

/** Writes a small PDF; with a user password it cannot be opened without it. */
export function makePdf({ pages, userPassword, ownerPassword }: PdfOptions): Uint8Array {
  const encrypt = userPassword !== undefined || ownerPassword !== undefined;
  const id = md5(Buffer.from('lasaren-test'));
  const permissions = -4;
  let fileKey: Buffer = Buffer.alloc(0);
  let ownerEntry: Buffer = Buffer.alloc(0);
  let userEntry: Buffer = Buffer.alloc(0);
  if (encrypt) {
    ownerEntry = rc4(
      md5(padded(ownerPassword ?? userPassword ?? '')).subarray(0, 5),
      padded(userPassword ?? ''),
    );
    const p = Buffer.alloc(4);
    p.writeInt32LE(permissions);
    fileKey = md5(padded(userPassword ?? ''), ownerEntry, p, id).subarray(0, 5);
    userEntry = rc4(fileKey, PAD);
  }
  const protect = (num: number, data: Buffer): Buffer => {
    if (!encrypt) return data;
    const suffix = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]);
    return rc4(md5(fileKey, suffix).subarray(0, 10), data);
  };
  const pageList = pages.length > 0 ? pages : [[]];
  const objects: Buffer[] = [];
  const kids: number[] = [];
  // 1 catalog, 2 pages, 3 font, then per page: page object and content stream.
  let next = 4;
  const bodies = new Map<number, Buffer>();
  for (const lines of pageList) {
    const pageNum = next++;
    const contentNum = next++;
    kids.push(pageNum);
    const ops =
      lines.length === 0
        ? '0.5 g 72 72 451 698 re f'
        : 'BT /F1 11 Tf 14 TL 72 770 Td ' +
          lines.map((l) => `(${l.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj T*`).join(' ') +
          ' ET';
    const stream = protect(contentNum, Buffer.from(ops, 'latin1'));
    bodies.set(
      pageNum,
      Buffer.from(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentNum} 0 R >>`,
      ),
    );
    bodies.set(
      contentNum,
      Buffer.concat([
        Buffer.from(`<< /Length ${stream.length} >>\nstream\n`),
        stream,
        Buffer.from('\nendstream'),
      ]),
    );
  }
  bodies.set(1, Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'));
  bodies.set(
    2,
    Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`),
  );
  bodies.set(
    3,
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
  );
  let encryptNum = 0;
  if (encrypt) {
    encryptNum = next++;
    bodies.set(
      encryptNum,
      Buffer.from(
        `<< /Filter /Standard /V 1 /R 2 /O <${ownerEntry.toString('hex')}> /U <${userEntry.toString('hex')}> /P ${permissions} >>`,
      ),
    );
  }
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  for (let n = 1; n < next; n++) {
    offsets[n] = length;
    const obj = Buffer.concat([Buffer.from(`${n} 0 obj\n`), bodies.get(n)!, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    length += obj.length;
  }
  const xref = [
    `xref\n0 ${next}\n0000000000 65535 f \n`,
    ...offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  const trailer = `trailer\n<< /Size ${next} /Root 1 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]${encrypt ? ` /Encrypt ${encryptNum} 0 R` : ''} >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref + trailer, 'latin1'));
  void objects;
  return new Uint8Array(Buffer.concat(parts));
}

export interface ZipFile {
  readonly name: string;
  readonly data: Uint8Array;
}

/** Writes a zip archive (deflate) with a correct central directory. */
export function makeZip(files: readonly ZipFile[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name);
    const packed = deflateRawSync(f.data, { level: 9 });
    const crc = crc32(f.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(f.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(f.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/** A .docx-shaped archive whose document.xml inflates from a few kB to `megabytes` MB. */
export function makeZipBomb(megabytes = 64): Uint8Array {
  const xml = Buffer.alloc(megabytes * 1024 * 1024, 0x20);
  return makeZip([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
    { name: 'word/document.xml', data: xml },
  ]);
}
