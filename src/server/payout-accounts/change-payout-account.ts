// Entering a new payout account and deciding on it. The person who enters an account never approves
// it: a second person at the funder (finance) does, as municipal internal control requires. Every
// member of the organisation is mailed when an account is entered and when it is decided, so an
// account changed by someone else does not go unnoticed; until the decision, nothing is paid.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { type GiroKind, normaliseGiro } from '../../domain/giro.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions, clockOf, mailFor } from '../command.ts';
import type { AppContext } from '../context.ts';
import { organisationMembers } from '../eligibility/store.ts';
import { mailsToMembers } from '../mail/outbox.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem, Problem } from '../problem.ts';
import { giroDigits, lockPayoutAccounts, type PayoutAccountRow, printedGiro } from './store.ts';

export interface PayoutChangeInput {
  funderId: string;
  kind: GiroKind;
  number: string;
  /** The account holder's organisation number as the bankgiro or plusgiro register gives it. */
  holderOrgNumber: string;
}

const digitsOf = (orgNumber: string) => orgNumber.replace(/\D/g, '');

export async function requestPayoutChange(
  ctx: AppContext,
  user: SignedInUser,
  organisationId: string,
  input: PayoutChangeInput,
  options: CommandOptions = {},
): Promise<PayoutAccountRow> {
  const asMember = policy.actForOrganisation(user, organisationId);
  const asStaff = policy.requestPayoutChange(user, input.funderId);
  if (!asMember && !asStaff) throw new Problem(403, 'forbidden');
  const printed = normaliseGiro(input.kind, input.number);
  if (!printed) throw fieldProblem(422, 'number', input.kind === 'bankgiro' ? 'bankgiro_invalid' : 'plusgiro_invalid', { value: input.number });
  const now = clockOf(options);
  const members = await organisationMembers(ctx, organisationId);
  const scope = asStaff ? scopeOf(user, input.funderId) : scopeOf(user);
  return scoped(ctx.db, scope, async (tx) => {
    await lockPayoutAccounts(tx, input.funderId, organisationId);
    const org = await tx.selectFrom('organisations').select(['name', 'org_number']).where('id', '=', organisationId).executeTakeFirst();
    const funder = await tx.selectFrom('funders').select('name').where('id', '=', input.funderId).executeTakeFirst();
    if (!org || !funder) throw new Problem(404, 'not_found');
    if (digitsOf(input.holderOrgNumber) !== digitsOf(org.org_number)) {
      throw fieldProblem(422, 'holderOrgNumber', 'account_holder_mismatch', { orgNumber: org.org_number });
    }
    // A change already waiting is replaced by this one: one request waits at a time.
    const replaced = await tx
      .updateTable('payout_accounts')
      .set({ status: 'replaced', decided_at: now, decision_note: 'Ersatt av en ny begäran' })
      .where('funder_id', '=', input.funderId)
      .where('organisation_id', '=', organisationId)
      .where('status', '=', 'pending')
      .returning('id')
      .execute();
    const row = await tx
      .insertInto('payout_accounts')
      .values({
        funder_id: input.funderId,
        organisation_id: organisationId,
        kind: input.kind,
        number: giroDigits(printed),
        holder_org_number: org.org_number,
        status: 'pending',
        source: asMember ? 'organisation' : 'funder',
        requested_by: user.userId,
        requested_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await mailFor(
      ctx,
      tx,
      options,
      mailsToMembers(members, asStaff ? input.funderId : null, (lang) =>
        accountMail(lang, 'requested', {
          org: org.name,
          funder: funder.name,
          account: `${input.kind} ${printed}`,
          by: user.name,
          url: `${ctx.config.publicUrl}/organisations/${organisationId}/payments`,
        }),
      ),
    );
    await audit(tx, actorOf(user), {
      action: 'payout_account.change_requested',
      objectType: 'payout_account',
      objectId: row.id,
      funderId: input.funderId,
      organisationId,
      reason: auditReason(options),
      data: { kind: input.kind, number: printed, replaced: replaced.map((r) => r.id), source: row.source },
    });
    return row;
  });
}

export async function decidePayoutChange(
  ctx: AppContext,
  user: SignedInUser,
  accountId: string,
  input: { decision: 'approve' | 'reject'; note: string | null },
  options: CommandOptions = {},
): Promise<PayoutAccountRow> {
  const found = await ctx.db.kysely.selectFrom('payout_accounts').select(['funder_id', 'organisation_id']).where('id', '=', accountId).executeTakeFirst();
  if (!found || !policy.readFunder(user, found.funder_id)) throw new Problem(404, 'not_found');
  if (!policy.managePayments(user, found.funder_id)) throw new Problem(403, 'forbidden');
  if (input.decision === 'reject' && !input.note?.trim()) throw fieldProblem(422, 'note', 'required');
  const now = clockOf(options);
  const members = await organisationMembers(ctx, found.organisation_id);
  return scoped(ctx.db, scopeOf(user, found.funder_id), async (tx) => {
    // The organisation's accounts are locked together, so two approvals at once cannot both stand.
    const accounts = await tx
      .selectFrom('payout_accounts')
      .selectAll()
      .where('funder_id', '=', found.funder_id)
      .where('organisation_id', '=', found.organisation_id)
      .orderBy('id')
      .forUpdate()
      .execute();
    const account = accounts.find((a) => a.id === accountId);
    if (!account) throw new Problem(404, 'not_found');
    if (account.status !== 'pending') throw new Problem(409, 'already_decided');
    if (account.requested_by === user.userId) throw new Problem(403, 'second_person_required');
    if (input.decision === 'approve') {
      await tx
        .updateTable('payout_accounts')
        .set({ status: 'replaced' })
        .where('funder_id', '=', found.funder_id)
        .where('organisation_id', '=', found.organisation_id)
        .where('status', '=', 'approved')
        .execute();
    }
    const row = await tx
      .updateTable('payout_accounts')
      .set({
        status: input.decision === 'approve' ? 'approved' : 'rejected',
        decided_by: user.userId,
        decided_at: now,
        decision_note: input.note?.trim() || null,
      })
      .where('id', '=', accountId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const org = await tx.selectFrom('organisations').select('name').where('id', '=', found.organisation_id).executeTakeFirstOrThrow();
    const funder = await tx.selectFrom('funders').select('name').where('id', '=', found.funder_id).executeTakeFirstOrThrow();
    const account_ = `${row.kind} ${printedGiro(row.kind, row.number)}`;
    await mailFor(
      ctx,
      tx,
      options,
      mailsToMembers(members, found.funder_id, (lang) =>
        accountMail(lang, input.decision === 'approve' ? 'approved' : 'rejected', {
          org: org.name,
          funder: funder.name,
          account: account_,
          by: user.name,
          note: row.decision_note,
          url: `${ctx.config.publicUrl}/organisations/${found.organisation_id}/payments`,
        }),
      ),
    );
    await audit(tx, actorOf(user), {
      action: input.decision === 'approve' ? 'payout_account.approved' : 'payout_account.rejected',
      objectType: 'payout_account',
      objectId: row.id,
      funderId: found.funder_id,
      organisationId: found.organisation_id,
      reason: auditReason(options, row.decision_note),
      data: { kind: row.kind, number: printedGiro(row.kind, row.number), requestedBy: account.requested_by },
    });
    return row;
  });
}

function accountMail(
  lang: 'sv' | 'en',
  what: 'requested' | 'approved' | 'rejected',
  p: { org: string; funder: string; account: string; by: string; note?: string | null; url: string },
) {
  if (lang === 'en') {
    const subject = {
      requested: `${p.org}: a new payout account was entered`,
      approved: `${p.org}: the new payout account is approved`,
      rejected: `${p.org}: the new payout account was not approved`,
    }[what];
    const body = {
      requested: `${p.by} has entered ${p.account} as ${p.org}'s account for payments from ${p.funder}. Until ${p.funder} has checked and approved it, no payments are made to ${p.org}.\n\nIf you do not recognise this change, contact ${p.funder} at once.`,
      approved: `${p.funder} has approved ${p.account} as ${p.org}'s account for payments. Payments go to it from now on.`,
      rejected: `${p.funder} has not approved ${p.account} as ${p.org}'s account for payments.${p.note ? `\n\nReason: ${p.note}` : ''}\n\nPayments still go to the account approved before, if there is one.`,
    }[what];
    return { subject, text: `${body}\n\nSee it in Samverka: ${p.url}\n\n— Samverka` };
  }
  const subject = {
    requested: `${p.org}: ett nytt konto för utbetalningar har angetts`,
    approved: `${p.org}: det nya kontot för utbetalningar är godkänt`,
    rejected: `${p.org}: det nya kontot för utbetalningar godkändes inte`,
  }[what];
  const body = {
    requested: `${p.by} har angett ${p.account} som ${p.org}s konto för utbetalningar från ${p.funder}. Tills ${p.funder} har kontrollerat och godkänt det görs inga utbetalningar till ${p.org}.\n\nKänner ni inte igen ändringen? Kontakta ${p.funder} genast.`,
    approved: `${p.funder} har godkänt ${p.account} som ${p.org}s konto för utbetalningar. Utbetalningarna går dit från och med nu.`,
    rejected: `${p.funder} har inte godkänt ${p.account} som ${p.org}s konto för utbetalningar.${p.note ? `\n\nSkäl: ${p.note}` : ''}\n\nUtbetalningarna går som förut till det konto som godkänts tidigare, om det finns ett.`,
  }[what];
  return { subject, text: `${body}\n\nSe det i Samverka: ${p.url}\n\n— Samverka` };
}
