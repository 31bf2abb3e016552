// A participant answers the survey, or changes their answer: one command behind the HTML page and its JSON
// twin. Nothing that ties the answer to a person or a moment finer than the day is stored: no user, no
// address, no user agent, no timestamp, no audit entry. The only way back to the answer is the SHA-256 of a
// random secret that stays in the participant's own cookie.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { scoped } from '../../db/scope.ts';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { type RawAnswer, readAnswer } from '../../domain/surveys/answers.ts';
import type { ExtraQuestion, SurveyAnswer } from '../../domain/surveys/questions.ts';
import { type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { Problem, rulesProblem } from '../problem.ts';

/** A survey as its participants see it. */
export interface PublicSurvey {
  id: string;
  funderId: string;
  token: string;
  status: 'open' | 'closed';
  extraQuestions: ExtraQuestion[];
  organisationName: string;
  /** What the participants took part in: the application's title, as the association named it. */
  activity: string;
}

/** Tokens are 16 random bytes in base64url; anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** The survey a link leads to, or null when there is none. Read as the owner: the participant has no tenant. */
export async function surveyByToken(ctx: AppContext, token: string): Promise<PublicSurvey | null> {
  if (!TOKEN.test(token)) return null;
  const row = await ctx.db.kysely
    .selectFrom('surveys as s')
    .innerJoin('agreements as g', 'g.id', 's.agreement_id')
    .innerJoin('applications as a', 'a.id', 'g.application_id')
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(['s.id', 's.funder_id', 's.token', 's.status', 's.extra_questions', 'o.name as organisation_name', 'a.title'])
    .where('s.token', '=', token)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    funderId: row.funder_id,
    token: row.token,
    status: row.status,
    extraQuestions: row.extra_questions,
    organisationName: row.organisation_name,
    activity: row.title,
  };
}

/** The survey a link leads to, or the problem a participant is shown: 404 for no survey, 410 for a closed one. */
export async function openSurveyByToken(ctx: AppContext, token: string): Promise<PublicSurvey> {
  const survey = await surveyByToken(ctx, token);
  if (!survey) throw new Problem(404, 'survey_not_found');
  if (survey.status === 'closed') throw new Problem(410, 'survey_closed');
  return survey;
}

/** Names the wording of the association's questions, so an answer given to other wording is caught. */
export function questionsVersion(questions: readonly ExtraQuestion[]): string {
  return createHash('sha256').update(JSON.stringify(questions)).digest('base64url').slice(0, 16);
}

/** The cookie that holds a participant's secret for one survey. */
export const answerCookie = (surveyId: string) => `sv_${surveyId}`;

export const secretHash = (secret: string) => createHash('sha256').update(secret).digest('hex');

const SECRET = /^[A-Za-z0-9_-]{43}$/;

/** The participant's own answer, found by the secret in their cookie; null without one. */
export async function ownAnswer(ctx: AppContext, survey: Pick<PublicSurvey, 'id' | 'funderId'>, secret: string | undefined): Promise<SurveyAnswer | null> {
  if (!secret || !SECRET.test(secret)) return null;
  const row = await scoped(ctx.db, { funderId: survey.funderId }, (tx) =>
    tx
      .selectFrom('survey_answers')
      .select(['age_band', 'ratings', 'extra_ratings', 'free_text'])
      .where('survey_id', '=', survey.id)
      .where('edit_secret_sha256', '=', secretHash(secret))
      .executeTakeFirst(),
  );
  return row ? { ageBand: row.age_band, ratings: row.ratings, extra: row.extra_ratings, freeText: row.free_text } : null;
}

export interface AnswerInput extends RawAnswer {
  /** The questionsVersion of the page the participant answered; a mismatch means the questions changed meanwhile. */
  questionsVersion?: string | null;
}

export interface Answered {
  /** created: a new answer (and a new secret for the cookie); updated: the participant's own answer changed. */
  outcome: 'created' | 'updated';
  secret: string;
  answer: SurveyAnswer;
}

/**
 * Stores an answer, or changes the one the secret belongs to. The survey's row is held with a key-share lock
 * for the transaction: answers do not wait for each other, but a change of the questions (which locks the
 * row for update and then counts the answers) waits for them, so no answer is ever stored against
 * questions other than the ones it was given to.
 */
export async function answerSurvey(
  ctx: AppContext,
  found: Pick<PublicSurvey, 'id' | 'funderId'>,
  input: AnswerInput,
  secret: string | undefined,
  options: CommandOptions = {},
): Promise<Answered> {
  const answeredOn = dateInStockholm(clockOf(options));
  return scoped(ctx.db, { funderId: found.funderId }, async (tx) => {
    const survey = await tx
      .selectFrom('surveys')
      .select(['id', 'funder_id', 'status', 'extra_questions'])
      .where('id', '=', found.id)
      .forKeyShare()
      .executeTakeFirstOrThrow();
    if (survey.status === 'closed') throw new Problem(410, 'survey_closed');
    if (input.questionsVersion && input.questionsVersion !== questionsVersion(survey.extra_questions)) throw new Problem(409, 'survey_questions_changed');
    const { answer, problems } = readAnswer(input, survey.extra_questions);
    if (problems.length) throw rulesProblem(problems);
    const values = {
      answered_on: answeredOn,
      age_band: answer.ageBand,
      ratings: JSON.stringify(answer.ratings),
      extra_ratings: JSON.stringify(answer.extra),
    };
    if (secret && SECRET.test(secret)) {
      // A changed free text waits to be read again; an unchanged one keeps what the caseworker made of it
      // (a masked text's original is gone, so an empty box keeps the mask).
      const same = sql<boolean>`free_text is not distinct from ${answer.freeText}`;
      const updated = await tx
        .updateTable('survey_answers')
        .set({
          ...values,
          free_text_state: sql`case when ${same} then free_text_state else ${answer.freeText === null ? 'none' : 'unread'} end`,
          free_text_masked: sql`case when ${same} then free_text_masked else null end`,
          free_text: answer.freeText,
        })
        .where('survey_id', '=', survey.id)
        .where('edit_secret_sha256', '=', secretHash(secret))
        .returning('id')
        .executeTakeFirst();
      if (updated) return { outcome: 'updated' as const, secret, answer };
    }
    // A new answer gets a new secret: a cookie that matches no answer (a closed browser's, a forged one) is not reused.
    const fresh = randomBytes(32).toString('base64url');
    await tx
      .insertInto('survey_answers')
      .values({
        ...values,
        funder_id: survey.funder_id,
        survey_id: survey.id,
        free_text: answer.freeText,
        free_text_state: answer.freeText === null ? 'none' : 'unread',
        edit_secret_sha256: secretHash(fresh),
      })
      .execute();
    return { outcome: 'created' as const, secret: fresh, answer };
  });
}
