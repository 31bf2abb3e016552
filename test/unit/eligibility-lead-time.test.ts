import { describe, expect, it } from 'vitest';
import { approvalOutlook, approvalStanding, LEAD_TIME_FALLBACK_DAYS, LEAD_TIME_MIN_HISTORY, usualLeadTime } from '../../src/domain/eligibility.ts';

describe('how long an eligibility approval usually takes', () => {
  it('states the fallback while the funder has decided too few requests', () => {
    expect(usualLeadTime([])).toEqual({ days: LEAD_TIME_FALLBACK_DAYS, basis: 'fallback', decided: 0 });
    expect(usualLeadTime([2, 3, 4, 5].slice(0, LEAD_TIME_MIN_HISTORY - 1))).toMatchObject({ basis: 'fallback', decided: LEAD_TIME_MIN_HISTORY - 1 });
  });

  it("is the median of the funder's own waits, rounded up to whole days", () => {
    expect(usualLeadTime([30, 1, 5, 9, 2])).toEqual({ days: 5, basis: 'history', decided: 5 });
    // An even count takes the mean of the middle two: (4 + 6.5) / 2 = 5.25, so 6 days.
    expect(usualLeadTime([1, 4, 6.5, 8, 2, 20])).toEqual({ days: 6, basis: 'history', decided: 6 });
    // A same-day decision is still said as one day, never zero.
    expect(usualLeadTime([0.1, 0.2, 0.2, 0.3, 0.1]).days).toBe(1);
  });

  it('ignores waits that are not waits', () => {
    expect(usualLeadTime([Number.NaN, -1, 3, 3, 3, 3]).basis).toBe('fallback');
  });
});

describe('where an organisation stands with a funder', () => {
  it('prefers an approval still valid, then an open request, then a rejection', () => {
    const approved = { status: 'approved' as const, submittedOn: '2026-01-10', validUntil: '2026-12-31' };
    const pending = { status: 'submitted' as const, submittedOn: '2026-11-20', validUntil: null };
    expect(approvalStanding([pending, approved], '2026-12-01')).toEqual({ kind: 'approved', validUntil: '2026-12-31' });
    expect(approvalStanding([pending, { ...approved, validUntil: '2025-12-31' }], '2026-12-01')).toEqual({ kind: 'pending', since: '2026-11-20' });
    expect(approvalStanding([{ ...pending, status: 'needs_more' }], '2026-12-01')).toEqual({ kind: 'needs_more', since: '2026-11-20' });
    expect(approvalStanding([{ ...pending, status: 'rejected' }], '2026-12-01')).toEqual({ kind: 'rejected' });
    expect(approvalStanding([], '2026-12-01')).toEqual({ kind: 'none' });
  });
});

describe('the risk that approval comes too late for a deadline', () => {
  it('is no risk for an organisation approved today, even if its approval ends before the deadline (it can send now)', () => {
    expect(approvalOutlook({ kind: 'approved', validUntil: '2026-12-31' }, '2026-12-15', '2026-12-01', 21)).toBeNull();
    expect(approvalOutlook({ kind: 'approved', validUntil: '2026-12-31' }, '2027-01-02', '2026-12-01', 21)).toBeNull();
  });

  it('counts the usual lead time from today for an organisation that has not asked', () => {
    expect(approvalOutlook({ kind: 'none' }, '2026-12-15', '2026-12-01', 21)).toEqual({ expectedBy: '2026-12-22', atRisk: true });
    expect(approvalOutlook({ kind: 'none' }, '2027-01-31', '2026-12-01', 21)).toEqual({ expectedBy: '2026-12-22', atRisk: false });
    // Approval expected on the deadline day itself is still in time: the deadline runs to the end of its day.
    expect(approvalOutlook({ kind: 'rejected' }, '2026-12-22', '2026-12-01', 21)?.atRisk).toBe(false);
  });

  it('counts from when a pending request was sent, and never expects approval before today', () => {
    expect(approvalOutlook({ kind: 'pending', since: '2026-11-20' }, '2026-12-15', '2026-12-01', 21)).toEqual({ expectedBy: '2026-12-11', atRisk: false });
    expect(approvalOutlook({ kind: 'needs_more', since: '2026-10-01' }, '2026-12-15', '2026-12-01', 21)).toEqual({ expectedBy: '2026-12-01', atRisk: false });
  });

  it('has no risk to state for a call without a deadline', () => {
    expect(approvalOutlook({ kind: 'none' }, null, '2026-12-01', 21)?.atRisk).toBe(false);
  });
});
