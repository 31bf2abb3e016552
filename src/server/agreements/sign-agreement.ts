// Signing: each party accepts the agreement in the app, as an explicit act by a named person with the
// right role: for the association, a signatory (firmatecknare) its approved eligibility names; for the
// funder, a delegate (decision-maker). What is accepted is the exact content, named by its SHA-256.
// When both parties have accepted the same content the agreement is signed: the signed PDF is kept as
// a document of the case with its hash in the audit trail, the payment schedule's instalments are
// made, the grant moves from granted to committed in the ledger, and the follow-up opens (its reports
// and, when the call asks for one, the participants' survey: src/server/follow-up/open.ts), all in one transaction.
//
// A qualified e-signature can replace the in-app act: `method` records how a party signed, and a
// BankID signature through the funder's identity provider would be checked here before the row is written.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { agreementProblems } from '../../domain/agreements.ts';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { planInstalments, scheduleProblems } from '../../domain/payments/schedule.ts';
import { policy } from '../../domain/roles.ts';
import { lockApplication } from '../budget/guard.ts';
import { auditReason, type CommandOptions, clockOf, mailFor } from '../command.ts';
import type { AppContext } from '../context.ts';
import { organisationMembers } from '../eligibility/store.ts';
import { openFollowUp } from '../follow-up/open.ts';
import { ledgerDims, postEvent } from '../ledger/store.ts';
import { mailsToMembers } from '../mail/outbox.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { agreementFileName, keepSignedDocument } from './document.ts';
import { type AgreementRow, contentHash, locateAgreement, signatoriesOf } from './store.ts';

export async function signAgreement(
  ctx: AppContext,
  user: SignedInUser,
  agreementId: string,
  input: { contentSha256: string },
  options: CommandOptions = {},
): Promise<{ agreement: AgreementRow; party: 'funder' | 'organisation'; complete: boolean }> {
  const located = await locateAgreement(ctx, user, agreementId);
  const party = located.access === 'staff' ? 'funder' : 'organisation';
  if (party === 'funder' && !policy.signForFunder(user, located.funderId)) throw new Problem(403, 'not_a_funder_signatory');
  const now = clockOf(options);
  const members = await organisationMembers(ctx, located.organisationId);
  // Authorisation is decided above and below (the party's policy, the registered signatory). The last
  // signature completes the funder's own records (the ledger, the schedule, the case's document) in the
  // same transaction, so it runs within the funder for whichever party signs.
  return scoped(ctx.db, scopeOf(user, located.funderId), async (tx) => {
    const app = await tx.selectFrom('applications').select('call_id').where('id', '=', located.applicationId).executeTakeFirstOrThrow();
    // The budget guard's order (line, call, application), then the agreement.
    await lockApplication(tx, app.call_id, located.applicationId);
    const a = await tx.selectFrom('agreements').selectAll().where('id', '=', agreementId).forUpdate().executeTakeFirstOrThrow();
    if (a.status === 'signed') throw new Problem(409, 'agreement_signed');
    const hash = contentHash(a);
    // The signer accepts what they saw: if the draft changed since, they must read it again.
    if (input.contentSha256 !== hash) throw new Problem(409, 'agreement_changed', {}, [], { contentSha256: hash });
    const problems = [
      ...agreementProblems(a.kind, a.content),
      ...scheduleProblems(a.schedule, a.amount, { from: a.content.periodFrom, to: a.content.periodTo }),
    ];
    if (problems.length) throw rulesProblem(problems, 'agreement_incomplete');
    let signer: { name: string; role: string };
    if (party === 'organisation') {
      const signatories = await signatoriesOf(tx, a.funder_id, a.organisation_id);
      const me = signatories.find((s) => s.email === user.email.toLowerCase());
      if (!me) throw new Problem(403, 'not_a_signatory', { names: signatories.map((s) => s.name).join(', ') });
      signer = { name: me.name, role: me.role };
    } else {
      signer = { name: user.name, role: 'Delegat' };
    }
    const already = await tx
      .selectFrom('agreement_signatures')
      .select('id')
      .where('agreement_id', '=', a.id)
      .where('party', '=', party)
      .where('content_sha256', '=', hash)
      .executeTakeFirst();
    if (already) throw new Problem(409, 'already_signed');
    await tx
      .insertInto('agreement_signatures')
      .values({
        funder_id: a.funder_id,
        agreement_id: a.id,
        party,
        content_sha256: hash,
        user_id: user.userId,
        signer_name: signer.name,
        signer_role: signer.role,
        signed_at: now,
      })
      .execute();
    const other = await tx
      .selectFrom('agreement_signatures')
      .select('id')
      .where('agreement_id', '=', a.id)
      .where('party', '=', party === 'funder' ? 'organisation' : 'funder')
      .where('content_sha256', '=', hash)
      .executeTakeFirst();
    const auditBase = { objectType: 'agreement', objectId: a.id, funderId: a.funder_id, organisationId: a.organisation_id, reason: auditReason(options) };
    await audit(tx, actorOf(user), {
      ...auditBase,
      action: 'agreement.accepted',
      data: { number: a.number, party, signer: signer.name, role: signer.role, contentSha256: hash, method: 'in_app' },
    });
    if (!other) return { agreement: a, party, complete: false };

    const signedOn = dateInStockholm(now);
    const signed = await tx
      .updateTable('agreements')
      .set({ status: 'signed', signed_at: now, updated_at: now })
      .where('id', '=', a.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const planned = planInstalments(a.amount, a.schedule, { periodFrom: a.content.periodFrom, periodTo: a.content.periodTo, signedOn });
    await tx
      .insertInto('instalments')
      .values(
        planned.map((p) => ({
          funder_id: a.funder_id,
          agreement_id: a.id,
          organisation_id: a.organisation_id,
          number: p.number,
          amount: p.amount,
          condition: p.condition,
          condition_date: p.condition === 'on_date' ? p.dueOn : null,
          due_on: p.dueOn,
          status: p.dueOn ? ('due' as const) : ('planned' as const),
        })),
      )
      .execute();
    const dims = await ledgerDims(tx, a.application_id);
    await postEvent(tx, dims, { kind: 'sign', amount: a.amount }, false, { source: 'agreement', sourceId: a.id, at: now, by: user.userId });
    await openFollowUp(tx, actorOf(user), signed, options);
    const doc = await keepSignedDocument(tx, signed, user.userId, now);
    const final = await tx
      .updateTable('agreements')
      .set({ document_file_id: doc.fileId, document_sha256: doc.sha256 })
      .where('id', '=', a.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const url = `${ctx.config.publicUrl}/agreements/${a.id}`;
    await mailFor(
      ctx,
      tx,
      options,
      mailsToMembers(
        members,
        a.funder_id,
        (lang) =>
          lang === 'en'
            ? {
                subject: `The agreement ${a.number} is signed`,
                text: `Both parties have now signed the agreement ${a.number}. The signed agreement is attached, and the payment schedule is in Samverka: ${url}\n\n— Samverka`,
              }
            : {
                subject: `Överenskommelsen ${a.number} är undertecknad`,
                text: `Båda parter har nu undertecknat överenskommelsen ${a.number}. Den undertecknade överenskommelsen är bifogad, och utbetalningsplanen finns i Samverka: ${url}\n\n— Samverka`,
              },
        [{ fileId: doc.fileId, name: agreementFileName(a.number) }],
      ),
    );
    await audit(tx, actorOf(user), {
      ...auditBase,
      action: 'agreement.signed',
      data: { number: a.number, contentSha256: hash, documentSha256: doc.sha256, documentFileId: doc.fileId, instalments: planned.length, amount: a.amount },
    });
    return { agreement: final, party, complete: true };
  });
}
