// Received applications on calls of their own, for tests of assessment and decisions: the demo's
// 2022 call and its first application are the template, as the funder's own would be.

import type { Database } from '../../src/db/connection.ts';
import type { ApplicationContent } from '../../src/domain/applications/types.ts';
import { SCREENING_RULES } from '../../src/domain/assessment/types.ts';
import type { CallRules } from '../../src/domain/calls/types.ts';
import { dateInStockholm } from '../../src/domain/deadlines.ts';
import { type Ore, ore } from '../../src/domain/money.ts';

export interface Template {
  funderId: string;
  rules: CallRules;
  content: ApplicationContent;
  organisationId: string;
}

/** Socialnämnden Norrköping's 2022 call and the first application to it. */
export async function demoTemplate(db: Database): Promise<Template> {
  const row = await db.kysely
    .selectFrom('applications')
    .innerJoin('calls', 'calls.id', 'applications.call_id')
    .select(['calls.rules', 'calls.funder_id', 'applications.submitted_content', 'applications.organisation_id'])
    .where('case_number', '=', 'SN 2022/00001')
    .executeTakeFirstOrThrow();
  return { funderId: row.funder_id, rules: row.rules as CallRules, content: row.submitted_content as ApplicationContent, organisationId: row.organisation_id };
}

/**
 * A published call of the template's funder, open until 2099, with the template's rules changed by `over`.
 * Written as it is rather than through create-call and publish-call: these calls draw on no budget line
 * unless `over` names one, which publishing refuses, so tests can reach the call's own limit alone.
 */
export async function publishedCall(db: Database, template: Template, over: Partial<CallRules> = {}): Promise<{ id: string; rules: CallRules }> {
  const rules: CallRules = { ...template.rules, budgetLineId: null, opensOn: '2022-01-01', deadline: '2099-12-31', ...over };
  const call = await db.kysely
    .insertInto('calls')
    .values({
      funder_id: template.funderId,
      status: 'published',
      title: rules.title,
      amount: rules.amount,
      budget_line_id: rules.budgetLineId,
      opens_on: rules.opensOn,
      deadline: rules.deadline,
      rules: JSON.stringify(rules),
      published_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: call.id, rules };
}

export interface Received {
  /** The applying organisation: an existing one, or a new ideell förening of this name. */
  organisation: { id: string; name: string } | { name: string; orgNumber?: string };
  caseNumber: string;
  content?: Partial<ApplicationContent>;
}

/**
 * A submitted application on the call, as the funder received it (the template's content changed by `content`).
 * Written as it is rather than through start-application and submit-application: the tests choose its case
 * number, and the organisation made here has no member to act for it.
 */
export async function receivedApplication(db: Database, template: Template, callId: string, r: Received) {
  const organisation =
    'id' in r.organisation
      ? r.organisation
      : await db.kysely
          .insertInto('organisations')
          .values({ org_number: r.organisation.orgNumber ?? `test-${crypto.randomUUID()}`, name: r.organisation.name, legal_form: 'ideell_forening' })
          .returning(['id', 'name'])
          .executeTakeFirstOrThrow();
  const content: ApplicationContent = { ...template.content, ...r.content };
  const row = await db.kysely
    .insertInto('applications')
    .values({
      funder_id: template.funderId,
      call_id: callId,
      organisation_id: organisation.id,
      organisation_name: organisation.name,
      status: 'submitted',
      title: content.title,
      amount_requested: content.amountRequested,
      content: JSON.stringify(content),
      submitted_content: JSON.stringify(content),
      submitted_at: new Date(),
      case_number: r.caseNumber,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, organisationId: organisation.id, content };
}

/** The content of an application asking for `amount` öre, its budget one row of that amount. */
export const asking = (amount: Ore, title: string): Partial<ApplicationContent> => ({
  title,
  amountRequested: amount,
  budget: [{ label: 'Hela uppdraget', amount }],
  ownContribution: ore(0),
  otherFunding: ore(0),
});

/** A screening that finds every rule met. */
export const allOk = () => ({ rules: SCREENING_RULES.map((rule) => ({ rule, ok: true, reason: 'Kontrollerat.' })) });

/** A committee's decision granting `amount` öre today, with `over` changed. */
export const decision = (amount: number, over: Record<string, unknown> = {}) => ({
  amount,
  reasons: 'Uppdraget kompletterar socialkontorets arbete.',
  grantFrom: '2027-01-01',
  grantTo: '2027-12-31',
  madeBy: 'committee',
  decisionBody: 'Socialnämnden',
  paragraph: '§ 12',
  decidedOn: dateInStockholm(new Date()),
  ...over,
});
