// Deciding an eligibility request: the one place that checks who may (the funder's caseworker), that
// asking for more or rejecting says why, locks the request, refuses one already decided and an approval
// without the evidence, records the decision, mails the organisation's members and appends the audit
// entry.
import { audit } from '../../db/audit.ts';
import { scoped, system } from '../../db/scope.ts';
import { approvalValidUntil, missingEvidence } from '../../domain/eligibility.ts';
import { policy } from '../../domain/roles.ts';
import { EVIDENCE_LABELS, listOf } from '../../i18n/labels.ts';
import { auditReason, type CommandOptions, clockOf, mailFor } from '../command.ts';
import type { AppContext } from '../context.ts';
import { accountFromEligibility } from '../payout-accounts/store.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { approvals, evidenceOf, organisationMembers } from './store.ts';

/** Approves, asks for more (with a note the applicant sees) or rejects; answers the request's id and funder. */
export async function decideEligibility(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  { decision, note: given }: { decision: 'approve' | 'request_more' | 'reject'; note?: string | null },
  options: CommandOptions = {},
) {
  const found = await system(ctx.db, (tx) =>
    tx.selectFrom('eligibility_approvals').select(['funder_id', 'organisation_id']).where('id', '=', id).executeTakeFirst(),
  );
  if (!found || !policy.readFunder(user, found.funder_id)) throw new Problem(404, 'not_found');
  const funderId = found.funder_id;
  if (!policy.reviewEligibility(user, funderId)) throw new Problem(403, 'forbidden');
  if (decision !== 'approve' && !given?.trim()) throw new Problem(400, 'validation_failed', {}, [{ field: 'note', code: 'required' }]);
  const note = given?.trim() || null;
  const now = clockOf(options);
  // Read before the transaction: on the embedded database a second transaction inside it would wait forever.
  const members = await organisationMembers(ctx, found.organisation_id);
  await scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    const current = await tx.selectFrom('eligibility_approvals').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (current.status === 'approved' || current.status === 'rejected') throw new Problem(409, 'already_decided');
    if (decision === 'approve') {
      const missing = missingEvidence(evidenceOf(current));
      if (missing.length) {
        const items = listOf(EVIDENCE_LABELS, missing);
        throw new Problem(422, 'evidence_missing', { items }, [{ field: 'decision', code: 'evidence_missing', params: { items } }]);
      }
    }
    const status = decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'needs_more';
    await tx
      .updateTable('eligibility_approvals')
      .set({
        status,
        request_note: note,
        decided_at: decision === 'request_more' ? null : now,
        decided_by: user.userId,
        valid_until: decision === 'approve' ? approvalValidUntil(current.year) : null,
      })
      .where('id', '=', id)
      .execute();
    const row = await approvals(tx).where('eligibility_approvals.id', '=', id).executeTakeFirstOrThrow();
    const account =
      decision === 'approve' && current.payout_kind && current.payout_number
        ? await accountFromEligibility(tx, {
            funderId,
            organisationId: current.organisation_id,
            kind: current.payout_kind,
            number: current.payout_number,
            holderOrgNumber: row.organisationNumber,
            requestedBy: null,
            decidedBy: user.userId,
            at: now,
          })
        : null;
    await mailFor(
      ctx,
      tx,
      options,
      members.map((m) => {
        const sv = m.locale !== 'en';
        const what = sv
          ? { approved: 'har godkänts som bidragsberättigad', needs_more: 'behöver kompletteras', rejected: 'har inte godkänts' }[status]
          : { approved: 'has been approved as eligible for grants', needs_more: 'needs more information', rejected: 'has not been approved' }[status];
        return {
          to: m.email,
          funderId,
          subject: sv ? `${row.organisationName}: ansökan om bidragsberättigande ${what}` : `${row.organisationName}: the eligibility request ${what}`,
          text: sv
            ? `${row.funderName} har gått igenom ${row.organisationName}s ansökan om att vara bidragsberättigad ${row.year}: den ${what}.${note ? `\n\nMeddelande från handläggaren:\n${note}` : ''}\n\nSe detaljerna i Samverka: ${ctx.config.publicUrl}/organisations/${row.organisation_id}`
            : `${row.funderName} has reviewed ${row.organisationName}'s request to be eligible for grants in ${row.year}: it ${what}.${note ? `\n\nMessage from the caseworker:\n${note}` : ''}\n\nSee the details in Samverka: ${ctx.config.publicUrl}/organisations/${row.organisation_id}`,
        };
      }),
    );
    await audit(tx, actorOf(user), {
      action: `eligibility.${status}`,
      objectType: 'eligibility',
      objectId: id,
      funderId,
      organisationId: current.organisation_id,
      reason: auditReason(options, note),
      data: { year: current.year, validUntil: row.valid_until, payoutAccount: account },
    });
  });
  return { id, funderId };
}
