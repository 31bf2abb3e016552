// The participants' free texts, for the funder's staff only: a free text may name people, so a caseworker
// reads each one first (and may mask it) before anyone else on the staff sees it, and none is shown at all
// while the survey has fewer answers than the funder's smallest group. The association never sees them.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import type { FreeTextState } from '../../domain/surveys/questions.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { locateSurvey, surveyRights } from './manage.ts';

export interface FreeTextItem {
  id: string;
  state: Exclude<FreeTextState, 'none'>;
  /** The text as the participant wrote it (unread, read), the caseworker's masked version (masked; null if all hidden). */
  text: string | null;
}

export interface FreeTextList {
  surveyId: string;
  answers: number;
  minGroup: number;
  /** Too few answers: nothing is shown, whoever asks. */
  hidden: boolean;
  mayRead: boolean;
  items: FreeTextItem[];
}

/** The free texts the person may see, in a fixed order (by the answer's id, which says nothing of when it came). */
export async function listFreeTexts(ctx: AppContext, user: SignedInUser, surveyId: string): Promise<FreeTextList> {
  const s = await locateSurvey(ctx, user, surveyId);
  const rights = surveyRights(user, s);
  if (!rights.seeFreeTexts) throw new Problem(404, 'not_found');
  return scoped(ctx.db, scopeOf(user, s.funderId), async (tx) => {
    const head = await tx
      .selectFrom('surveys as s')
      .innerJoin('funders as f', 'f.id', 's.funder_id')
      .select('f.survey_min_group')
      .select((eb) => eb.selectFrom('survey_answers as a').select(eb.fn.countAll<number>().as('n')).whereRef('a.survey_id', '=', 's.id').as('answers'))
      .where('s.id', '=', s.id)
      .executeTakeFirstOrThrow();
    const answers = Number(head.answers ?? 0);
    const hidden = answers < head.survey_min_group;
    const base = { surveyId: s.id, answers, minGroup: head.survey_min_group, hidden, mayRead: rights.readFreeTexts };
    if (hidden) return { ...base, items: [] };
    const states: Exclude<FreeTextState, 'none'>[] = rights.readFreeTexts ? ['unread', 'read', 'masked'] : ['read', 'masked'];
    const rows = await tx
      .selectFrom('survey_answers')
      .select(['id', 'free_text_state', 'free_text', 'free_text_masked'])
      .where('survey_id', '=', s.id)
      .where('free_text_state', 'in', states)
      .orderBy('id')
      .execute();
    return {
      ...base,
      items: rows.map((r) => ({
        id: r.id,
        state: r.free_text_state as FreeTextItem['state'],
        text: r.free_text_state === 'masked' ? r.free_text_masked : r.free_text,
      })),
    };
  });
}

export interface FreeTextAction {
  action: 'read' | 'mask';
  /** The text shown instead, names taken out; nothing (or empty) hides it all. */
  masked?: string | null;
}

const MASKED_MAX = 2000;

/**
 * A caseworker has read a free text (it may now be shown to other staff), or masks it: what is shown from then
 * on is the caseworker's version, and the original is erased, since the reason to mask is that it names
 * someone. Audited as the caseworker's act on the survey; the entry carries no text of the answer.
 */
export async function actOnFreeText(
  ctx: AppContext,
  user: SignedInUser,
  answerId: string,
  act: FreeTextAction,
  options: CommandOptions = {},
): Promise<FreeTextItem> {
  const found = await ctx.db.kysely.selectFrom('survey_answers').select(['id', 'survey_id']).where('id', '=', answerId).executeTakeFirst();
  if (!found) throw new Problem(404, 'not_found');
  const s = await locateSurvey(ctx, user, found.survey_id);
  const rights = surveyRights(user, s);
  if (!rights.seeFreeTexts) throw new Problem(404, 'not_found');
  if (!rights.readFreeTexts) throw new Problem(403, 'forbidden');
  const masked = act.action === 'mask' ? (act.masked ?? '').normalize('NFC').trim() || null : null;
  if (masked && [...masked].length > MASKED_MAX) throw fieldProblem(422, 'masked', 'too_long', { limit: MASKED_MAX });
  return scoped(ctx.db, scopeOf(user, s.funderId), async (tx) => {
    const row = await tx.selectFrom('survey_answers').select(['id', 'free_text_state']).where('id', '=', answerId).forUpdate().executeTakeFirstOrThrow();
    if (row.free_text_state === 'none') throw new Problem(409, 'survey_free_text_none');
    if (act.action === 'read' && row.free_text_state !== 'unread') throw new Problem(409, 'survey_free_text_not_unread');
    const updated =
      act.action === 'read'
        ? await tx
            .updateTable('survey_answers')
            .set({ free_text_state: 'read' })
            .where('id', '=', answerId)
            .returning(['id', 'free_text_state', 'free_text', 'free_text_masked'])
            .executeTakeFirstOrThrow()
        : await tx
            .updateTable('survey_answers')
            .set({ free_text_state: 'masked', free_text_masked: masked, free_text: null })
            .where('id', '=', answerId)
            .returning(['id', 'free_text_state', 'free_text', 'free_text_masked'])
            .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: act.action === 'read' ? 'survey.free_text_read' : 'survey.free_text_masked',
      objectType: 'survey',
      objectId: s.id,
      funderId: s.funderId,
      organisationId: s.organisationId,
      reason: auditReason(options),
      data: { answerId, agreementId: s.agreementId },
      at: clockOf(options),
    });
    return {
      id: updated.id,
      state: updated.free_text_state as FreeTextItem['state'],
      text: updated.free_text_state === 'masked' ? updated.free_text_masked : updated.free_text,
    };
  });
}
