import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationContent } from '../../src/domain/applications/types.ts';
import { addMonths, dateInStockholm } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { Client, createTestApp, MINIMAL_PDF, type TestApp } from '../support/app.ts';
import { pdfAccessibility, pdfText, structElements } from '../support/pdf.ts';

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

async function upload(name: string) {
  const res = await applicant.upload(organisationId, name, MINIMAL_PDF);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('an association with an Arabic name and an emoji', () => {
  it('submits and gets a receipt PDF with its name, its partners and contacts as written', async () => {
    const draft = await applicant.post(`/api/calls/${callId}/applications`, { organisationId });
    expect(draft.status).toBe(200);
    const today = dateInStockholm(new Date());
    const content: ApplicationContent = {
      title: 'Nattvandring i Navestad 🌙',
      description: 'Vuxna vandrar fredag och lördag kväll och samtalar med unga.',
      complement: 'Fältgruppen är med första fredagen varje månad.',
      focusAreas: ['Förebygga utanförskap bland barn och unga'],
      activities: [
        {
          typeKey: 'night_football',
          proposedType: null,
          description: 'Fredagar',
          targetGroups: ['young_people'],
          areas: ['Navestad'],
          from: addMonths(today, 2),
          to: addMonths(today, 12),
          expectedParticipants: 40,
        },
      ],
      budget: [{ label: 'Västar och lampor', amount: ore(10_000_000) }],
      ownContribution: ore(1_000_000),
      otherFunding: ore(0),
      amountRequested: ore(9_000_000),
      partners: [{ orgNumber: '802400-1235', name: 'Föreningen Ümit & Çağla', role: 'Łódź-utbyte' }],
      contacts: [{ name: 'مريم العلي', email: 'forening@nattvandrarna.example', phone: '' }],
      declarations: { religious_or_political: true, for_profit: true, already_completed: true },
      answers: {},
      attachments: [
        { kind: 'statutes', fileId: await upload('stadgar.pdf'), name: 'stadgar.pdf' },
        { kind: 'annual_report', fileId: await upload('arsberattelse.pdf'), name: 'arsberattelse.pdf' },
        { kind: 'budget', fileId: await upload('budget.pdf'), name: 'budget.pdf' },
      ],
    };
    const saved = await applicant.put(`/api/applications/${draft.body.id}`, { content, version: draft.body.version });
    expect(saved.status).toBe(200);
    const submitted = await applicant.post(`/api/applications/${draft.body.id}/submit`);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);

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
