// Zip archives written byte by byte, so tests can make what no zip library would: bombs, and central
// directories that lie. Large entries are deflated from a stream of zeros, never held whole in memory.
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

export interface ZipEntrySpec {
  name: string;
  /** The entry's content; or `zeros` for that many zero bytes. */
  data?: Buffer | string;
  zeros?: number;
  /** Stored (0) or deflated (8, the default). */
  method?: 0 | 8;
  /** The uncompressed size the headers claim, when it should differ from the truth. */
  declaredSize?: number;
}

interface Packed {
  name: Buffer;
  method: number;
  crc: number;
  compressed: Buffer;
  size: number;
}

const zeroCache = new Map<number, Promise<{ compressed: Buffer; crc: number }>>();

/** That many zeros, deflated (about 230:1 at level 1, which is ten times quicker than level 9); made once per size. */
function deflateZeros(size: number): Promise<{ compressed: Buffer; crc: number }> {
  let made = zeroCache.get(size);
  if (!made) {
    made = streamZeros(size);
    zeroCache.set(size, made);
  }
  return made;
}

async function streamZeros(size: number): Promise<{ compressed: Buffer; crc: number }> {
  const chunk = Buffer.alloc(Math.min(size, 1024 * 1024));
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  for (let left = size; left > 0; left -= chunk.length) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(part, crc);
    if (!deflate.write(part)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { compressed: Buffer.concat(out), crc };
}

async function pack(spec: ZipEntrySpec): Promise<Packed> {
  const method = spec.method ?? 8;
  const name = Buffer.from(spec.name, 'utf8');
  if (spec.zeros !== undefined) {
    if (method !== 8) throw new Error('zeros are always deflated');
    const { compressed, crc } = await deflateZeros(spec.zeros);
    return { name, method, crc, compressed, size: spec.declaredSize ?? spec.zeros };
  }
  const data = Buffer.from(spec.data ?? '');
  return { name, method, crc: crc32(data), compressed: method === 8 ? deflateRawSync(data) : data, size: spec.declaredSize ?? data.length };
}

/** A zip archive of the entries, in order, with a central directory that says what the specs say. */
export async function buildZip(specs: readonly ZipEntrySpec[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  // 2024-01-01 12:00 in MS-DOS form; any valid date will do.
  const time = 12 << 11;
  const date = ((2024 - 1980) << 9) | (1 << 5) | 1;
  for (const spec of specs) {
    const e = await pack(spec);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(e.method, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(e.crc, 16);
    header.writeUInt32LE(e.compressed.length, 20);
    header.writeUInt32LE(e.size, 24);
    header.writeUInt16LE(e.name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, e.name);
    parts.push(local, e.name, e.compressed);
    offset += local.length + e.name.length + e.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(specs.length, 8);
  end.writeUInt16LE(specs.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** The [Content_Types].xml that makes a zip a Word document to anything that looks. */
export const DOCX_CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const DOCUMENT = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Budget för nattvandring 2026</w:t></w:r></w:p></w:body></w:document>`;

/** A small, ordinary Word document. */
export function smallDocx(): Promise<Buffer> {
  return buildZip([
    { name: '[Content_Types].xml', data: DOCX_CONTENT_TYPES },
    { name: '_rels/.rels', data: RELS },
    { name: 'word/document.xml', data: DOCUMENT },
  ]);
}

/** A Word document whose body is the given entry (e.g. a bomb of zeros), after the parts that make it look like one. */
export function docxWith(body: Omit<ZipEntrySpec, 'name'> & { name?: string }, more: readonly ZipEntrySpec[] = []): Promise<Buffer> {
  return buildZip([
    { name: '[Content_Types].xml', data: DOCX_CONTENT_TYPES },
    { name: '_rels/.rels', data: RELS },
    { name: 'word/document.xml', ...body },
    ...more,
  ]);
}

/** The text of one entry of an archive, read with the same library the server uses. */
export async function readZipText(zip: Buffer, name: string): Promise<string> {
  const file = await yauzl.fromBufferPromise(zip);
  try {
    for await (const entry of file.eachEntry()) {
      if (entry.fileName !== name) continue;
      const chunks: Buffer[] = [];
      for await (const chunk of (await file.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
      return Buffer.concat(chunks).toString('utf8');
    }
    throw new Error(`${name} is not in the archive`);
  } finally {
    file.close();
  }
}
