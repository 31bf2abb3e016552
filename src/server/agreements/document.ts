// The agreement as a document: its data gathered for the PDF (src/documents/agreement.ts), and kept as
// a document of the case once both parties have signed.
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/connection.ts';
import { type AgreementDocumentData, agreementPdf } from '../../documents/agreement.ts';
import { planInstalments } from '../../domain/payments/schedule.ts';
import { type AgreementRow, contentHash, currentContent, sha256, signaturesOf } from './store.ts';

export const agreementFileName = (number: string) => `Overenskommelse ${number.replace(/[^\w-]+/g, '-')}.pdf`;

export async function agreementDocumentData(tx: Tx, a: AgreementRow): Promise<AgreementDocumentData> {
  const info = await tx
    .selectFrom('applications as app')
    .innerJoin('funders as f', 'f.id', 'app.funder_id')
    .innerJoin('organisations as fo', 'fo.id', 'f.organisation_id')
    .innerJoin('organisations as o', 'o.id', 'app.organisation_id')
    .innerJoin('calls as c', 'c.id', 'app.call_id')
    .innerJoin('decisions as d', (j) => j.on('d.id', '=', a.decision_id))
    .select([
      'f.name as funderName',
      'fo.org_number as funderOrgNumber',
      'o.name as organisationName',
      'o.org_number as orgNumber',
      'app.case_number',
      'c.title as callTitle',
      'app.title as applicationTitle',
      'd.decided_on',
      'd.paragraph',
    ])
    .where('app.id', '=', a.application_id)
    .executeTakeFirstOrThrow();
  const signed = a.status === 'signed';
  const hash = contentHash(a);
  const signatures = (await signaturesOf(tx, a.id)).filter((s) => s.content_sha256 === hash);
  const instalments = signed
    ? await tx
        .selectFrom('instalments')
        .select(['number', 'amount', 'condition', 'due_on'])
        .where('agreement_id', '=', a.id)
        .where('status', '!=', 'cancelled')
        .orderBy('number')
        .execute()
    : planInstalments(a.amount, a.schedule, { periodFrom: a.content.periodFrom, periodTo: a.content.periodTo, signedOn: null }).map((i) => ({
        ...i,
        due_on: i.dueOn,
      }));
  const amendments = await tx
    .selectFrom('agreement_amendments as m')
    .leftJoin('users as u', 'u.id', 'm.created_by')
    .select(['m.version', 'm.reason', 'm.created_at', 'u.name'])
    .where('m.agreement_id', '=', a.id)
    .orderBy('m.version')
    .execute();
  return {
    number: a.number,
    kind: a.kind,
    funderName: info.funderName,
    funderOrgNumber: info.funderOrgNumber,
    organisationName: info.organisationName,
    orgNumber: info.orgNumber,
    caseNumber: info.case_number ?? '',
    callTitle: info.callTitle,
    applicationTitle: info.applicationTitle,
    decidedOn: info.decided_on,
    decisionParagraph: info.paragraph,
    amount: a.amount,
    content: await currentContent(tx, a),
    instalments: instalments.map((i) => ({ number: i.number, amount: i.amount, condition: i.condition, dueOn: i.due_on })),
    signatures: signatures.map((s) => ({ party: s.party, name: s.signer_name, role: s.signer_role, signedAt: s.signed_at })),
    amendments: amendments.map((m) => ({ version: m.version, reason: m.reason, createdAt: m.created_at, by: m.name ?? '' })),
    contentSha256: hash,
    draft: !signed,
  };
}

/** Writes the signed agreement as a document of the case; answers its file id and SHA-256. */
export async function keepSignedDocument(tx: Tx, a: AgreementRow, by: string, at: Date): Promise<{ fileId: string; sha256: string }> {
  const pdf = await agreementPdf('sv', await agreementDocumentData(tx, a));
  const fileId = randomUUID();
  const hash = sha256(pdf);
  await tx
    .insertInto('files')
    .values({
      id: fileId,
      organisation_id: a.organisation_id,
      funder_id: a.funder_id,
      name: agreementFileName(a.number),
      content_type: 'application/pdf',
      size: pdf.length,
      sha256: hash,
      data: pdf,
      created_by: by,
      created_at: at,
    })
    .execute();
  await tx
    .insertInto('file_grants')
    .values({ file_id: fileId, funder_id: a.funder_id })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { fileId, sha256: hash };
}
