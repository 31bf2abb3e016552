// Amending a published call: the one place that checks who may, takes the budget guard's locks (the
// lines the call draws on before and after, then the call), checks the new rules against the budget
// line, what the call has granted and the deadline, records the amendment with its reason, tells
// everyone who has started an application what changed and why, and appends the audit entry.
import { audit } from '../../db/audit.ts';
import { scoped, system } from '../../db/scope.ts';
import { diffRules } from '../../domain/calls/amend.ts';
import { publishProblems } from '../../domain/calls/rules.ts';
import type { CallRules } from '../../domain/calls/types.ts';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { policy } from '../../domain/roles.ts';
import { CALL_FIELD_LABELS, label } from '../../i18n/labels.ts';
import { availableOnLine, grantedByCall, lockCall } from '../budget/guard.ts';
import { type CommandOptions, clockOf, mailFor } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { callFunder } from './access.ts';
import { columnsOf } from './store.ts';

/** Members of organisations that have started (and not withdrawn) an application to a call. */
function applicantsOf(ctx: AppContext, callId: string) {
  return system(ctx.db, (tx) =>
    tx
      .selectFrom('applications')
      .innerJoin('organisation_memberships', 'organisation_memberships.organisation_id', 'applications.organisation_id')
      .innerJoin('users', 'users.id', 'organisation_memberships.user_id')
      .select(['users.email', 'users.locale', 'applications.organisation_name as organisationName'])
      .where('applications.call_id', '=', callId)
      .where('applications.status', '!=', 'withdrawn')
      .where('users.disabled_at', 'is', null)
      .execute(),
  );
}

/** Amends a published call with a reason; answers the call as it now stands. */
export async function amendCall(ctx: AppContext, user: SignedInUser, id: string, rules: CallRules, reason: string, options: CommandOptions = {}) {
  if (!reason.trim()) throw new Problem(400, 'validation_failed', {}, [{ field: 'reason', code: 'required' }]);
  const { funderId, funderName } = await callFunder(ctx, user, id, policy.designCalls);
  const now = clockOf(options);
  const started = await applicantsOf(ctx, id);
  const row = await scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    const current = await lockCall(tx, id, rules.budgetLineId);
    if (current.status !== 'published') throw new Problem(409, 'call_not_published');
    const changes = diffRules(current.rules, rules);
    if (Object.keys(changes).length === 0) throw new Problem(422, 'nothing_changed');
    const problems = publishProblems(rules, {
      lineAvailable: await availableOnLine(tx, funderId, rules.budgetLineId, id),
      granted: await grantedByCall(tx, id),
      today: dateInStockholm(now),
      previousDeadline: current.deadline,
    });
    if (problems.length) throw rulesProblem(problems);
    const version = current.version + 1;
    await tx
      .insertInto('call_amendments')
      .values({
        funder_id: funderId,
        call_id: id,
        version,
        reason: reason.trim(),
        changes: JSON.stringify(changes) as never,
        created_by: user.userId,
        created_at: now,
      })
      .execute();
    const row = await tx
      .updateTable('calls')
      .set({ ...columnsOf(rules), version, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // Everyone who has started an application is told what changed and why.
    await mailFor(
      ctx,
      tx,
      options,
      started.map((a) => {
        const en = a.locale === 'en';
        const changed = Object.keys(changes)
          .map((key) => label(CALL_FIELD_LABELS, key, en ? 'en' : 'sv'))
          .join(', ');
        return {
          to: a.email,
          funderId,
          subject: en ? `The call "${row.title}" has been changed` : `Utlysningen ”${row.title}” har ändrats`,
          text: en
            ? `${funderName} has changed the call "${row.title}", which ${a.organisationName} has started an application to.\n\nWhy: ${reason.trim()}\nWhat changed: ${changed}\n\nRead the call: ${ctx.config.publicUrl}/calls/${id}`
            : `${funderName} har ändrat utlysningen ”${row.title}”, som ${a.organisationName} har börjat söka i.\n\nVarför: ${reason.trim()}\nVad som ändrats: ${changed}\n\nLäs utlysningen: ${ctx.config.publicUrl}/calls/${id}`,
        };
      }),
    );
    await audit(tx, actorOf(user), {
      action: 'call.amended',
      objectType: 'call',
      objectId: id,
      funderId,
      reason: reason.trim(),
      data: { version, changes },
    });
    return row;
  });
  return { row, funderId, funderName };
}
