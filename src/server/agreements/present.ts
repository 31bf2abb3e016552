import type { Tx } from '../../db/connection.ts';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { summary } from '../../domain/ledger.ts';
import { ore } from '../../domain/money.ts';
import { planInstalments } from '../../domain/payments/schedule.ts';
import { policy } from '../../domain/roles.ts';
import { balancesOfApplication } from '../ledger/store.ts';
import { overdueReports } from '../payments/report-hold.ts';
import { payoutHold } from '../payout-accounts/store.ts';
import type { SignedInUser } from '../plugins/session.ts';
import { type AgreementRow, contentHash, currentContent, type LocatedAgreement, signatoriesOf, signaturesOf } from './store.ts';

export async function presentAgreement(tx: Tx, a: AgreementRow, user: SignedInUser, access: LocatedAgreement['access']) {
  const info = await tx
    .selectFrom('applications as app')
    .innerJoin('funders as f', 'f.id', 'app.funder_id')
    .innerJoin('organisations as o', 'o.id', 'app.organisation_id')
    .innerJoin('calls as c', 'c.id', 'app.call_id')
    .select(['app.case_number', 'app.title', 'c.title as call_title', 'f.name as funder_name', 'o.name as org_name', 'o.org_number'])
    .where('app.id', '=', a.application_id)
    .executeTakeFirstOrThrow();
  const hash = contentHash(a);
  const signatures = await signaturesOf(tx, a.id);
  const comments = await tx.selectFrom('agreement_comments').selectAll().where('agreement_id', '=', a.id).orderBy('created_at').execute();
  const amendments = await tx
    .selectFrom('agreement_amendments')
    .select(['version', 'reason', 'changes', 'created_at'])
    .where('agreement_id', '=', a.id)
    .orderBy('version')
    .execute();
  const instalments = await tx.selectFrom('instalments').selectAll().where('agreement_id', '=', a.id).orderBy('number').execute();
  const recoveries = await tx
    .selectFrom('recoveries as r')
    .select(['r.id', 'r.number', 'r.amount', 'r.grounds', 'r.reasons', 'r.decided_on', 'r.pay_by'])
    .select((eb) =>
      eb.fn
        .coalesce(
          eb
            .selectFrom('recovery_repayments as p')
            .select((e) => e.fn.sum<string | number>('p.amount').as('s'))
            .whereRef('p.recovery_id', '=', 'r.id'),
          eb.lit(0),
        )
        .as('repaid'),
    )
    .where('r.agreement_id', '=', a.id)
    .orderBy('r.created_at')
    .execute();
  const accounts = await tx
    .selectFrom('payout_accounts')
    .select('status')
    .where('funder_id', '=', a.funder_id)
    .where('organisation_id', '=', a.organisation_id)
    .execute();
  const signatories = await signatoriesOf(tx, a.funder_id, a.organisation_id);
  const content = a.status === 'signed' ? await currentContent(tx, a) : a.content;
  const staff = access === 'staff';
  const mySide = staff ? 'funder' : 'organisation';
  const signedMySide = signatures.some((s) => s.party === mySide && s.content_sha256 === hash);
  const maySignAs = staff ? policy.signForFunder(user, a.funder_id) : signatories.some((s) => s.email === user.email.toLowerCase());
  return {
    id: a.id,
    number: a.number,
    kind: a.kind,
    status: a.status,
    version: a.version,
    amount: a.amount,
    applicationId: a.application_id,
    caseNumber: info.case_number ?? '',
    applicationTitle: info.title,
    callTitle: info.call_title,
    funderId: a.funder_id,
    funderName: info.funder_name,
    organisation: { id: a.organisation_id, name: info.org_name, orgNumber: info.org_number },
    content,
    schedule: a.schedule,
    contentSha256: hash,
    signedAt: a.signed_at?.toISOString() ?? null,
    documentSha256: a.document_sha256,
    documentUrl: `/api/agreements/${a.id}/document.pdf`,
    signatures: signatures.map((s) => ({
      party: s.party,
      name: s.signer_name,
      role: s.signer_role,
      signedAt: s.signed_at.toISOString(),
      current: s.content_sha256 === hash,
    })),
    signatories: signatories.map((s) => ({ name: s.name, role: s.role })),
    comments: comments.map((c) => ({ id: c.id, party: c.party, authorName: c.author_name, body: c.body, createdAt: c.created_at.toISOString() })),
    amendments: amendments.map((m) => ({ version: m.version, reason: m.reason, changed: Object.keys(m.changes), createdAt: m.created_at.toISOString() })),
    instalments: instalments.map((i) => ({
      id: i.id,
      number: i.number,
      amount: i.amount,
      condition: i.condition,
      dueOn: i.due_on,
      status: i.status,
      lastReason: i.last_reason,
      paidOn: i.paid_on,
    })),
    plannedInstalments: a.status === 'draft' ? safePlan(a).map((p) => ({ number: p.number, amount: p.amount, condition: p.condition, dueOn: p.dueOn })) : [],
    ledger: summary(await balancesOfApplication(tx, a.application_id)),
    recoveries: recoveries.map((r) => ({
      id: r.id,
      number: r.number,
      amount: r.amount,
      repaid: ore(Number(r.repaid)),
      grounds: r.grounds,
      reasons: r.reasons,
      decidedOn: r.decided_on,
      payBy: r.pay_by,
      letterUrl: `/api/recoveries/${r.id}/letter.pdf`,
    })),
    payoutHold: payoutHold(accounts),
    overdueReport: a.status === 'signed' ? ((await overdueReports(tx, [a.id], dateInStockholm(new Date()))).get(a.id) ?? null) : null,
    may: {
      edit: staff && a.status === 'draft' && policy.draftAgreement(user, a.funder_id),
      sign: a.status === 'draft' && maySignAs && !signedMySide,
      amend: staff && a.status === 'signed' && policy.draftAgreement(user, a.funder_id),
      recover: staff && a.status === 'signed' && policy.decideRecovery(user, a.funder_id),
      release: staff && a.status === 'signed' && policy.draftAgreement(user, a.funder_id),
    },
  };
}

/** A draft's schedule as it would be if signed today; an unfinished schedule plans nothing yet. */
function safePlan(a: AgreementRow) {
  try {
    return planInstalments(a.amount, a.schedule, { periodFrom: a.content.periodFrom, periodTo: a.content.periodTo, signedOn: dateInStockholm(new Date()) });
  } catch {
    return [];
  }
}
