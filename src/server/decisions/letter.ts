import type { DecisionLetterData } from '../../documents/decision-letter.ts';
import { appealInfo } from '../../domain/assessment/decisions.ts';
import type { AssessedApplication } from '../assessment/store.ts';
import type { DecisionRow } from './store.ts';

export type LetterDecision = Pick<
  DecisionRow,
  | 'decision_body'
  | 'made_by'
  | 'paragraph'
  | 'decided_on'
  | 'announced_on'
  | 'outcome'
  | 'amount'
  | 'amount_requested'
  | 'grant_from'
  | 'grant_to'
  | 'conditions'
  | 'reasons'
  | 'reservations'
>;

/** What the decision letter says, from the decision and the application it decides. */
export function letterData(
  a: AssessedApplication,
  d: LetterDecision,
  extra: { orgNumber: string; callTitle: string; letterDate: string; previous: { decided_on: string; paragraph: string } | undefined },
): DecisionLetterData {
  return {
    funderName: a.funder_name,
    decisionBody: d.decision_body,
    madeBy: d.made_by,
    paragraph: d.paragraph,
    decidedOn: d.decided_on,
    letterDate: extra.letterDate,
    caseNumber: a.caseNumber,
    organisationName: a.organisation_name,
    orgNumber: extra.orgNumber,
    callTitle: extra.callTitle,
    applicationTitle: a.content.title,
    outcome: d.outcome,
    amount: d.amount,
    amountRequested: d.amount_requested,
    grantFrom: d.grant_from,
    grantTo: d.grant_to,
    conditions: d.conditions,
    reasons: d.reasons,
    reportDueMonths: a.rules.followUp.reportDueMonths,
    reportingDuties: { financial: a.rules.followUp.requireFinancialReport, survey: a.rules.followUp.requireParticipantSurvey },
    reservations: d.reservations,
    appeal: appealInfo(a.funder_kind, { decidedOn: d.decided_on, announcedOn: d.announced_on }, extra.letterDate),
    supersedes: extra.previous ? { decidedOn: extra.previous.decided_on, paragraph: extra.previous.paragraph } : null,
  };
}

export const letterName = (caseNumber: string) => `beslut-${caseNumber.replace(/[^\w-]+/g, '-')}.pdf`;
