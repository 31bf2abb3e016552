import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApplicationContent } from '../../src/domain/applications/types.ts';
import { afterGrant, type BudgetState, fits, remaining } from '../../src/domain/assessment/budget.ts';
import { appealInfo, decisionProblems, outcomeFor } from '../../src/domain/assessment/decisions.ts';
import { summarise, weightedScore } from '../../src/domain/assessment/reviews.ts';
import { screenAutomatically, settleScreening } from '../../src/domain/assessment/screening.ts';
import type { DecisionInput } from '../../src/domain/assessment/types.ts';
import type { CallRules } from '../../src/domain/calls/types.ts';
import { type Ore, ore } from '../../src/domain/money.ts';

describe('the budget guard', () => {
  const state = (callAmount: number, callGranted: number, line: BudgetState['line'] = null): BudgetState => ({
    callAmount: ore(callAmount),
    callGranted: ore(callGranted),
    line,
  });

  it('leaves the smaller of what is left of the call and of its line', () => {
    expect(remaining(state(100, 30))).toBe(70);
    expect(remaining(state(100, 30, { amount: ore(500), granted: ore(460) }))).toBe(40);
    expect(remaining(state(100, 120))).toBe(0);
    // A superseded decision's amount is freed for the one replacing it.
    expect(remaining(state(100, 100), ore(25))).toBe(25);
    expect(fits(state(100, 30), ore(70))).toBe(true);
    expect(fits(state(100, 30), ore(71))).toBe(false);
    expect(fits(state(100, 30), 0.5 as Ore)).toBe(false);
    expect(fits(state(100, 30), ore(-1))).toBe(false);
  });

  it('never lets granted exceed the call or the line, whatever sequence of grants and replacements is tried', () => {
    const action = fc.record({ amount: fc.integer({ min: 0, max: 2_000_000 }).map(ore), replaces: fc.option(fc.nat(), { nil: null }) });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(action, { maxLength: 60 }),
        (callAmount, lineExtra, actions) => {
          let s = state(callAmount, 0, { amount: ore(callAmount + lineExtra), granted: ore(0) });
          const current: Ore[] = [];
          for (const a of actions) {
            const index = a.replaces !== null && current.length ? a.replaces % current.length : -1;
            const freed = index >= 0 ? current[index] : ore(0);
            if (!fits(s, a.amount, freed)) continue;
            s = afterGrant(s, a.amount, freed);
            if (index >= 0) current[index] = a.amount;
            else current.push(a.amount);
            const sum = current.reduce((x, y) => x + y, 0);
            if (s.callGranted !== sum || sum > callAmount || (s.line && s.line.granted > s.line.amount)) return false;
          }
          return true;
        },
      ),
    );
  });

  it('accepts a grant exactly when it fits the remaining amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), (amount, granted, ask) => {
        const s = state(amount, Math.min(granted, amount));
        return fits(s, ore(ask)) === ask <= amount - Math.min(granted, amount);
      }),
    );
  });
});

describe('decisions', () => {
  const base: DecisionInput = {
    amount: ore(100),
    reasons: 'Skäl',
    conditions: '',
    grantFrom: '2027-01-01',
    grantTo: '2027-12-31',
    madeBy: 'committee',
    decisionBody: 'Socialnämnden',
    paragraph: '§ 4',
    decidedOn: '2026-11-20',
    announcedOn: null,
    reservations: [],
  };
  const ctx = { requested: ore(200), delegationLimit: ore(50), today: '2026-11-23' };

  it('follows the outcome from the amount', () => {
    expect(outcomeFor(ore(0), ore(200))).toBe('rejected');
    expect(outcomeFor(ore(100), ore(200))).toBe('partially_approved');
    expect(outcomeFor(ore(200), ore(200))).toBe('approved');
  });

  it('puts each problem on its field', () => {
    expect(decisionProblems(base, ctx)).toEqual([]);
    expect(decisionProblems({ ...base, amount: ore(201) }, ctx)).toEqual([{ field: 'amount', code: 'amount_above_requested', params: { requested: 200 } }]);
    expect(decisionProblems({ ...base, reasons: ' ' }, ctx).map((p) => p.field)).toEqual(['reasons']);
    expect(decisionProblems({ ...base, paragraph: '' }, ctx).map((p) => p.field)).toEqual(['paragraph']);
    expect(decisionProblems({ ...base, decidedOn: '2026-11-24' }, ctx).map((p) => p.code)).toEqual(['date_in_future']);
    expect(decisionProblems({ ...base, announcedOn: '2026-11-19' }, ctx).map((p) => p.code)).toEqual(['announced_before_decided']);
    expect(decisionProblems({ ...base, madeBy: 'delegate', paragraph: '' }, ctx).map((p) => p.code)).toEqual(['above_delegation']);
    expect(decisionProblems({ ...base, madeBy: 'delegate', amount: ore(50) }, ctx)).toEqual([]);
    expect(decisionProblems({ ...base, grantTo: '2026-12-31' }, ctx).map((p) => p.code)).toEqual(['end_before_start_date']);
    // A rejection needs no grant period.
    expect(decisionProblems({ ...base, amount: ore(0), grantFrom: null, grantTo: null }, ctx)).toEqual([]);
    expect(decisionProblems({ ...base, reservations: [{ kind: 'dissent', by: 'Per Ek (V)', text: '' }] }, ctx).map((p) => p.field)).toEqual([
      'reservations.0.text',
    ]);
  });

  it('gives the appeal deadline three weeks from the announcement (kommunallagen) or the letter (förvaltningslagen)', () => {
    expect(appealInfo('municipal', { decidedOn: '2022-03-24', announcedOn: '2022-03-29' }, '2022-03-29')).toEqual({
      law: 'kommunallagen',
      from: '2022-03-29',
      deadline: '2022-04-19',
    });
    expect(appealInfo('state', { decidedOn: '2026-12-20', announcedOn: '2026-12-20' }, '2026-12-22')).toEqual({
      law: 'forvaltningslagen',
      from: '2026-12-22',
      deadline: '2027-01-12',
    });
  });
});

describe('reviews', () => {
  const criteria = [
    { id: 'a', label: 'A', weight: 40 },
    { id: 'b', label: 'B', weight: 35 },
    { id: 'c', label: 'C', weight: 25 },
  ];
  it('weighs the scores by the call’s weights', () => {
    expect(weightedScore(criteria, { a: { score: 4, comment: '' }, b: { score: 3, comment: '' }, c: { score: 5, comment: '' } })).toBeCloseTo(3.9, 12);
  });

  it('summarises mean and spread, and names a reviewer far from the others', () => {
    expect(summarise([])).toMatchObject({ count: 0, mean: null, outliers: [] });
    expect(summarise([2, 4])).toMatchObject({ mean: 3, spread: 1, outliers: [] });
    const s = summarise([4, 4.2, 1.5]);
    expect(s.outliers).toEqual([2]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 5, noNaN: true }), { minLength: 1, maxLength: 12 }), (xs) => {
        const r = summarise(xs);
        return (r.mean as number) >= (r.min as number) - 1e-9 && (r.mean as number) <= (r.max as number) + 1e-9 && (r.spread as number) >= 0;
      }),
    );
  });
});

describe('screening', () => {
  const rules = {
    opensOn: '2026-01-01',
    deadline: '2026-03-01',
    eligibleForms: ['ideell_forening'],
    requiresEligibilityApproval: false,
    focusAreas: [],
    minAmount: 0,
    maxAmount: 100,
    exclusions: ['for_profit'],
    requiredAttachments: [],
    questions: [],
    activityTypes: [],
  } as unknown as CallRules;
  const content = {
    title: 'T',
    description: 'D',
    complement: 'K',
    focusAreas: [],
    activities: [
      {
        typeKey: 'x',
        proposedType: null,
        description: '',
        targetGroups: ['children'],
        areas: [],
        from: '2026-04-01',
        to: '2026-05-01',
        expectedParticipants: 3,
      },
    ],
    budget: [{ label: 'Allt', amount: ore(50) }],
    ownContribution: ore(0),
    otherFunding: ore(0),
    amountRequested: ore(50),
    partners: [],
    contacts: [{ name: 'N', email: 'n@x.se', phone: '' }],
    declarations: { for_profit: true },
    answers: {},
    attachments: [],
  } as ApplicationContent;

  it('applies the self-check at the time of submission, grouped into rules', () => {
    const inTime = screenAutomatically(rules, { legalForm: 'ideell_forening', eligibleUntil: null }, content, new Date('2026-02-28T12:00:00+01:00'));
    expect(inTime.every((r) => r.ok)).toBe(true);
    const late = screenAutomatically(
      rules,
      { legalForm: 'stiftelse' as never, eligibleUntil: null },
      { ...content, amountRequested: ore(150), declarations: {} },
      new Date('2026-03-02T12:00:00+01:00'),
    );
    expect(late.filter((r) => !r.ok).map((r) => r.rule)).toEqual(['submitted_in_time', 'legal_form', 'exclusions_declared', 'amount_within_limits']);
  });

  it('needs every rule settled, and a reason for each override', () => {
    const automatic = screenAutomatically(rules, { legalForm: 'ideell_forening', eligibleUntil: null }, content, new Date('2026-02-28T12:00:00+01:00'));
    const all = automatic.map((r) => ({ rule: r.rule, ok: true }));
    expect(settleScreening(automatic, all)).toMatchObject({ outcome: 'eligible', problems: [] });
    expect(settleScreening(automatic, all.slice(1)).problems).toEqual([{ field: 'rules.submitted_in_time', code: 'screening_rule_unsettled' }]);
    const overridden = all.map((c, i) => (i === 1 ? { ...c, ok: false } : c));
    expect(settleScreening(automatic, overridden).problems).toEqual([{ field: 'rules.legal_form.reason', code: 'override_reason_needed' }]);
    const withReason = overridden.map((c, i) => (i === 1 ? { ...c, reason: 'Föreningen är upplöst.' } : c));
    expect(settleScreening(automatic, withReason)).toMatchObject({ outcome: 'ineligible', problems: [] });
  });
});
