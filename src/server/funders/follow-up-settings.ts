// The funder's follow-up settings: the smallest group of survey answers whose results are shown, the share a
// report's spending row may deviate from the plan unexplained, and how many days before a report is due its
// reminder goes out. Set by the funder's administrators, like its other settings, audited with what they were.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { type FollowUpSettings, followUpSettingsProblems } from '../../domain/follow-up-settings.ts';
import { policy } from '../../domain/roles.ts';
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
      .forUpdate()
      .executeTakeFirstOrThrow();
    const after = {
      survey_min_group: settings.surveyMinGroup,
      report_deviation_percent: settings.reportDeviationPercent,
      report_reminder_days: settings.reportReminderDays,
    };
    await tx.updateTable('funders').set(after).where('id', '=', funderId).execute();
    await audit(tx, actorOf(user), {
      action: 'funder.follow_up_settings_changed',
      objectType: 'funder',
      objectId: funderId,
      funderId,
      reason: auditReason(options),
      data: { before: present(before), after: present(after) },
    });
    return present(after);
  });
}
