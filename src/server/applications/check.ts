import type { Tx } from '../../db/connection.ts';
import { selfCheck } from '../../domain/applications/rules.ts';
import type { CallRules } from '../../domain/calls/types.ts';
import { phaseAt } from '../../domain/deadlines.ts';
import type { LegalForm } from '../../domain/organisation.ts';
import { eligibleUntil } from '../eligibility/store.ts';
import { Problem } from '../problem.ts';
import type { ApplicationRow, Located } from './access.ts';

/** The call an application is to, as submitting and its receipt need it. */
export interface CallInfo {
  id: string;
  funderId: string;
  funderName: string;
  casePrefix: string;
  title: string;
  status: string;
  rules: CallRules;
}

/** Why a call cannot take a submission now, as a problem naming the dates. */
export function closedProblem(rules: CallRules, now: Date): Problem | null {
  if (!rules.opensOn || !rules.deadline) return new Problem(409, 'call_not_open');
  const phase = phaseAt(rules.opensOn, rules.deadline, now);
  if (phase === 'closed') return new Problem(409, 'deadline_passed', { deadline: rules.deadline });
  if (phase === 'upcoming') return new Problem(409, 'call_upcoming', { opensOn: rules.opensOn });
  return null;
}

/** The problem code of each eligibility rule a submission can fail. */
export const ELIGIBILITY_CODES = {
  call_open: 'call_not_open',
  legal_form: 'legal_form_not_eligible',
  eligibility_approval: 'eligibility_approval_missing',
} as const;

/**
 * The self-check on the stored draft: the application, its call, the organisation's legal form and
 * its eligibility approval, read in one statement (locking the application row when submitting).
 */
export async function checkApplication(tx: Tx, located: Located, now: Date, lock = false) {
  const query = tx
    .selectFrom('applications')
    .innerJoin('calls', 'calls.id', 'applications.call_id')
    .innerJoin('funders', 'funders.id', 'calls.funder_id')
    .innerJoin('organisations', 'organisations.id', 'applications.organisation_id')
    .selectAll('applications')
    .select([
      'calls.status as call_status',
      'calls.title as call_title',
      'calls.rules',
      'funders.name as funder_name',
      'funders.case_prefix',
      'organisations.legal_form',
    ])
    .select((eb) => eligibleUntil(eb))
    .where('applications.id', '=', located.id);
  const { call_status, call_title, rules, funder_name, case_prefix, legal_form, eligible_until, ...row } = await (lock
    ? query.forUpdate('applications')
    : query
  ).executeTakeFirstOrThrow();
  if (call_status !== 'published') throw new Problem(404, 'not_found');
  const call: CallInfo = {
    id: row.call_id,
    funderId: row.funder_id,
    funderName: funder_name,
    casePrefix: case_prefix,
    title: call_title,
    status: call_status,
    rules,
  };
  const check = selfCheck(rules, { legalForm: legal_form as LegalForm, eligibleUntil: (eligible_until as string | null) ?? null }, row.content, now);
  return { call, check, row: row as ApplicationRow };
}
