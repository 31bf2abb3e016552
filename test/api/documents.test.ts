import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ore } from '../../src/domain/money.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';
import { pdfAccessibility, pdfText, structElements } from '../support/pdf.ts';
import { completeContent, saveAndSubmit } from '../support/submit.ts';

// An association whose name Helvetica (Latin-1 only) garbled, applying through the real app and fetching its receipt.
const NAME = 'جمعية الشباب 🌙';
const ORG_NUMBER = '802000-1239';

let t: TestApp;
let applicant: Client;
let organisationId: string;
let callId: string;

beforeAll(async () => {
  t = await createTestApp();
  const org = await t.db.kysely.updateTable('organisations').set({ name: NAME }).where('org_number', '=', ORG_NUMBER).returning('id').executeTakeFirstOrThrow();
  organisationId = org.id;
  // The demo's draft to this call took the association's name when it was started.
  await t.db.kysely.updateTable('applications').set({ organisation_name: NAME }).where('organisation_id', '=', organisationId).execute();
  callId = (await t.db.kysely.selectFrom('calls').select('id').where('title', '=', 'Extra föreningsstöd mot utanförskap').executeTakeFirstOrThrow()).id;
  applicant = new Client(t.app);
  await applicant.login('forening@nattvandrarna.example');
});
afterAll(() => t.close());

describe('an association with an Arabic name and an emoji', () => {
  it('submits and gets a receipt PDF with its name, its partners and contacts as written', async () => {
    const draft = await applicant.post(`/api/calls/${callId}/applications`, { organisationId });
    expect(draft.status).toBe(200);
    const content = await completeContent(applicant, organisationId, {
      title: 'Nattvandring i Navestad 🌙',
      description: 'Vuxna vandrar fredag och lördag kväll och samtalar med unga.',
      budget: [{ label: 'Västar och lampor', amount: ore(10_000_000) }],
      partners: [{ orgNumber: '802400-1235', name: 'Föreningen Ümit & Çağla', role: 'Łódź-utbyte' }],
      contacts: [{ name: 'مريم العلي', email: 'forening@nattvandrarna.example', phone: '' }],
    });
    const submitted = { body: await saveAndSubmit(applicant, draft.body, content) };

    const res = await t.app.inject({
      method: 'GET',
      url: submitted.body.receiptUrl,
      remoteAddress: applicant.ip,
      headers: { cookie: [...applicant.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    // The text layer a screen reader reads (pdf.js gives right-to-left runs back in reading order).
    const lines = (await pdfText(res.rawPayload)).reading;
    expect(lines).toContain(`Diarienummer: ${submitted.body.caseNumber}`);
    expect(lines).toContain(`Sökande organisation: ${NAME}`);
    expect(lines).toContain('Nattvandring i Navestad 🌙');
    expect(lines).toContain('• Föreningen Ümit & Çağla (802400-1235): Łódź-utbyte');
    expect(lines).toContain('• مريم العلي, forening@nattvandrarna.example');
    expect(lines).toContain('Sökt belopp: 90 000 kr');
    // A tagged PDF in Swedish, titled, whose structure reads as its text does.
    const tagged = await pdfAccessibility(res.rawPayload);
    expect(tagged).toMatchObject({ marked: true, lang: 'sv', title: `Mottagningskvitto ${submitted.body.caseNumber}`, displayTitle: true, untagged: [] });
    expect(tagged.structureText).toBe(tagged.contentText);
    expect(new Set(structElements(tagged).map((e) => e.role))).toEqual(
      new Set(['Root', 'Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD']),
    );
  });
});
