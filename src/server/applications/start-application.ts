// Starting an application: the one place that checks the user acts for the organisation and that the
// call is open, answers the organisation's draft if it already has one (one application per
// organisation and call), or writes a new draft and appends the audit entry.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { type ApplicationContent, emptyContent } from '../../domain/applications/types.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import type { ApplicationRow } from './access.ts';
import { closedProblem } from './check.ts';
import { callInfo } from './present.ts';

/** Starts (or finds the draft of) the organisation's application to a call; `created` tells which. */
export async function startApplication(
  ctx: AppContext,
  user: SignedInUser,
  { callId, organisationId }: { callId: string; organisationId: string },
  options: CommandOptions = {},
): Promise<{ created: boolean; row: ApplicationRow }> {
  if (!policy.actForOrganisation(user, organisationId)) throw new Problem(403, 'forbidden');
  const now = clockOf(options);
  return scoped(ctx.db, scopeOf(user), async (tx) => {
    const call = await callInfo(tx, callId);
    const closed = closedProblem(call.rules, now);
    if (closed) throw closed;
    const existing = await tx
      .selectFrom('applications')
      .selectAll()
      .where('call_id', '=', callId)
      .where('organisation_id', '=', organisationId)
      .where('status', '!=', 'withdrawn')
      .executeTakeFirst();
    if (existing) {
      if (existing.status !== 'draft') throw new Problem(409, 'application_exists');
      return { created: false, row: existing };
    }
    const org = await tx.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow();
    const content: ApplicationContent = { ...emptyContent(), contacts: [{ name: user.name, email: user.email, phone: '' }] };
    const row = await tx
      .insertInto('applications')
      .values({
        funder_id: call.funderId,
        call_id: callId,
        organisation_id: organisationId,
        organisation_name: org.name,
        content: JSON.stringify(content),
        created_by: user.userId,
        updated_by: user.userId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: 'application.started',
      objectType: 'application',
      objectId: row.id,
      funderId: call.funderId,
      organisationId,
      reason: auditReason(options),
      data: { callId },
    });
    return { created: true, row };
  });
}
