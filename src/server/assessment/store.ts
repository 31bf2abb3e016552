import type { Tx } from '../../db/connection.ts';
import type { ApplicationContent } from '../../domain/applications/types.ts';
import { type Scores, summarise, weightedScore } from '../../domain/assessment/reviews.ts';
import { screenAutomatically } from '../../domain/assessment/screening.ts';
import type { CallRules } from '../../domain/calls/types.ts';
import type { LegalForm } from '../../domain/organisation.ts';
import { eligibleUntil } from '../eligibility/store.ts';
import { Problem } from '../problem.ts';

/** A submitted application with what assessing it needs: the frozen version, the call and the applicant's standing. */
export async function assessedApplication(tx: Tx, id: string) {
  const row = await tx
    .selectFrom('applications')
    .innerJoin('calls', 'calls.id', 'applications.call_id')
    .innerJoin('funders', 'funders.id', 'calls.funder_id')
    .innerJoin('organisations', 'organisations.id', 'applications.organisation_id')
    .select([
      'applications.id',
      'applications.funder_id',
      'applications.call_id',
      'applications.organisation_id',
      'applications.organisation_name',
      'applications.status',
      'applications.case_number',
      'applications.submitted_at',
      'applications.submitted_content',
      'calls.rules',
      'calls.budget_line_id',
      'funders.name as funder_name',
      'funders.kind as funder_kind',
      'funders.delegation_limit',
      'funders.decision_body',
      'organisations.legal_form',
    ])
    .select((eb) => eligibleUntil(eb))
    .where('applications.id', '=', id)
    .executeTakeFirst();
  if (!row?.submitted_content || !row.submitted_at || !row.case_number) throw new Problem(409, 'application_not_submitted');
  const content = row.submitted_content as ApplicationContent;
  const rules = row.rules as CallRules;
  return {
    ...row,
    content,
    rules,
    caseNumber: row.case_number,
    submittedAt: row.submitted_at,
    automatic: screenAutomatically(
      rules,
      { legalForm: row.legal_form as LegalForm, eligibleUntil: (row.eligible_until as string | null) ?? null },
      content,
      row.submitted_at,
    ),
  };
}

export type AssessedApplication = Awaited<ReturnType<typeof assessedApplication>>;

export async function latestScreening(tx: Tx, applicationId: string) {
  return tx.selectFrom('screenings').selectAll().where('application_id', '=', applicationId).orderBy('screened_at', 'desc').limit(1).executeTakeFirst();
}

/** Every reviewer's assignment with their scores, for one application or all of a call's. */
export async function reviewsOf(tx: Tx, applicationIds: readonly string[]) {
  if (!applicationIds.length) return [];
  const assignments = await tx
    .selectFrom('review_assignments')
    .innerJoin('users', 'users.id', 'review_assignments.reviewer_id')
    .select([
      'review_assignments.application_id',
      'review_assignments.reviewer_id',
      'users.name as reviewer_name',
      'review_assignments.conflict',
      'review_assignments.conflict_note',
      'review_assignments.declared_at',
      'review_assignments.submitted_at',
      'review_assignments.assigned_at',
    ])
    .where('review_assignments.application_id', 'in', applicationIds)
    .orderBy('review_assignments.assigned_at')
    .execute();
  const scores = await tx.selectFrom('review_scores').selectAll().where('application_id', 'in', applicationIds).execute();
  return assignments.map((a) => {
    const own: Scores = {};
    for (const s of scores)
      if (s.application_id === a.application_id && s.reviewer_id === a.reviewer_id) own[s.criterion_id] = { score: s.score, comment: s.comment };
    return { ...a, scores: own };
  });
}

export type Review = Awaited<ReturnType<typeof reviewsOf>>[number];

/** The submitted reviews' weighted scores and their summary, with the outliers named. */
export function scoreSummary(rules: CallRules, reviews: readonly Review[]) {
  const submitted = reviews.filter((r) => r.submitted_at && r.conflict === 'none');
  const weighted = submitted.map((r) => weightedScore(rules.criteria, r.scores));
  const summary = summarise(weighted);
  return {
    count: summary.count,
    mean: summary.mean,
    spread: summary.spread,
    min: summary.min,
    max: summary.max,
    outliers: summary.outliers.map((i) => ({
      reviewerId: submitted[i]?.reviewer_id as string,
      name: submitted[i]?.reviewer_name as string,
      score: weighted[i] as number,
    })),
  };
}

/** A reviewer's assignment to an application, locked for a change; 403 for one not assigned. */
export async function lockedAssignment(tx: Tx, applicationId: string, reviewerId: string) {
  const row = await tx
    .selectFrom('review_assignments')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('reviewer_id', '=', reviewerId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new Problem(403, 'not_assigned_reviewer');
  return row;
}
