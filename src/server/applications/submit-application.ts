// Submitting an application: the one place that checks the applicant may, locks the application (a
// double click or a retry waits for the first and then sees it done), runs the call's rules and the
// deadline on the server, shares the application's documents with the funder, and in one statement takes
// the next case number of the funder's series, freezes the version, queues the receipts and appends the
// audit entry.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { auditCtes, sealDraftSaves } from '../../db/audit.ts';
import { documentsOf } from '../../domain/applications/types.ts';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { formatKronor } from '../../domain/money.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { organisationMembers } from '../eligibility/store.ts';
import { grantFiles } from '../files/store.ts';
import { enqueueDelivery, outboxRows } from '../mail/outbox.ts';
import { eachMails, type Happening, queueForDigest, recipientsOf } from '../notifications/notify.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { type ApplicationRow, inScope, locate, requireApplicant } from './access.ts';
import { type CallInfo, checkApplication, closedProblem, ELIGIBILITY_CODES } from './check.ts';

/** Submits the application (or answers how it was submitted, if it already was): its case number and when. */
export async function submitApplication(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  idempotencyKey: string | null,
  options: CommandOptions = {},
): Promise<{ id: string; caseNumber: string; submittedAt: Date }> {
  const located = await locate(ctx, user, id);
  requireApplicant(located);
  const members = await organisationMembers(ctx, located.organisationId);
  const staff = await recipientsOf(ctx, located.funderId, 'application_submitted', { actorId: user.userId });
  return inScope(ctx, located, async (tx) => {
    const now = clockOf(options);
    // The row lock makes a double click or a retried request wait for the first, then see it done.
    const { row, check, call } = await checkApplication(tx, located, now, true);
    const done = (r: Pick<ApplicationRow, 'id' | 'case_number' | 'submitted_at'>) => ({
      id: r.id,
      caseNumber: r.case_number as string,
      submittedAt: r.submitted_at as Date,
    });
    if (row.status === 'submitted') return done(row);
    if (row.status === 'withdrawn') throw new Problem(409, 'application_withdrawn');
    const failed = check.eligibility.find((r) => !r.ok);
    if (failed?.rule === 'call_open') throw closedProblem(call.rules, now) ?? new Problem(409, 'call_not_open');
    if (failed) throw new Problem(422, ELIGIBILITY_CODES[failed.rule]);
    if (check.problems.length) throw rulesProblem(check.problems, 'application_incomplete');
    // What was submitted is the funder's to read: the organisation's own documents, and nothing else.
    const documents = documentsOf(row.content, call.rules.questions);
    const fileIds = [...new Set(documents.map((d) => d.fileId))];
    const owned = fileIds.length
      ? await tx.selectFrom('files').select('id').where('id', 'in', fileIds).where('organisation_id', '=', row.organisation_id).execute()
      : [];
    const unknown = documents.filter((d) => !owned.some((o) => o.id === d.fileId));
    if (unknown.length)
      throw new Problem(
        422,
        'application_incomplete',
        {},
        unknown.map((d) => ({ field: d.field, code: 'file_unknown' as const })),
      );
    await grantFiles(tx, fileIds, call.funderId);
    // The mails first: their texts carry the case number as a marker the final statement fills in.
    const marker = `case-number-${randomUUID()}`;
    const recipients = new Map<string, string>();
    for (const m of members) recipients.set(m.email.toLowerCase(), m.locale);
    for (const c of row.content.contacts)
      if (c.email.trim()) recipients.set(c.email.trim().toLowerCase(), recipients.get(c.email.trim().toLowerCase()) ?? 'sv');
    const url = `${ctx.config.publicUrl}/applications/${id}`;
    const texts = {
      sv: receiptMail('sv', { caseNumber: marker, call, row, at: now, url }),
      en: receiptMail('en', { caseNumber: marker, call, row, at: now, url }),
    };
    // The call's caseworkers are told as each chose: a mail now (its case number filled in below) or the digest.
    const arrived: Happening = {
      event: 'application_submitted',
      funderId: call.funderId,
      objectId: id,
      link: `/applications/${id}/assessment`,
      about: { caseNumber: marker, title: row.content.title, organisationName: row.organisation_name, callTitle: call.title },
    };
    await queueForDigest(tx, options, staff, { ...arrived, about: { ...arrived.about, caseNumber: null } }, now);
    // Replayed history mails nobody: the receipts went out when it happened.
    const mails = outboxRows(
      options.replay ? [] : [...[...recipients].map(([to, locale]) => ({ to, ...texts[locale === 'en' ? 'en' : 'sv'] })), ...eachMails(ctx, staff, arrived)],
    );
    await enqueueDelivery(ctx, tx, mails);
    // One statement from taking the funder's case-number series and the audit chain's head to
    // commit: the next case number, the frozen version, the receipt mails and the audit entry.
    // Those locks serialise every submission, so they are held for this statement and the commit only.
    // The draft's saves still gathered outside the chain come before the submission in it.
    await sealDraftSaves(tx, 'application', id);
    const year = Number(dateInStockholm(now).slice(0, 4));
    const caseNumber = sql<string>`(select case_number from submitted)`;
    const result = await sql<{ case_number: string }>`
      with submitted as (
        update applications
        set status = 'submitted',
            case_number = series_label(${call.casePrefix}, 'application', ${year}, next_number(${call.funderId}, 'application', ${year})),
            submitted_at = ${now}, submitted_content = content, submit_key = ${idempotencyKey},
            updated_at = ${now}, updated_by = ${user.userId}
        where id = ${id}
        returning case_number
      ),
      mails as (
        insert into outbox (id, to_address, subject, body_text, funder_id)
        select m.id, m.to_address, replace(m.subject, ${marker}, s.case_number), replace(m.body_text, ${marker}, s.case_number), m.funder_id
        from submitted s cross join jsonb_to_recordset(${JSON.stringify(mails)}::jsonb) as m(id uuid, to_address text, subject text, body_text text, funder_id uuid)
      ),
      ${auditCtes(
        actorOf(user),
        {
          action: 'application.submitted',
          objectType: 'application',
          objectId: id,
          funderId: call.funderId,
          organisationId: row.organisation_id,
          reason: auditReason(options),
          data: { caseNumber: marker, amountRequested: row.content.amountRequested, version: row.version },
        },
        { marker, value: caseNumber },
      )}
      select case_number from submitted`.execute(tx);
    const submitted = { ...row, case_number: result.rows[0]?.case_number ?? null, submitted_at: now };
    return done(submitted);
  });
}

const RECEIPT_TIME = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' }),
};

const DAY = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'long' }),
};

/** What happens after submission, as the receipt page says it too: screening, assessment, the decision, how they are told, whom to ask. */
export function whatHappensNext(lang: 'sv' | 'en', p: { funder: string; deadline: string | null; caseNumber: string }): string {
  const deadline = p.deadline ? DAY[lang].format(new Date(`${p.deadline}T12:00:00Z`)) : null;
  return lang === 'en'
    ? [
        'What happens next',
        `1. ${p.funder} first checks that the application meets the call's conditions. If something is missing, you will be asked to complete it by e-mail and in Samverka, with a date to reply by.`,
        "2. The application is then assessed against the call's criteria, together with the other applications.",
        `3. ${deadline ? `The decision is made after the application period ends on ${deadline}.` : 'The decision is made once all applications have been assessed.'}`,
        "4. The decision is e-mailed to the organisation's members and contact people, and the decision letter, with the reasons and how to appeal, is in Samverka.",
        `Questions? Contact ${p.funder} and give the case number ${p.caseNumber}.`,
      ].join('\n')
    : [
        'Vad händer nu',
        `1. ${p.funder} kontrollerar först att ansökan uppfyller utlysningens villkor. Saknas något får ni en begäran om komplettering med e-post och i Samverka, med ett datum att svara senast.`,
        '2. Sedan bedöms ansökan mot utlysningens bedömningskriterier, tillsammans med de andra ansökningarna.',
        `3. ${deadline ? `Beslut fattas efter att ansökningstiden har gått ut ${deadline}.` : 'Beslut fattas när alla ansökningar har bedömts.'}`,
        '4. Beslutet skickas med e-post till organisationens medlemmar och kontaktpersoner, och beslutsbrevet, med skälen och hur man överklagar, finns i Samverka.',
        `Har ni frågor? Kontakta ${p.funder} och ange diarienummer ${p.caseNumber}.`,
      ].join('\n');
}

function receiptMail(lang: 'sv' | 'en', p: { caseNumber: string; call: CallInfo; row: ApplicationRow; at: Date; url: string }) {
  const when = RECEIPT_TIME[lang].format(p.at);
  const amount = formatKronor(p.row.content.amountRequested, lang);
  const next = whatHappensNext(lang, { funder: p.call.funderName, deadline: p.call.rules.deadline, caseNumber: p.caseNumber });
  return lang === 'en'
    ? {
        subject: `Receipt: your application ${p.caseNumber} has been received`,
        text: `${p.call.funderName} received the application from ${p.row.organisation_name} to the call "${p.call.title}" on ${when}.\n\nCase number: ${p.caseNumber}\nTitle: ${p.row.content.title}\nAmount applied for: ${amount}\n\nThe submitted version and a PDF receipt are in Samverka: ${p.url}\n\n${next}\n\nDocuments received by a public authority are public records unless secrecy applies.\n\n— Samverka`,
      }
    : {
        subject: `Kvitto: er ansökan ${p.caseNumber} har kommit in`,
        text: `${p.call.funderName} tog emot ansökan från ${p.row.organisation_name} till utlysningen ”${p.call.title}” ${when}.\n\nDiarienummer: ${p.caseNumber}\nTitel: ${p.row.content.title}\nSökt belopp: ${amount}\n\nDen inskickade versionen och ett kvitto som PDF finns i Samverka: ${p.url}\n\n${next}\n\nHandlingar som kommit in till en myndighet är allmänna handlingar om inte sekretess gäller.\n\n— Samverka`,
      };
}
