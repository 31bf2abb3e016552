import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationContent } from '../../src/domain/applications/types.ts';
import { addMonths, dateInStockholm } from '../../src/domain/deadlines.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';

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

const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

async function upload(name: string) {
  const boundary = '----samverkaTest';
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/organisations/${organisationId}/files`,
    remoteAddress: applicant.ip,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: [...applicant.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': applicant.csrf as string,
    },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`),
      MINIMAL_PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  expect(res.statusCode).toBe(201);
  return JSON.parse(res.body).id as string;
}

/**
 * The receipt's text as pdf.js gives it, line by line: the text layer Firefox
 * reads to a screen reader. pdf.js turns right-to-left runs back into reading
 * order, so correct Arabic comes back exactly as written (test/unit/documents
 * also checks how it stands on the page).
 */
async function pdfLines(pdf: Buffer): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  const doc = await task.promise;
  const lines: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    let line = '';
    let y: number | null = null;
    for (const item of (await (await doc.getPage(n)).getTextContent()).items) {
      if (!('str' in item)) continue;
      const top = Math.round(item.transform[5]);
      if (y !== null && top !== y && line) {
        lines.push(line);
        line = '';
      }
      y = top;
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = '';
        y = null;
      }
    }
    if (line) lines.push(line);
  }
  await task.destroy();
  return lines.map((l) => l.replace(/\s/gu, ' ').trimEnd()).filter(Boolean);
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
      budget: [{ label: 'Västar och lampor', amount: 10_000_000 }],
      ownContribution: 1_000_000,
      otherFunding: 0,
      amountRequested: 9_000_000,
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
    const lines = await pdfLines(res.rawPayload);
    expect(lines).toContain(`Diarienummer: ${submitted.body.caseNumber}`);
    expect(lines).toContain(`Sökande organisation: ${NAME}`);
    expect(lines).toContain('Nattvandring i Navestad 🌙');
    expect(lines).toContain('• Föreningen Ümit & Çağla (802400-1235): Łódź-utbyte');
    expect(lines).toContain('• مريم العلي, forening@nattvandrarna.example');
    expect(lines).toContain('Sökt belopp: 90 000 kr');
  });
});
