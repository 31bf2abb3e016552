import { describe, expect, it } from 'vitest';
import { budgetTotal, contentProblems, formatCaseNumber, selfCheck } from '../../src/domain/applications/rules.ts';
import type { ApplicationContent } from '../../src/domain/applications/types.ts';
import type { CallRules } from '../../src/domain/calls/types.ts';
import { ore } from '../../src/domain/money.ts';

const call: CallRules = {
  title: 'Uppdragsbidrag 2022',
  summary: 's',
  description: '',
  budgetLineId: 'l',
  amount: ore(300_000_000),
  focusAreas: ['Uppsökande verksamhet'],
  eligibleForms: ['ideell_forening', 'studieforbund', 'trossamfund'],
  exclusions: ['religious_or_political', 'for_profit', 'already_completed'],
  targetGroups: ['young_people'],
  targetAreas: [],
  opensOn: '2022-02-01',
  deadline: '2022-03-06',
  grantPeriodMonths: 12,
  minAmount: ore(2_500_000),
  maxAmount: ore(75_000_000),
  requiredAttachments: ['statutes'],
  requiresEligibilityApproval: false,
  criteria: [{ id: 'a', label: 'A', weight: 100 }],
  followUp: { reportDueMonths: 2, requireFinancialReport: true, requireParticipantSurvey: true },
  questions: [{ id: 'reach', page: 1, type: 'number', label: 'Hur många?', required: true, min: 1 }],
  activityTypes: ['night_walks'],
};

const complete: ApplicationContent = {
  title: 'Nattvandring',
  description: 'Vi vandrar.',
  complement: 'Vi rapporterar till fältgruppen.',
  focusAreas: ['Uppsökande verksamhet'],
  activities: [
    {
      typeKey: 'night_walks',
      proposedType: null,
      description: '',
      targetGroups: ['young_people'],
      areas: ['Navestad'],
      from: '2022-04-01',
      to: '2023-03-31',
      expectedParticipants: 100,
    },
  ],
  budget: [
    { label: 'Västar', amount: ore(1_000_000) },
    { label: 'Samordnare', amount: ore(30_000_000) },
  ],
  ownContribution: ore(1_000_000),
  otherFunding: ore(0),
  amountRequested: ore(30_000_000),
  partners: [],
  contacts: [{ name: 'Fatima', email: 'fatima@forening.se', phone: '' }],
  declarations: { religious_or_political: true, for_profit: true, already_completed: true },
  answers: { reach: 100 },
  attachments: [{ kind: 'statutes', fileId: 'f', name: 'stadgar.pdf' }],
};

const codes = (c: ApplicationContent) => contentProblems(call, c).map((p) => `${p.field}:${p.code}`);

describe('application rules', () => {
  it('accept a complete application', () => {
    expect(codes(complete)).toEqual([]);
    expect(budgetTotal(complete)).toBe(31_000_000);
  });

  it('refuse an amount above the maximum or below the minimum, on the amount', () => {
    expect(codes({ ...complete, amountRequested: ore(75_000_001), budget: [{ label: 'x', amount: ore(76_000_001) }] })).toEqual([
      'amountRequested:amount_above_max',
    ]);
    expect(codes({ ...complete, amountRequested: ore(2_499_999), budget: [{ label: 'x', amount: ore(3_499_999) }] })).toEqual([
      'amountRequested:amount_below_min',
    ]);
    expect(codes({ ...complete, amountRequested: ore(75_000_000), budget: [{ label: 'x', amount: ore(76_000_000) }] })).toEqual([]);
  });

  it('want the financing to cover the budget exactly, to the öre', () => {
    expect(codes({ ...complete, ownContribution: ore(999_999) })).toEqual(['amountRequested:financing_must_cover_budget']);
  });

  it('want every exclusion of the call declared as not applying', () => {
    expect(codes({ ...complete, declarations: { religious_or_political: true, for_profit: false } })).toEqual([
      'declarations.for_profit:declaration_needed',
      'declarations.already_completed:declaration_needed',
    ]);
  });

  it('want each required attachment, activities that fit the call, dates in order and the answers', () => {
    const c: ApplicationContent = {
      ...complete,
      attachments: [],
      activities: [{ ...complete.activities[0], typeKey: 'night_dance', from: '2022-05-01', to: '2022-04-01' }],
      answers: {},
    };
    expect(codes(c)).toEqual([
      'activities.0.typeKey:activity_not_in_call',
      'activities.0.to:end_before_start_date',
      'attachments.statutes:attachment_missing',
      'answers.reach:required',
    ]);
  });

  it('accept a proposed new kind of activity instead of one from the catalogue', () => {
    expect(codes({ ...complete, activities: [{ ...complete.activities[0], typeKey: null, proposedType: 'Fredagsfika' }] })).toEqual([]);
    expect(codes({ ...complete, activities: [{ ...complete.activities[0], typeKey: null, proposedType: ' ' }] })).toEqual(['activities.0.typeKey:required']);
  });

  it('check co-applicants’ organisation numbers and contacts’ e-mail', () => {
    const c = { ...complete, partners: [{ orgNumber: '802000-1238', name: 'X', role: '' }], contacts: [{ name: 'A', email: 'inte-epost', phone: '' }] };
    expect(codes(c)).toEqual(['partners.0.orgNumber:org_number_invalid', 'contacts.0.email:invalid_email']);
  });
});

describe('the self-check', () => {
  const org = { legalForm: 'ideell_forening' as const, eligibleUntil: null };
  it('is ready for a complete application from an eligible organisation while the call is open', () => {
    expect(selfCheck(call, org, complete, new Date('2022-03-06T22:59:59Z')).ready).toBe(true);
  });

  it('is not ready one second after the deadline day ends in Stockholm, and says why', () => {
    const check = selfCheck(call, org, complete, new Date('2022-03-06T23:00:00Z'));
    expect(check.ready).toBe(false);
    expect(check.eligibility.find((r) => !r.ok)).toMatchObject({ rule: 'call_open', params: { phase: 'closed' } });
  });

  it('is not ready for a company, whatever the content', () => {
    expect(
      selfCheck(call, { legalForm: 'aktiebolag', eligibleUntil: null }, complete, new Date('2022-03-01T12:00:00Z'))
        .eligibility.filter((r) => !r.ok)
        .map((r) => r.rule),
    ).toEqual(['legal_form']);
  });
});

describe('case numbers', () => {
  it('are the funder’s prefix, the year and a five-digit sequence', () => {
    expect(formatCaseNumber('SN', 2022, 17)).toBe('SN 2022/00017');
    expect(formatCaseNumber('Dnr', 2026, 123456)).toBe('Dnr 2026/123456');
  });
});
