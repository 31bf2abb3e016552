// The survey as the association and the funder's staff manage it: its link and poster, whether it is open,
// how many have answered, and the association's own questions (changeable until the first answer arrives).
// Every change is the signed-in person's act, audited; answers themselves never are.

import { audit } from '../../db/audit.ts';
import type { Tx } from '../../db/connection.ts';
import type { Scope } from '../../db/scope.ts';
import { scoped } from '../../db/scope.ts';
import { hasFunderRole, isMemberOf, policy } from '../../domain/roles.ts';
import { mayReopen, releases } from '../../domain/surveys/anonymity.ts';
import { type RawExtraQuestion, readExtraQuestions } from '../../domain/surveys/answers.ts';
import { type ExtraQuestion, MAX_EXTRA_QUESTIONS } from '../../domain/surveys/questions.ts';
import { locateAgreement, partyAccess } from '../agreements/store.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';

export interface LocatedSurvey {
  id: string;
  funderId: string;
  organisationId: string;
  agreementId: string;
  /** staff: the funder's; organisation: a member of the association. */
  access: 'staff' | 'organisation';
  scope: Scope;
}

/** What the person may do with the survey. */
export function surveyRights(user: SignedInUser, s: Pick<LocatedSurvey, 'funderId' | 'organisationId'>) {
  const caseworker = hasFunderRole(user, s.funderId, 'caseworker');
  const member = isMemberOf(user, s.organisationId);
  return {
    /** The association's members and the caseworker change the questions and open and close the survey. */
    manage: caseworker || member,
    /** Free texts are for the funder's staff only, never the association (they may name people). */
    seeFreeTexts: policy.readFunder(user, s.funderId),
    /** Reading an unread free text, and masking one, is the caseworker's. */
    readFreeTexts: caseworker,
  };
}

function located(user: SignedInUser, row: { id: string; funder_id: string; organisation_id: string; agreement_id: string }): LocatedSurvey {
  return { id: row.id, funderId: row.funder_id, organisationId: row.organisation_id, agreementId: row.agreement_id, ...partyAccess(user, row) };
}

/** Who the user is to a survey: staff of its funder or a member of its association; anyone else is told it does not exist. */
export async function locateSurvey(ctx: AppContext, user: SignedInUser, id: string): Promise<LocatedSurvey> {
  const row = await ctx.db.kysely.selectFrom('surveys').select(['id', 'funder_id', 'organisation_id', 'agreement_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new Problem(404, 'not_found');
  return located(user, row);
}

/** The survey of an agreement; 404 survey_not_found when the call asked for none. */
export async function locateAgreementSurvey(ctx: AppContext, user: SignedInUser, agreementId: string): Promise<LocatedSurvey> {
  // Access first: whether an agreement has a survey is not for strangers to learn.
  await locateAgreement(ctx, user, agreementId);
  const row = await ctx.db.kysely
    .selectFrom('surveys')
    .select(['id', 'funder_id', 'organisation_id', 'agreement_id'])
    .where('agreement_id', '=', agreementId)
    .executeTakeFirst();
  if (!row) throw new Problem(404, 'survey_not_found');
  return located(user, row);
}

export interface SurveyView {
  id: string;
  agreementId: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  link: string;
  posterUrl: string;
  answers: number;
  extraQuestions: ExtraQuestion[];
  maxExtraQuestions: number;
  questionsFrozen: boolean;
  /** Its results have been shown: it is never opened again. */
  released: boolean;
  minGroup: number;
  /** Free texts waiting for the caseworker to read them; null for whoever may not read them. */
  unreadFreeTexts: number | null;
  can: { editQuestions: boolean; close: boolean; open: boolean; seeFreeTexts: boolean; readFreeTexts: boolean };
}

export async function presentSurvey(ctx: AppContext, user: SignedInUser, s: LocatedSurvey): Promise<SurveyView> {
  const row = await ctx.db.kysely
    .selectFrom('surveys as s')
    .innerJoin('funders as f', 'f.id', 's.funder_id')
    .select(['s.id', 's.agreement_id', 's.token', 's.status', 's.closed_at', 's.released_at', 's.extra_questions', 'f.survey_min_group'])
    .select((eb) => [
      eb.selectFrom('survey_answers as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.survey_id', '=', 's.id').as('answers'),
      eb
        .selectFrom('survey_answers as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.survey_id', '=', 's.id')
        .where('a.free_text_state', '=', 'unread')
        .as('unread'),
    ])
    .where('s.id', '=', s.id)
    .executeTakeFirstOrThrow();
  const rights = surveyRights(user, s);
  const answers = Number(row.answers ?? 0);
  return {
    id: row.id,
    agreementId: row.agreement_id,
    status: row.status,
    closedAt: row.closed_at ? row.closed_at.toISOString() : null,
    link: surveyLink(ctx, row.token),
    posterUrl: `/api/surveys/${row.id}/poster.pdf`,
    answers,
    extraQuestions: row.extra_questions,
    maxExtraQuestions: MAX_EXTRA_QUESTIONS,
    questionsFrozen: answers > 0,
    released: row.released_at !== null,
    minGroup: row.survey_min_group,
    unreadFreeTexts: rights.readFreeTexts ? Number(row.unread ?? 0) : null,
    can: {
      editQuestions: rights.manage && answers === 0,
      close: rights.manage && row.status === 'open',
      // Released results are never reopened (setSurveyOpen says why).
      open: rights.manage && row.status === 'closed' && mayReopen({ released: row.released_at !== null, answers }, row.survey_min_group),
      seeFreeTexts: rights.seeFreeTexts,
      readFreeTexts: rights.readFreeTexts,
    },
  };
}

/** The address participants answer at. */
export const surveyLink = (ctx: AppContext, token: string) => `${ctx.config.publicUrl}/s/${token}`;

function mayManage(user: SignedInUser, s: LocatedSurvey) {
  if (!surveyRights(user, s).manage) throw new Problem(403, 'forbidden');
}

/** The survey's row, locked for the change: answers (which hold it key-shared) and other changes wait. */
const lockSurvey = (tx: Tx, id: string) =>
  tx
    .selectFrom('surveys')
    .select(['id', 'funder_id', 'organisation_id', 'agreement_id', 'status', 'released_at', 'extra_questions'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();

/**
 * Sets the association's own questions (up to three). Refused once the survey has an answer: the row is
 * locked for update first, so an answer being stored at the same moment is either counted here, or waits
 * and then finds the questions changed (and is asked to look again).
 */
export async function setSurveyQuestions(ctx: AppContext, user: SignedInUser, surveyId: string, raw: RawExtraQuestion[], options: CommandOptions = {}) {
  const s = await locateSurvey(ctx, user, surveyId);
  mayManage(user, s);
  const { questions, problems } = readExtraQuestions(raw);
  if (problems.length) throw rulesProblem(problems);
  // The answers are the funder's rows, which an association's member may not read; having checked above that
  // the person may change the questions, the transaction acts in the survey's funder's tenant to count them.
  await scoped(ctx.db, { ...s.scope, funderId: s.funderId }, async (tx) => {
    const survey = await lockSurvey(tx, s.id);
    const { n: answers } = await tx
      .selectFrom('survey_answers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('survey_id', '=', s.id)
      .executeTakeFirstOrThrow();
    if (Number(answers) > 0) throw new Problem(409, 'survey_questions_frozen');
    await tx
      .updateTable('surveys')
      .set({ extra_questions: JSON.stringify(questions) })
      .where('id', '=', s.id)
      .execute();
    await audit(tx, actorOf(user), {
      action: 'survey.questions_changed',
      objectType: 'survey',
      objectId: s.id,
      funderId: survey.funder_id,
      organisationId: survey.organisation_id,
      reason: auditReason(options),
      data: { agreementId: survey.agreement_id, count: questions.length, questions: questions.map((q) => q.text.sv) },
      at: clockOf(options),
    });
  });
  return s;
}

/**
 * Closes the survey (no more answers; its results are released when at least the funder's smallest group
 * answered) or opens it again. A survey whose results were released is never reopened: new or changed
 * answers could then be worked out by comparing its results before and after.
 */
export async function setSurveyOpen(ctx: AppContext, user: SignedInUser, surveyId: string, open: boolean, options: CommandOptions = {}) {
  const s = await locateSurvey(ctx, user, surveyId);
  mayManage(user, s);
  const now = clockOf(options);
  // Counting the answers needs the funder's tenant (they are its rows), as for the questions above.
  await scoped(ctx.db, { ...s.scope, funderId: s.funderId }, async (tx) => {
    const survey = await lockSurvey(tx, s.id);
    if ((survey.status === 'open') === open) return;
    // The lock holds answers off, and a closed survey takes none: the count cannot change under us. The
    // smallest group is read after the lock, so a change of it waits for, or is seen by, this one
    // (setFollowUpSettings locks the funder's surveys before it releases any).
    const { n } = await tx
      .selectFrom('survey_answers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('survey_id', '=', s.id)
      .executeTakeFirstOrThrow();
    const answers = Number(n);
    const { survey_min_group: k } = await tx.selectFrom('funders').select('survey_min_group').where('id', '=', s.funderId).executeTakeFirstOrThrow();
    if (open && !mayReopen({ released: survey.released_at !== null, answers }, k)) throw new Problem(409, 'survey_results_released');
    const released = !open && releases(answers, k);
    await tx
      .updateTable('surveys')
      .set({ status: open ? 'open' : 'closed', closed_at: open ? null : now, ...(released ? { released_at: now } : {}) })
      .where('id', '=', s.id)
      .execute();
    await audit(tx, actorOf(user), {
      action: open ? 'survey.opened' : 'survey.closed',
      objectType: 'survey',
      objectId: s.id,
      funderId: survey.funder_id,
      organisationId: survey.organisation_id,
      reason: auditReason(options),
      data: open ? { agreementId: survey.agreement_id } : { agreementId: survey.agreement_id, answers, released },
      at: now,
    });
  });
  return s;
}
