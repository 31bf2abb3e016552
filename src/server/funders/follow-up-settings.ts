// The funder's follow-up settings: the smallest group of survey answers whose results are shown, the share a
// report's spending row may deviate from the plan unexplained, and how many days before a report is due its
// reminder goes out. Set by the funder's administrators, like its other settings, audited with what they were.
import { sql } from 'kysely';
import { audit } from '../../db/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { scoped } from '../../db/scope.ts';
import { type FollowUpSettings, followUpSettingsProblems } from '../../domain/follow-up-settings.ts';
import { policy } from '../../domain/roles.ts';
import { minGroupOf } from '../../domain/surveys/anonymity.ts';
import { auditReason, type CommandOptions } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { requireAdmin } from './access.ts';

const present = (row: { survey_min_group: number; report_deviation_percent: number; report_reminder_days: number }): FollowUpSettings => ({
  surveyMinGroup: row.survey_min_group,
  reportDeviationPercent: row.report_deviation_percent,
  reportReminderDays: row.report_reminder_days,
});

/** The settings as stored; any of the funder's staff may read them. */
export async function getFollowUpSettings(ctx: AppContext, user: SignedInUser, funderId: string): Promise<FollowUpSettings> {
  if (!policy.readFunder(user, funderId)) throw new Problem(403, 'forbidden');
  const row = await scoped(ctx.db, scopeOf(user, funderId), (tx) =>
    tx.selectFrom('funders').select(['survey_min_group', 'report_deviation_percent', 'report_reminder_days']).where('id', '=', funderId).executeTakeFirst(),
  );
  if (!row) throw new Problem(404, 'not_found');
  return present(row);
}

/**
 * A smallest group lowered to a closed survey's count shows its results: it is then released, as its
 * closing would have released it, and can no longer be reopened. Lock order: the funder (above), then its
 * surveys, so that a survey being closed right now (which holds it FOR UPDATE) is waited for and then seen
 * closed. Both locks are NO KEY UPDATE: a survey answer inserted meanwhile holds the survey and, through its
 * foreign key, the funder FOR KEY SHARE, which FOR UPDATE would deadlock with.
 */
async function releaseClosedSurveys(tx: Tx, funderId: string, k: number): Promise<string[]> {
  await tx.selectFrom('surveys').select('id').where('funder_id', '=', funderId).orderBy('id').forNoKeyUpdate().execute();
  const rows = await sql<{ id: string }>`
    update surveys s
       set released_at = now()
     where s.funder_id = ${funderId} and s.status = 'closed' and s.released_at is null
       and (select count(*) from survey_answers a where a.survey_id = s.id) >= ${minGroupOf(k)}
    returning s.id`.execute(tx);
  return rows.rows.map((r) => r.id).sort();
}

/** Sets all three; a value out of bounds is refused on its field, and nothing is changed. */
export async function setFollowUpSettings(
  ctx: AppContext,
  user: SignedInUser,
  funderId: string,
  settings: FollowUpSettings,
  options: CommandOptions = {},
): Promise<FollowUpSettings> {
  requireAdmin(user, funderId);
  const problems = followUpSettingsProblems(settings);
  if (problems.length) throw rulesProblem(problems);
  return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    const before = await tx
      .selectFrom('funders')
      .select(['survey_min_group', 'report_deviation_percent', 'report_reminder_days'])
      .where('id', '=', funderId)
      .forNoKeyUpdate()
      .executeTakeFirstOrThrow();
    const after = {
      survey_min_group: settings.surveyMinGroup,
      report_deviation_percent: settings.reportDeviationPercent,
      report_reminder_days: settings.reportReminderDays,
    };
    await tx.updateTable('funders').set(after).where('id', '=', funderId).execute();
    // Only a lowered group can show results that were hidden.
    const released = after.survey_min_group < before.survey_min_group ? await releaseClosedSurveys(tx, funderId, after.survey_min_group) : [];
    await audit(tx, actorOf(user), {
      action: 'funder.follow_up_settings_changed',
      objectType: 'funder',
      objectId: funderId,
      funderId,
      reason: auditReason(options),
      data: { before: present(before), after: present(after), ...(released.length ? { releasedSurveys: released } : {}) },
    });
    return present(after);
  });
}
