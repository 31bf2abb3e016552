// Office documents (docx, xlsx, pptx, odt, ods) are zip archives. A small one can unpack to gigabytes and
// bring down whatever opens it later (a caseworker's Word, a virus scanner, an indexer), so an upload is
// measured before it is stored: first by what its central directory declares, then by really inflating it.
import yauzl from 'yauzl';

/** The limits, each with its reason. */
export const ZIP_LIMITS = {
  /** Office documents have tens to a few thousand parts; more is an archive of many files or a bomb of empty ones. */
  maxEntries: 10_000,
  /** Ten times the 10 MB upload limit: room for an XML-heavy spreadsheet, far below what strains a reader. */
  maxInflatedBytes: 100 * 1024 * 1024,
  /** Apache POI's default (1:100), used for years on real Office files; deflate reaches about 1000:1 only on padding. */
  maxRatio: 100,
  /** Parts up to this size are not held to the ratio: a nearly empty XML part compresses far better and is harmless. */
  ratioFreeBytes: 1024 * 1024,
} as const;

export type ZipLimits = { readonly [K in keyof typeof ZIP_LIMITS]: number };

/**
 * Why an archive was refused: too many parts, too large in all when unpacked, a part packed far more tightly than
 * documents are, or not readable as a zip at all (which includes declared sizes that turn out to be false).
 */
export type ZipProblem =
  | { reason: 'too_many_entries'; limit: number }
  | { reason: 'too_large'; limit: number }
  | { reason: 'ratio'; limit: number }
  | { reason: 'damaged' };

export interface DeclaredEntry {
  compressedSize: number;
  uncompressedSize: number;
}

/** True when the data begins like a zip archive (a local file header, or the end record of an empty one). */
export function looksLikeZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && ((data[2] === 3 && data[3] === 4) || (data[2] === 5 && data[3] === 6));
}

/** The most one entry may unpack to, given its packed size. */
export function entryAllowance(compressedSize: number, limits: ZipLimits = ZIP_LIMITS): number {
  return Math.max(limits.ratioFreeBytes, limits.maxRatio * compressedSize);
}

/**
 * Judges the central directory's declared sizes before anything is inflated: the number of entries, the declared
 * total, and each entry's ratio. Null when they are within the limits.
 */
export function judgeDeclared(entries: readonly DeclaredEntry[], limits: ZipLimits = ZIP_LIMITS): ZipProblem | null {
  if (entries.length > limits.maxEntries) return { reason: 'too_many_entries', limit: limits.maxEntries };
  // The total first: "unpacks to more than 100 MB" is the clearest thing to tell a volunteer.
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > limits.maxInflatedBytes) return { reason: 'too_large', limit: limits.maxInflatedBytes };
  if (entries.some((e) => e.uncompressedSize > entryAllowance(e.compressedSize, limits))) return { reason: 'ratio', limit: limits.maxRatio };
  return null;
}

export type ZipVerdict = { ok: true; entries: number; inflatedBytes: number } | ({ ok: false } & ZipProblem);

/**
 * Reads the archive's central directory, judges the declared sizes, then inflates every entry and counts the bytes
 * that really come out. Each entry is held to its declared size, and inflating stops the moment it passes it, so
 * the limits judged on the declared sizes hold for what is really unpacked too. Nested archives are not opened:
 * each is one entry. Never throws for bad input; a damaged or unreadable archive is a verdict.
 */
export async function inspectZip(data: Buffer, limits: ZipLimits = ZIP_LIMITS): Promise<ZipVerdict> {
  let zip: yauzl.ZipFile;
  try {
    // Names are never used, so they are not decoded or judged; sizes are checked here, not by yauzl.
    zip = await yauzl.fromBufferPromise(data, { decodeStrings: false, validateEntrySizes: false, strictFileNames: false });
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  try {
    // The end record's count is known before the central directory is read: refuse early on that.
    if (zip.entryCount > limits.maxEntries) return { ok: false, reason: 'too_many_entries', limit: limits.maxEntries };
    const entries: yauzl.Entry[] = [];
    for await (const entry of zip.eachEntry()) entries.push(entry);
    const declared = judgeDeclared(entries, limits);
    if (declared) return { ok: false, ...declared };
    let inflatedBytes = 0;
    for (const entry of entries) {
      if (entry.isEncrypted() || !entry.canDecodeFileData()) return { ok: false, reason: 'damaged' };
      const bytes = await countInflated(zip, entry, entry.uncompressedSize);
      if (bytes !== entry.uncompressedSize) return { ok: false, reason: 'damaged' };
      inflatedBytes += bytes;
    }
    return { ok: true, entries: entries.length, inflatedBytes };
  } catch {
    return { ok: false, reason: 'damaged' };
  } finally {
    zip.close();
  }
}

/**
 * Inflates one entry, discarding the bytes and counting them, and stops as soon as the count passes `cap`: the
 * result is then above the cap by at most one chunk, and the rest is never inflated.
 */
export async function countInflated(zip: yauzl.ZipFile, entry: yauzl.Entry, cap: number): Promise<number> {
  const stream = await zip.openReadStreamPromise(entry);
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    // Leaving the loop destroys the stream, which stops the inflating.
    if (bytes > cap) break;
  }
  return bytes;
}
