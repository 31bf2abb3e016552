import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AuditContent, auditHash, canonicalJson, GENESIS_HASH, type StoredEntry, verifyChain } from '../../src/domain/audit-chain.ts';

function chain(contents: Omit<AuditContent, 'seq'>[]): StoredEntry[] {
  let prev = GENESIS_HASH;
  return contents.map((c, i) => {
    const content = { ...c, seq: i + 1 };
    const hash = auditHash(prev, content);
    const entry = { ...content, prevHash: prev, hash };
    prev = hash;
    return entry;
  });
}

const contentArb = fc.record({
  id: fc.uuid(),
  at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  actorId: fc.option(fc.uuid(), { nil: null }),
  actorLabel: fc.string({ maxLength: 20 }),
  funderId: fc.option(fc.uuid(), { nil: null }),
  organisationId: fc.option(fc.uuid(), { nil: null }),
  action: fc.constantFrom('user.signed_in', 'organisation.registered', 'funder.roles_changed'),
  objectType: fc.constantFrom('user', 'organisation', 'funder'),
  objectId: fc.option(fc.uuid(), { nil: null }),
  reason: fc.option(fc.string({ maxLength: 30 }), { nil: null }),
  data: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.integer(), fc.string({ maxLength: 10 }), fc.boolean())),
});

describe('audit hash chain', () => {
  it('verifies an untouched chain of any length', () => {
    fc.assert(
      fc.property(fc.array(contentArb, { maxLength: 15 }), (contents) => {
        const verdict = verifyChain(chain(contents));
        expect(verdict).toMatchObject({ ok: true, count: contents.length });
      }),
    );
  });

  it('names the first entry whose content was changed', () => {
    fc.assert(
      fc.property(fc.array(contentArb, { minLength: 1, maxLength: 12 }), fc.nat(), (contents, pick) => {
        const entries = chain(contents);
        const i = pick % entries.length;
        entries[i] = { ...entries[i], actorLabel: `${entries[i].actorLabel}!` };
        const verdict = verifyChain(entries);
        expect(verdict).toMatchObject({ ok: false, brokenAt: i + 1, entryId: entries[i].id, count: i });
      }),
    );
  });

  it('notices a deleted entry and a reordered pair', () => {
    const entries = chain([0, 1, 2, 3].map((n) => ({ ...baseContent, id: `00000000-0000-4000-8000-00000000000${n}` })));
    expect(verifyChain([entries[0], entries[2], entries[3]])).toMatchObject({ ok: false, brokenAt: 3 });
    expect(verifyChain([entries[0], entries[2], entries[1], entries[3]])).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('hashes the same whatever order the data keys come back in (jsonb reorders them)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    const a = auditHash(GENESIS_HASH, { ...baseContent, seq: 1, data: { x: 1, y: 2 } });
    const b = auditHash(GENESIS_HASH, { ...baseContent, seq: 1, data: { y: 2, x: 1 } });
    expect(a).toBe(b);
  });
});

const baseContent: Omit<AuditContent, 'seq'> = {
  id: '00000000-0000-4000-8000-000000000000',
  at: '2026-11-23T10:00:00.000Z',
  actorId: null,
  actorLabel: 'system',
  funderId: null,
  organisationId: null,
  action: 'test',
  objectType: 'user',
  objectId: null,
  reason: null,
  data: {},
};
