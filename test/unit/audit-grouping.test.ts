import { describe, expect, it } from 'vitest';
import { type AuditEntry, grouped } from '../../src/web/audit/AuditTrail.tsx';

let seq = 0;
const entry = (action: string, actor: string, changed?: string[], run?: { saves: number; firstSavedAt: string }): AuditEntry => ({
  position: ++seq,
  chain: '00000000-0000-0000-0000-000000000000',
  seq,
  at: new Date(Date.UTC(2026, 10, 1, 12, seq)).toISOString(),
  actor,
  action,
  objectType: 'application',
  objectId: null,
  reason: null,
  data: { ...(changed ? { changed } : {}), ...run },
  hash: '',
  sealed: true,
});

describe('the history folds repeated saves', () => {
  it('folds a run of draft saves by one person into one line, with every part it changed', () => {
    const newestFirst = [
      entry('application.submitted', 'sara'),
      entry('application.draft_saved', 'sara', ['budget']),
      entry('application.draft_saved', 'sara', ['title', 'budget']),
      entry('application.draft_saved', 'sara', ['title']),
      entry('application.started', 'sara'),
    ];
    const groups = grouped(newestFirst);
    expect(groups.map((g) => [g.entry.action, g.count])).toEqual([
      ['application.submitted', 1],
      ['application.draft_saved', 3],
      ['application.started', 1],
    ]);
    expect(groups[1]?.entry).toBe(newestFirst[1]);
    expect(groups[1]?.firstAt).toBe(newestFirst[3]?.at);
    expect(groups[1]?.changed).toEqual(['budget', 'title']);
  });

  it('counts the saves a gathered run stands for, and dates the line from its first save', () => {
    const first = '2026-11-01T11:00:00.000Z';
    const groups = grouped([
      entry('application.draft_saved', 'sara', ['budget'], { saves: 4, firstSavedAt: '2026-11-01T11:20:00.000Z' }),
      entry('application.draft_saved', 'sara', ['title'], { saves: 7, firstSavedAt: first }),
      entry('application.started', 'sara'),
    ]);
    expect(groups.map((g) => [g.entry.action, g.count])).toEqual([
      ['application.draft_saved', 11],
      ['application.started', 1],
    ]);
    expect(groups[0]?.firstAt).toBe(first);
    expect(groups[0]?.changed).toEqual(['budget', 'title']);
  });

  it('keeps runs by different people apart, and never folds other actions', () => {
    const groups = grouped([
      entry('application.draft_saved', 'sara'),
      entry('application.draft_saved', 'leo'),
      entry('application.draft_saved', 'leo'),
      entry('application.completion_requested', 'hanna'),
      entry('application.completion_requested', 'hanna'),
    ]);
    expect(groups.map((g) => [g.entry.actor, g.count])).toEqual([
      ['sara', 1],
      ['leo', 2],
      ['hanna', 1],
      ['hanna', 1],
    ]);
  });
});
