import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { countInflated, entryAllowance, inspectZip, judgeDeclared, looksLikeZip, ZIP_LIMITS, type ZipLimits } from '../../src/server/files/zip-check.ts';
import { buildZip, docxWith, smallDocx } from '../support/zip.ts';

const MiB = 1024 * 1024;
/** Small limits, so archives that cross them are quick to make. */
const SMALL: ZipLimits = { maxEntries: 5, maxInflatedBytes: 64 * 1024, maxRatio: 10, ratioFreeBytes: 4096 };

describe('the declared sizes of an archive', () => {
  it('are within the limits for an ordinary document, and each limit is crossed by one step past it', () => {
    expect(judgeDeclared([{ compressedSize: 400, uncompressedSize: 1500 }])).toBeNull();
    expect(judgeDeclared(Array.from({ length: ZIP_LIMITS.maxEntries }, () => ({ compressedSize: 0, uncompressedSize: 0 })))).toBeNull();
    expect(judgeDeclared(Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, () => ({ compressedSize: 0, uncompressedSize: 0 })))).toEqual({
      reason: 'too_many_entries',
      limit: 10_000,
    });
    expect(judgeDeclared([{ compressedSize: 2 * MiB, uncompressedSize: 100 * MiB }])).toBeNull();
    expect(judgeDeclared([{ compressedSize: 2 * MiB, uncompressedSize: 100 * MiB + 1 }])).toEqual({ reason: 'too_large', limit: 100 * MiB });
    expect(judgeDeclared([{ compressedSize: 20_000, uncompressedSize: 2_000_000 }])).toBeNull();
    expect(judgeDeclared([{ compressedSize: 20_000, uncompressedSize: 2_000_001 }])).toEqual({ reason: 'ratio', limit: 100 });
  });

  it('let small parts compress as tightly as they like, and hold larger ones to the ratio', () => {
    expect(entryAllowance(0)).toBe(MiB);
    expect(entryAllowance(10)).toBe(MiB);
    expect(entryAllowance(MiB)).toBe(100 * MiB);
    expect(judgeDeclared([{ compressedSize: 1, uncompressedSize: MiB }])).toBeNull();
  });

  it('are refused exactly when the count, the total or one entry’s ratio passes its limit', () => {
    const entry = fc.record({ compressedSize: fc.nat(20_000), uncompressedSize: fc.nat(40_000) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
        const total = entries.reduce((s, e) => s + e.uncompressedSize, 0);
        const tooTight = entries.some((e) => e.uncompressedSize > Math.max(SMALL.ratioFreeBytes, SMALL.maxRatio * e.compressedSize));
        const verdict = judgeDeclared(entries, SMALL);
        if (entries.length > SMALL.maxEntries) expect(verdict?.reason).toBe('too_many_entries');
        else if (total > SMALL.maxInflatedBytes) expect(verdict?.reason).toBe('too_large');
        else if (tooTight) expect(verdict?.reason).toBe('ratio');
        else expect(verdict).toBeNull();
      }),
    );
  });
});

describe('inspecting an archive', () => {
  it('accepts a small Word document and counts what it really unpacks to', async () => {
    const verdict = await inspectZip(await smallDocx());
    expect(verdict).toMatchObject({ ok: true, entries: 3 });
    expect(verdict.ok && verdict.inflatedBytes).toBeGreaterThan(500);
  });

  it('refuses more entries than the limit, from the end record, before reading them', async () => {
    const zip = await buildZip(Array.from({ length: 6 }, (_, i) => ({ name: `part${i}.xml`, data: 'x', method: 0 as const })));
    expect(await inspectZip(zip, SMALL)).toEqual({ ok: false, reason: 'too_many_entries', limit: 5 });
    expect(await inspectZip(zip, { ...SMALL, maxEntries: 6 })).toMatchObject({ ok: true, entries: 6 });
  });

  it('refuses a declared total above the limit, and a part packed more tightly than the ratio', async () => {
    const parts = Array.from({ length: 5 }, (_, i) => ({ name: `p${i}.xml`, zeros: 4096 }));
    expect(await inspectZip(await buildZip(parts), { ...SMALL, maxInflatedBytes: 5 * 4096 - 1 })).toEqual({
      ok: false,
      reason: 'too_large',
      limit: 5 * 4096 - 1,
    });
    expect(await inspectZip(await buildZip([{ name: 'a.xml', zeros: 8192 }]), SMALL)).toEqual({ ok: false, reason: 'ratio', limit: 10 });
    expect(await inspectZip(await buildZip([{ name: 'a.xml', zeros: 4096 }]), SMALL)).toMatchObject({ ok: true, inflatedBytes: 4096 });
  });

  it('refuses an archive whose central directory claims fewer bytes than the entry unpacks to, or more', async () => {
    expect(await inspectZip(await docxWith({ zeros: 20 * MiB, declaredSize: 1000 }))).toEqual({ ok: false, reason: 'damaged' });
    expect(await inspectZip(await docxWith({ data: 'kort', declaredSize: 400 }))).toEqual({ ok: false, reason: 'damaged' });
    expect(await inspectZip(await docxWith({ data: 'kort', method: 0, declaredSize: 3 }))).toEqual({ ok: false, reason: 'damaged' });
  });

  it('stops inflating an entry as soon as it passes the cap', async () => {
    const zip = await yauzl.fromBufferPromise(await docxWith({ zeros: 20 * MiB, declaredSize: 1000 }), { validateEntrySizes: false });
    const entries: yauzl.Entry[] = [];
    for await (const e of zip.eachEntry()) entries.push(e);
    const body = entries[2];
    const counted = await countInflated(zip, body, 1000);
    expect(counted).toBeGreaterThan(1000);
    // One inflated chunk at most, not the 20 MiB the entry holds.
    expect(counted).toBeLessThanOrEqual(1000 + 64 * 1024);
    expect(await countInflated(zip, body, 30 * MiB)).toBe(20 * MiB);
    zip.close();
  });

  it('counts a zip inside the zip as one entry and does not open it', async () => {
    // Opened, its one entry would be refused for its ratio (20 MiB from about 20 kB).
    const inner = await docxWith({ zeros: 20 * MiB });
    expect(await inspectZip(inner)).toEqual({ ok: false, reason: 'ratio', limit: 100 });
    const outer = await buildZip([
      { name: 'bilagor.zip', data: inner, method: 0 },
      { name: 'readme.txt', data: 'två delar' },
    ]);
    expect(await inspectZip(outer)).toEqual({ ok: true, entries: 2, inflatedBytes: inner.length + Buffer.byteLength('två delar') });
  });

  it('calls anything that is not a readable zip damaged, and never throws', async () => {
    for (const data of [Buffer.from('PK\x03\x04 not really'), Buffer.alloc(0), Buffer.from('%PDF-1.4'), (await smallDocx()).subarray(0, 200)]) {
      expect(await inspectZip(data)).toEqual({ ok: false, reason: 'damaged' });
    }
  });

  it('knows a zip by its first bytes', async () => {
    expect(looksLikeZip(await smallDocx())).toBe(true);
    expect(looksLikeZip(Buffer.from('PK\x05\x06'))).toBe(true);
    expect(looksLikeZip(Buffer.from('%PDF-1.4'))).toBe(false);
    expect(looksLikeZip(Buffer.from('PK'))).toBe(false);
  });
});
