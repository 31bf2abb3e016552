// Withdrawing an application: the one place that checks the user is the applicant, locks the
// application (which recording a decision also locks, so decided means decided), refuses once it is
// withdrawn or decided, keeps the withdrawal and its reason and appends the audit entry.
import { audit } from '../../db/audit.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { type ApplicationRow, inScope, locate, requireApplicant } from './access.ts';

/** Withdraws the application, with the applicant's reason if given; answers the row as withdrawn. */
export async function withdrawApplication(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  { reason }: { reason?: string | null },
  options: CommandOptions = {},
): Promise<ApplicationRow> {
  const located = await locate(ctx, user, id);
  requireApplicant(located);
  const now = clockOf(options);
  const why = reason?.trim() || null;
  return inScope(ctx, located, async (tx) => {
    const row = await tx.selectFrom('applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (row.status === 'withdrawn') throw new Problem(409, 'application_withdrawn');
    // Read after the row lock, which a decision being recorded also takes: decided means decided.
    if (await tx.selectFrom('decisions').select('id').where('application_id', '=', id).executeTakeFirst()) throw new Problem(409, 'application_decided');
    const saved = await tx
      .updateTable('applications')
      .set({ status: 'withdrawn', withdrawn_at: now, withdraw_reason: why, updated_at: now, updated_by: user.userId })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: 'application.withdrawn',
      objectType: 'application',
      objectId: id,
      funderId: row.funder_id,
      organisationId: row.organisation_id,
      reason: auditReason(options, why),
      data: { caseNumber: row.case_number, wasSubmitted: row.status === 'submitted' },
    });
    return saved;
  });
}
