import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../support/app.ts';
import { buildZip, DOCX_CONTENT_TYPES, docxWith, smallDocx } from '../support/zip.ts';

let t: TestApp;
let applicant: Client;
let org: string;
beforeAll(async () => {
  t = await createTestApp();
  org = (await t.db.kysely.selectFrom('organisations').select('id').where('org_number', '=', '802000-1239').executeTakeFirstOrThrow()).id;
  applicant = new Client(t.app);
  await applicant.login('forening@nattvandrarna.example');
});
afterAll(() => t.close());

const MiB = 1024 * 1024;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

interface Part {
  name: string;
  data: Buffer;
  /** The form field; "file" unless said. */
  field?: string;
  /** A plain form field instead of a file. */
  plain?: boolean;
}

/** Posts the parts as one multipart/form-data request, as a browser's FormData would. */
async function upload(parts: Part[], c: Client = applicant) {
  const boundary = '----samverkaUploadTest';
  const body = Buffer.concat([
    ...parts.flatMap((p) => [
      Buffer.from(
        p.plain
          ? `--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"\r\n\r\n`
          : `--${boundary}\r\nContent-Disposition: form-data; name="${p.field ?? 'file'}"; filename="${p.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      p.data,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  const res = await c.app.inject({
    method: 'POST',
    url: `/api/organisations/${org}/files`,
    remoteAddress: c.ip,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'accept-language': 'sv',
      cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': c.csrf as string,
    },
    payload: body,
  });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: JSON.parse(res.body) };
}

const storedFiles = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom('files')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Expects a 422 problem on the field "file" with this code, and nothing stored. */
async function expectRefused(parts: Part[], code: string) {
  const before = await storedFiles();
  const res = await upload(parts);
  expect(res.status).toBe(422);
  expect(res.type).toContain('application/problem+json');
  expect(res.body.code).toBe(code);
  expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file', code })]);
  expect(await storedFiles()).toBe(before);
  return res.body as { title: string; messages: { sv: string; en: string } };
}

describe('an Office document upload', () => {
  it('accepts a small Word document and an Excel workbook, and hands them back unchanged', async () => {
    const docx = await smallDocx();
    const res = await upload([{ name: 'budget.docx', data: docx }]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'budget.docx', contentType: DOCX, size: docx.length });
    const back = await t.app.inject({
      method: 'GET',
      url: `/api/files/${res.body.id}`,
      headers: { cookie: [...applicant.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(back.statusCode).toBe(200);
    expect(Buffer.compare(back.rawPayload, docx)).toBe(0);

    const book = new ExcelJS.Workbook();
    book.addWorksheet('Budget').addRows([
      ['Hyra av hall', 60000],
      ['Ledararvoden', 40000],
    ]);
    const xlsx = await upload([{ name: 'budget.xlsx', data: Buffer.from(await book.xlsx.writeBuffer()) }]);
    expect(xlsx.status).toBe(201);
    expect(xlsx.body.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('refuses a Word document that unpacks from under 1 MB to 200 MB, in words a volunteer understands', async () => {
    const bomb = await docxWith({ zeros: 200 * MiB });
    expect(bomb.length).toBeLessThan(MiB);
    const problem = await expectRefused([{ name: 'ansokan.docx', data: bomb }], 'file_unpacks_too_large');
    expect(problem.title).toBe('Filen packar upp sig till mer än 100 MB och kan inte tas emot. Spara den som PDF eller dela upp den.');
    expect(problem.messages.en).toBe('The file unpacks to more than 100 MB and cannot be accepted. Save it as PDF or split it up.');
  });

  it('refuses parts that together unpack to more than 100 MB, though none is packed suspiciously tightly', async () => {
    const parts = Array.from({ length: 101 }, (_, i) => ({ name: `word/media/bild${i}.bin`, zeros: MiB }));
    await expectRefused([{ name: 'bilder.docx', data: await docxWith({ data: '<w:document/>' }, parts) }], 'file_unpacks_too_large');
  });

  it('refuses one part packed far more tightly than documents are, though the whole is small', async () => {
    const problem = await expectRefused([{ name: 'tät.docx', data: await docxWith({ zeros: 5 * MiB }) }], 'file_packed_too_tightly');
    expect(problem.messages.sv).toContain('mer än 100 gånger');
  });

  it('refuses a document whose central directory lies about how much it unpacks to, without unpacking it all', async () => {
    const liar = await docxWith({ zeros: 200 * MiB, declaredSize: 1024 });
    const started = performance.now();
    const problem = await expectRefused([{ name: 'ansokan.docx', data: liar }], 'file_damaged');
    expect(problem.messages.sv).toBe('Filen verkar vara skadad och kan inte läsas. Spara den på nytt, gärna som PDF, och försök igen.');
    // Unpacking the 200 MB would take far longer than stopping one chunk past the declared kilobyte.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses a document of more than 10 000 parts', async () => {
    const parts = Array.from({ length: 10_000 }, (_, i) => ({ name: `word/p${i}.xml`, data: '', method: 0 as const }));
    const zip = await buildZip([{ name: '[Content_Types].xml', data: DOCX_CONTENT_TYPES }, ...parts]);
    const problem = await expectRefused([{ name: 'delar.docx', data: zip }], 'file_too_many_parts');
    expect(problem.messages.sv).toBe('Filen består av fler än 10\u00a0000 delar och kan inte tas emot. Spara den som PDF eller dela upp den.');
    expect(problem.messages.en).toBe('The file is made up of more than 10,000 parts and cannot be accepted. Save it as PDF or split it up.');
  });

  it('still refuses a plain zip archive as a file type, whatever it holds', async () => {
    const res = await upload([{ name: 'bilagor.zip', data: await buildZip([{ name: 'a.txt', data: 'hej' }]) }]);
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('file_type_not_allowed');
  });
});

describe('a multipart upload', () => {
  it('refuses a second file instead of dropping it, naming the field and saying to send one at a time', async () => {
    const problem = await expectRefused(
      [
        { name: 'stadgar.pdf', data: PDF },
        { name: 'budget.pdf', data: PDF },
      ],
      'file_one_at_a_time',
    );
    expect(problem.messages).toEqual({
      sv: 'Ladda upp en fil i taget. Den här uppladdningen innehöll mer än en fil.',
      en: 'Upload one file at a time. This upload contained more than one file.',
    });
    await expectRefused(
      [
        { name: 'a.pdf', data: PDF },
        { name: 'b.pdf', data: PDF, field: 'other' },
        { name: 'c.pdf', data: PDF, field: 'third' },
      ],
      'file_one_at_a_time',
    );
  });

  it('takes one file with ordinary form fields beside it, and says when there is no file at all', async () => {
    const one = await upload([
      { name: '', field: 'note', plain: true, data: Buffer.from('stadgar') },
      { name: 'stadgar.pdf', data: PDF },
    ]);
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ name: 'stadgar.pdf', contentType: 'application/pdf' });
    const none = await upload([{ name: '', field: 'note', plain: true, data: Buffer.from('ingen fil') }]);
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('file_missing');
  });

  it('is described truthfully in the API description', async () => {
    const spec = (await applicant.get('/api/openapi.json')).body;
    const op = spec.paths['/api/organisations/{organisationId}/files'].post;
    expect(op.summary).toContain('one file per request');
    expect(op.description).toContain('file_one_at_a_time');
    expect(op.description).toContain('100 MB');
  });
});
