import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../src/db/audit.ts';
import { up } from '../../src/db/migrations/0007_submitted_documents.ts';
import { addMonths, dateInStockholm } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { Client, createTestApp, MINIMAL_PDF, type TestApp } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { completeContent as sharedContent } from '../support/submit.ts';

let t: TestApp;
let sn: string;
let openCall: string;
let nattvandrarna: string;
let applicant: Client;
let caseworker: Client;
const year = Number(dateInStockholm(new Date()).slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  sn = (await t.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow()).id;
  openCall = (await t.db.kysely.selectFrom('calls').select('id').where('title', '=', 'Extra föreningsstöd mot utanförskap').executeTakeFirstOrThrow()).id;
  nattvandrarna = (await t.db.kysely.selectFrom('organisations').select('id').where('org_number', '=', '802000-1239').executeTakeFirstOrThrow()).id;
  applicant = new Client(t.app);
  await applicant.login('forening@nattvandrarna.example');
  caseworker = new Client(t.app);
  await caseworker.login('handlaggare@norrkoping.example');
});
afterAll(() => t.close());

const PDF = MINIMAL_PDF;

async function upload(c: Client, organisationId: string, name: string) {
  return (await c.upload(organisationId, name, PDF)).body.id as string;
}

/** The content the tests submit: the shared complete application, with its budget in two rows. */
const completeContent = (c: Client, org: string) =>
  sharedContent(c, org, {
    description: 'Nattfotboll varje fredag 21–01 i Navestadshallen med två vuxna ledare.',
    budget: [
      { label: 'Hyra av hall', amount: ore(6_000_000) },
      { label: 'Ledararvoden', amount: ore(4_000_000) },
    ],
  });

describe('an applicant', () => {
  it('continues the draft, is told what is missing, submits, gets a case number, a receipt mail and a PDF', async () => {
    const draft = await applicant.post(`/api/calls/${openCall}/applications`, { organisationId: nattvandrarna });
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ status: 'draft', access: 'applicant' });
    const check = await applicant.get(`/api/applications/${draft.body.id}/check`);
    expect(check.body.ready).toBe(false);
    expect(check.body.eligibility.every((r: { ok: boolean }) => r.ok)).toBe(true);
    expect(check.body.problems.map((p: { field: string }) => p.field)).toEqual(
      expect.arrayContaining(['complement', 'activities', 'attachments.statutes', 'focusAreas']),
    );
    expect(check.body.problems.find((p: { field: string }) => p.field === 'attachments.statutes').message).toBe('Bifoga den här handlingen.');

    const early = await applicant.post(`/api/applications/${draft.body.id}/submit`);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('application_incomplete');

    const content = await completeContent(applicant, nattvandrarna);
    const undeclared = await applicant.put(`/api/applications/${draft.body.id}`, {
      content: { ...content, declarations: { religious_or_political: true } },
      version: draft.body.version,
    });
    const missing = (await applicant.get(`/api/applications/${draft.body.id}/check`)).body.problems;
    expect(missing.map((p: { field: string }) => p.field)).toEqual(['declarations.for_profit', 'declarations.already_completed']);
    expect(missing[0].message).toBe('Bekräfta det här innan ansökan skickas in.');
    const saved = await applicant.put(`/api/applications/${draft.body.id}`, { content, version: undeclared.body.version });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(draft.body.version + 2);
    expect((await applicant.get(`/api/applications/${draft.body.id}/check`)).body).toMatchObject({ ready: true, problems: [] });

    const submitted = await applicant.post(`/api/applications/${draft.body.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.caseNumber).toBe(`SN ${year}/00003`);
    const mail = await t.db.kysely.selectFrom('outbox').selectAll().where('subject', 'like', `Kvitto: er ansökan SN ${year}/00003%`).execute();
    expect(mail.map((m) => m.to_address)).toEqual(['forening@nattvandrarna.example']);
    expect(mail[0]?.body_text).toContain(`Diarienummer: SN ${year}/00003\n`);
    // What happens next: screening, assessment, when the decision comes, how they are told, whom to ask (with the case number filled in).
    expect(mail[0]?.body_text).toContain('Vad händer nu\n1. Socialnämnden, Norrköpings kommun kontrollerar först');
    expect(mail[0]?.body_text).toMatch(/3\. Beslut fattas (efter att ansökningstiden har gått ut \d{1,2} \p{L}+ \d{4}|när alla ansökningar har bedömts)\./u);
    expect(mail[0]?.body_text).toContain(`Kontakta Socialnämnden, Norrköpings kommun och ange diarienummer SN ${year}/00003.`);
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'application.submitted')
      .where('object_id', '=', draft.body.id)
      .executeTakeFirstOrThrow();
    expect(entry.data).toEqual({ caseNumber: `SN ${year}/00003`, amountRequested: content.amountRequested, version: saved.body.version });
    expect((await verifyAuditTrail(t.db)).ok).toBe(true);
    const pdf = await t.app.inject({
      method: 'GET',
      url: submitted.body.receiptUrl,
      headers: { cookie: [...applicant.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // Submitted means frozen: no more edits, and a retry returns the first answer.
    const edit = await applicant.put(`/api/applications/${draft.body.id}`, { content: { ...content, title: 'Ändrad' }, version: saved.body.version });
    expect(edit.body.code).toBe('application_not_draft');
    const again = await applicant.post(`/api/applications/${draft.body.id}/submit`);
    expect(again.body).toEqual(submitted.body);
    // The two saves, a moment apart, are one entry in the history (a run of saves by one person),
    // sealed into the chain before the submission, with every part they changed; the refused edit is not.
    const history = await applicant.get(`/api/audit?objectType=application&objectId=${draft.body.id}`);
    expect(history.body.entries.map((e: { action: string; sealed: boolean }) => [e.action, e.sealed])).toEqual([
      ['application.started', true],
      ['application.draft_saved', true],
      ['application.submitted', true],
    ]);
    const run = history.body.entries[1].data as { changed: string[]; version: number; saves: number; firstSavedAt: string };
    expect(run).toMatchObject({ version: draft.body.version + 2, saves: 2 });
    expect(run.changed).toEqual(expect.arrayContaining(['title', 'complement', 'activities', 'budget', 'declarations', 'attachments']));
    expect(new Set(run.changed).size).toBe(run.changed.length);

    // The caseworker now sees the received version.
    const seen = await caseworker.get(`/api/applications/${draft.body.id}`);
    expect(seen.body).toMatchObject({ access: 'staff', caseNumber: `SN ${year}/00003`, content: { title: 'Nattfotboll i Navestad' } });
  });

  it('refuses an amount over the maximum and financing that does not cover the budget, on the amount field', async () => {
    const vivalla = new Client(t.app);
    const user = await vivalla.login('ledare@vivalla.example');
    const org = user.organisations[0].id;
    const draft = await vivalla.post(`/api/calls/${openCall}/applications`, { organisationId: org });
    expect(draft.status).toBe(201);
    const content = {
      ...(await completeContent(vivalla, org)),
      amountRequested: 20_000_000,
      budget: [{ label: 'Allt', amount: 20_000_000 }],
      ownContribution: 0,
    };
    await vivalla.put(`/api/applications/${draft.body.id}`, { content, version: draft.body.version });
    const check = await vivalla.get(`/api/applications/${draft.body.id}/check`);
    expect(check.body.problems).toEqual([
      expect.objectContaining({ field: 'amountRequested', code: 'amount_above_max', message: 'Högst 150\u00a0000 kr kan sökas i den här utlysningen.' }),
    ]);
    // Vivalla is not approved as eligible by Norrköping's social committee, which this call requires.
    expect(check.body.eligibility.find((r: { rule: string }) => r.rule === 'eligibility_approval')).toMatchObject({
      ok: false,
      code: 'eligibility_approval_missing',
    });
    const submit = await vivalla.post(`/api/applications/${draft.body.id}/submit`);
    expect(submit.status).toBe(422);
    expect(submit.body.code).toBe('eligibility_approval_missing');
  });

  it('refuses a submission after the deadline, naming the deadline, and keeps the draft', async () => {
    const c = new Client(t.app);
    await c.login('ledare@vivalla.example');
    const appId = (
      await t.db.kysely.selectFrom('applications').select('id').where('organisation_name', '=', 'Vivalla Fritidsförening').executeTakeFirstOrThrow()
    ).id;
    const yesterday = addMonths(dateInStockholm(new Date(Date.now() - 86_400_000)), 0);
    const call = await t.db.kysely.selectFrom('calls').select(['rules', 'deadline']).where('id', '=', openCall).executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable('calls')
      .set({ deadline: yesterday, rules: JSON.stringify({ ...call.rules, deadline: yesterday }) })
      .where('id', '=', openCall)
      .execute();
    try {
      const res = await c.post(`/api/applications/${appId}/submit`);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('deadline_passed');
      expect(res.body.title).toContain(yesterday);
      expect((await c.get(`/api/applications/${appId}`)).body.status).toBe('draft');
    } finally {
      await t.db.kysely
        .updateTable('calls')
        .set({ deadline: call.deadline, rules: JSON.stringify(call.rules) })
        .where('id', '=', openCall)
        .execute();
    }
  });

  it('shows a conflict instead of silently overwriting when two members edit at once', async () => {
    const vivalla1 = new Client(t.app);
    const vivalla2 = new Client(t.app);
    await vivalla1.login('ledare@vivalla.example');
    await vivalla2.login('ledare@vivalla.example');
    const appId = (
      await t.db.kysely.selectFrom('applications').select('id').where('organisation_name', '=', 'Vivalla Fritidsförening').executeTakeFirstOrThrow()
    ).id;
    const base = (await vivalla1.get(`/api/applications/${appId}`)).body;
    const first = await vivalla1.put(`/api/applications/${appId}`, { content: { ...base.content, title: 'Första versionen' }, version: base.version });
    expect(first.status).toBe(200);
    const second = await vivalla2.put(`/api/applications/${appId}`, { content: { ...base.content, title: 'Andra versionen' }, version: base.version });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('edit_conflict');
    expect(second.body.title).toContain('Leo Ledare');
    expect(second.body.title).not.toMatch(/\dT\d/);
    expect(second.body.details.current).toMatchObject({ version: base.version + 1, content: { title: 'Första versionen' } });
  });

  it('lets co-applicants read the application, and nobody else', async () => {
    const vivalla = new Client(t.app);
    await vivalla.login('ledare@vivalla.example');
    const appId = (
      await t.db.kysely.selectFrom('applications').select('id').where('organisation_name', '=', 'Vivalla Fritidsförening').executeTakeFirstOrThrow()
    ).id;
    const current = (await vivalla.get(`/api/applications/${appId}`)).body;
    const withPartner = { ...current.content, partners: [{ orgNumber: '8020001239', name: 'Nattvandrarna Norrköping', role: 'Vuxna på plats' }] };
    expect((await vivalla.put(`/api/applications/${appId}`, { content: withPartner, version: current.version })).status).toBe(200);
    expect((await applicant.get(`/api/applications/${appId}`)).body.access).toBe('partner');
    expect((await applicant.put(`/api/applications/${appId}`, { content: withPartner, version: current.version + 1 })).status).toBe(403);
    const listed = await applicant.get(`/api/organisations/${nattvandrarna}/applications`);
    expect(listed.body.applications.find((a: { id: string }) => a.id === appId)).toMatchObject({ role: 'partner' });
    // A co-applicant reads the application, not its case history.
    expect((await applicant.get(`/api/audit?objectType=application&objectId=${appId}`)).status).toBe(403);
    const stranger = new Client(t.app);
    await stranger.login('admin@orebro.example');
    expect((await stranger.get(`/api/applications/${appId}`)).status).toBe(404);
    expect((await stranger.get(`/api/audit?objectType=application&objectId=${appId}`)).status).toBe(404);
    // Drafts stay with the applicant until they are submitted.
    expect((await caseworker.get(`/api/applications/${appId}`)).status).toBe(404);
  });

  it('withdraws an application, keeping the withdrawal and its reason', async () => {
    const vivalla = new Client(t.app);
    await vivalla.login('ledare@vivalla.example');
    const appId = (
      await t.db.kysely.selectFrom('applications').select('id').where('organisation_name', '=', 'Vivalla Fritidsförening').executeTakeFirstOrThrow()
    ).id;
    const res = await vivalla.post(`/api/applications/${appId}/withdraw`, { reason: 'Vi söker hos Örebro i stället.' });
    expect(res.body).toMatchObject({ status: 'withdrawn' });
    expect((await vivalla.post(`/api/applications/${appId}/withdraw`, {})).body.code).toBe('application_withdrawn');
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .select(['reason'])
      .where('object_id', '=', appId)
      .where('action', '=', 'application.withdrawn')
      .executeTakeFirstOrThrow();
    expect(entry.reason).toBe('Vi söker hos Örebro i stället.');
  });
});

describe('submission under concurrency', () => {
  it('gives one case number to a double-clicked submit, and a gapless series to many at once', async () => {
    const n = 12;
    const clients: { c: Client; id: string }[] = [];
    for (let i = 0; i < n; i++) {
      const c = await new Client(t.app).open();
      await c.post('/api/auth/register', { name: `Sökande ${i}`, email: `samtidig${i}@forening.example`, password: 'en lång fras för test' });
      const org = await c.post('/api/organisations', { orgNumber: orgNumber(i), name: `Förening ${i}`, legalForm: 'ideell_forening' });
      expect(org.status, JSON.stringify(org.body)).toBe(201);
      // The open call requires an approval: give one directly.
      await t.db.kysely
        .insertInto('eligibility_approvals')
        .values({ funder_id: sn, organisation_id: org.body.id, status: 'approved', year, board: '[]', valid_until: `${year}-12-31` })
        .execute();
      await c.get('/api/session');
      const draft = await c.post(`/api/calls/${openCall}/applications`, { organisationId: org.body.id });
      const content = await completeContent(c, org.body.id);
      await c.put(`/api/applications/${draft.body.id}`, { content, version: draft.body.version });
      clients.push({ c, id: draft.body.id });
    }
    const results = await Promise.all(clients.flatMap(({ c, id }, i) => (i === 0 ? [0, 1, 2] : [0]).map(() => c.post(`/api/applications/${id}/submit`))));
    expect(results.map((r) => (r.status === 200 ? 200 : JSON.stringify(r.body)))).toEqual(results.map(() => 200));
    const first = results.slice(0, 3).map((r) => r.body.caseNumber);
    expect(new Set(first).size).toBe(1);
    const numbers = await t.db.kysely
      .selectFrom('applications')
      .select('case_number')
      .where('call_id', '=', openCall)
      .where('case_number', 'is not', null)
      .execute();
    const seqs = numbers.map((r) => Number((r.case_number as string).split('/')[1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    // The demo's two applications this year, the first test's, and these.
    expect(seqs.length).toBe(n + 3);
    const series = await t.db.kysely
      .selectFrom('numbered_series')
      .select('last')
      .where('funder_id', '=', sn)
      .where('kind', '=', 'application')
      .where('year', '=', year)
      .executeTakeFirstOrThrow();
    expect(series.last).toBe(n + 3);
    if (engine() === 'postgres') {
      const { rows } = await sql<{ n: number }>`select count(distinct case_number)::int as n from applications where case_number is not null`.execute(
        t.db.kysely,
      );
      // And the demo's four applications of 2022.
      expect(rows[0].n).toBe(numbers.length + 4);
    }
  });
});

describe('completion requests', () => {
  it('asks for completion with a reply-by date, the applicant answers, and every round is kept', async () => {
    const appId = (await t.db.kysely.selectFrom('applications').select('id').where('case_number', '=', `SN ${year}/00003`).executeTakeFirstOrThrow()).id;
    const past = await caseworker.post(`/api/applications/${appId}/completion-requests`, { message: 'Skicka hyresavtalet.', replyBy: '2020-01-01' });
    expect(past.body.errors[0]).toMatchObject({ field: 'replyBy', code: 'reply_by_past' });
    const replyBy = addMonths(dateInStockholm(new Date()), 1);
    const key = { 'idempotency-key': 'komplettering-1' };
    const asked = await caseworker.post(`/api/applications/${appId}/completion-requests`, { message: 'Skicka hyresavtalet för hallen.', replyBy }, key);
    expect(asked.status).toBe(201);
    const retried = await caseworker.post(`/api/applications/${appId}/completion-requests`, { message: 'Skicka hyresavtalet för hallen.', replyBy }, key);
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body.id).toBe(asked.body.id);
    const mails = await t.db.kysely.selectFrom('outbox').selectAll().where('subject', 'like', 'Komplettering behövs%').execute();
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail.body_text).toContain('Skicka hyresavtalet för hallen.');
    expect((await applicant.post(`/api/completion-requests/${asked.body.id}/answer`, { answer: '', files: [] })).status).toBe(400);
    const contract = await upload(applicant, nattvandrarna, 'hyresavtal.pdf');
    const answered = await applicant.post(`/api/completion-requests/${asked.body.id}/answer`, {
      answer: 'Här är avtalet.',
      files: [{ fileId: contract, name: 'hyresavtal.pdf' }],
    });
    expect(answered.body).toMatchObject({ answer: 'Här är avtalet.', answerFiles: [{ fileId: contract, name: 'hyresavtal.pdf' }] });
    expect((await applicant.post(`/api/completion-requests/${asked.body.id}/answer`, { answer: 'Igen', files: [] })).body.code).toBe('completion_answered');
    expect((await caseworker.get(`/api/files/${contract}`)).status).toBe(200);
    await caseworker.post(`/api/applications/${appId}/completion-requests`, { message: 'Och styrelsens beslut.', replyBy });
    const view = await applicant.get(`/api/applications/${appId}`);
    expect(view.body.completionRequests.map((r: { message: string; answer: string | null }) => [r.message, r.answer])).toEqual([
      ['Skicka hyresavtalet för hallen.', 'Här är avtalet.'],
      ['Och styrelsens beslut.', null],
    ]);
    // Only staff ask; applicants cannot.
    expect((await applicant.post(`/api/applications/${appId}/completion-requests`, { message: 'x', replyBy })).status).toBe(403);

    // The history: the applicant and the caseworker both see every round; a reviewer reads no audit trail.
    const actions = async (client: Client) =>
      ((await client.get(`/api/audit?objectType=application&objectId=${appId}`)).body.entries as { action: string }[]).map((e) => e.action);
    const rounds = ['application.completion_requested', 'application.completion_answered', 'application.completion_requested'];
    const before = ['application.started', 'application.draft_saved', 'application.submitted'];
    expect(await actions(applicant)).toEqual([...before, ...rounds]);
    expect(await actions(caseworker)).toEqual([...before, ...rounds]);
    const reviewer = new Client(t.app);
    await reviewer.login('bedomare@norrkoping.example');
    expect((await reviewer.get(`/api/applications/${appId}`)).status).toBe(200);
    expect((await reviewer.get(`/api/audit?objectType=application&objectId=${appId}`)).status).toBe(403);
  });
});

describe('amending a call that applicants have started on', () => {
  it('tells each organisation that has started what changed and why', async () => {
    const current = await caseworker.get(`/api/calls/${openCall}`);
    const res = await caseworker.post(`/api/calls/${openCall}/amendments`, {
      rules: { ...current.body.rules, summary: `${current.body.rules.summary} Även idrottsföreningar är välkomna.` },
      reason: 'Förtydligande efter frågor.',
    });
    expect(res.status).toBe(200);
    const mails = await t.db.kysely
      .selectFrom('outbox')
      .selectAll()
      .where('subject', 'like', 'Utlysningen ”Extra föreningsstöd mot utanförskap” har ändrats')
      .execute();
    expect(mails.map((m) => m.to_address)).toContain('forening@nattvandrarna.example');
    expect(mails[0].body_text).toContain('Förtydligande efter frågor.');
  });
});

/** A new applicant with a new association approved for the open call, and a complete draft on it. */
async function newApplicant(i: number, name: string) {
  const c = await new Client(t.app).open();
  await c.post('/api/auth/register', { name: `Sökande ${i}`, email: `dokument${i}@forening.example`, password: 'en lång fras för test' });
  const org = await c.post('/api/organisations', { orgNumber: orgNumber(900 + i), name, legalForm: 'ideell_forening' });
  expect(org.status, JSON.stringify(org.body)).toBe(201);
  await t.db.kysely
    .insertInto('eligibility_approvals')
    .values({ funder_id: sn, organisation_id: org.body.id, status: 'approved', year, board: '[]', valid_until: `${year}-12-31` })
    .execute();
  await c.get('/api/session');
  const draft = await c.post(`/api/calls/${openCall}/applications`, { organisationId: org.body.id });
  return { c, org: org.body.id as string, draft: draft.body as { id: string; version: number } };
}
/** A new applicant whose draft is complete and saved, ready to submit. */
async function readyToSubmit(i: number, name: string) {
  const a = await newApplicant(i, name);
  const content = await completeContent(a.c, a.org);
  expect((await a.c.put(`/api/applications/${a.draft.id}`, { content, version: a.draft.version })).status).toBe(200);
  return { ...a, content };
}

const download = (c: Client, fileId: string) =>
  t.app.inject({ method: 'GET', url: `/api/files/${fileId}`, headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });

describe('the documents of a submitted application', () => {
  it('are shared with the funder’s caseworkers and reviewers on submission, and with nobody else', async () => {
    const { c, draft, content } = await readyToSubmit(1, 'Föreningen Ümit & Çağla');
    const reviewer = new Client(t.app);
    await reviewer.login('bedomare@norrkoping.example');
    const stranger = new Client(t.app);
    await stranger.login('admin@orebro.example');
    const statutes = content.attachments[0]?.fileId as string;
    // A draft's documents are the association's own.
    expect((await download(caseworker, statutes)).statusCode).toBe(404);
    expect((await c.post(`/api/applications/${draft.id}/submit`)).status).toBe(200);
    for (const a of content.attachments) {
      for (const staff of [caseworker, reviewer]) {
        const res = await download(staff, a.fileId);
        expect(res.statusCode, a.name).toBe(200);
        expect(res.rawPayload.equals(PDF)).toBe(true);
        expect(res.headers['content-disposition']).toContain(encodeURIComponent(a.name));
      }
      expect((await download(stranger, a.fileId)).statusCode).toBe(404);
    }
    expect((await download(c, statutes)).statusCode).toBe(200);
  });

  it('refuses to submit another organisation’s document as an attachment, on that attachment, and shares nothing', async () => {
    const other = await newApplicant(2, 'Łódź Ungdom');
    const theirs = await upload(other.c, other.org, 'hemlig.pdf');
    const { c, org, draft } = await newApplicant(3, 'مركز الشباب');
    const content = await completeContent(c, org);
    const borrowed = { ...content, attachments: content.attachments.map((a) => (a.kind === 'budget' ? { ...a, fileId: theirs } : a)) };
    expect((await c.put(`/api/applications/${draft.id}`, { content: borrowed, version: draft.version })).status).toBe(200);
    const res = await c.post(`/api/applications/${draft.id}/submit`);
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'attachments.budget', code: 'file_unknown' })]);
    expect(res.body.errors[0].message).toBe('Filen finns inte eller tillhör en annan organisation.');
    const row = await t.db.kysely.selectFrom('applications').select(['status', 'case_number']).where('id', '=', draft.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'draft', case_number: null });
    expect((await download(caseworker, theirs)).statusCode).toBe(404);
    expect((await download(caseworker, content.attachments[0]?.fileId as string)).statusCode).toBe(404);
  });

  it('are shared for applications submitted before submission shared them, by the migration', async () => {
    const { c, draft, content } = await readyToSubmit(4, 'Vivalla 🌙 Nattvandring');
    expect((await c.post(`/api/applications/${draft.id}/submit`)).status).toBe(200);
    const ids = content.attachments.map((a) => a.fileId);
    await t.db.kysely.deleteFrom('file_grants').where('file_id', 'in', ids).execute();
    expect((await download(caseworker, ids[0] as string)).statusCode).toBe(404);
    await up(t.db.kysely as never);
    for (const id of ids) expect((await download(caseworker, id)).statusCode).toBe(200);
  });
});

describe('an Idempotency-Key', () => {
  it('answers a retry of the same submission with the first answer, and submits once', async () => {
    const { c, draft } = await readyToSubmit(10, 'Föreningen Çağla');
    const key = { 'idempotency-key': 'skicka-1' };
    const first = await c.post(`/api/applications/${draft.id}/submit`, {}, key);
    expect(first.status).toBe(200);
    const again = await c.post(`/api/applications/${draft.id}/submit`, {}, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const entries = await t.db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'application.submitted')
      .where('object_id', '=', draft.id)
      .execute();
    expect(entries).toHaveLength(1);
  });

  it('refuses the same key on another application or with another body, naming the key, and changes nothing', async () => {
    const a = await readyToSubmit(11, 'Łódź Ungdomsförening');
    const key = { 'idempotency-key': 'nyckel-ÅÄÖ-1' };
    expect((await a.c.post(`/api/applications/${a.draft.id}/submit`, {}, key)).status).toBe(200);
    // The same person's other application (a second association of theirs would do the same): a different address.
    const other = await a.c.post(`/api/applications/${a.draft.id}/withdraw`, { reason: 'Fel' }, key);
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'idempotency_key_reused' });
    expect(other.body.title).toBe('Nyckeln ”nyckel-ÅÄÖ-1” (Idempotency-Key) har redan använts för en annan begäran. Använd en ny nyckel för varje ny begäran.');
    expect((await t.db.kysely.selectFrom('applications').select('status').where('id', '=', a.draft.id).executeTakeFirstOrThrow()).status).toBe('submitted');

    // The same address with another body.
    const appId = a.draft.id;
    const replyBy = addMonths(dateInStockholm(new Date()), 1);
    const ask = { 'idempotency-key': 'komplettering-ÅÄÖ' };
    expect((await caseworker.post(`/api/applications/${appId}/completion-requests`, { message: 'Skicka budgeten.', replyBy }, ask)).status).toBe(201);
    const changed = await caseworker.post(`/api/applications/${appId}/completion-requests`, { message: 'Skicka stadgarna.', replyBy }, ask);
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('idempotency_key_reused');
    const rounds = await t.db.kysely.selectFrom('completion_requests').select('message').where('application_id', '=', appId).execute();
    expect(rounds.map((r) => r.message)).toEqual(['Skicka budgeten.']);
    // Keys are each person's own: another applicant's same key is a key of theirs.
    const b = await readyToSubmit(14, 'Brickebackens Läxhjälp Ümit');
    const own = await b.c.post(`/api/applications/${b.draft.id}/submit`, {}, key);
    expect(own.status).toBe(200);
    expect(own.headers['idempotent-replayed']).toBeUndefined();
  });

  it('is released by an answer that is not a success, so the corrected request can use it', async () => {
    const { c, org, draft } = await newApplicant(12, 'مركز الشباب في فيفالا');
    const key = { 'idempotency-key': 'forsta-forsoket' };
    const early = await c.post(`/api/applications/${draft.id}/submit`, {}, key);
    expect(early.status).toBe(422);
    const content = await completeContent(c, org);
    expect((await c.put(`/api/applications/${draft.id}`, { content, version: draft.version })).status).toBe(200);
    const later = await c.post(`/api/applications/${draft.id}/submit`, {}, key);
    expect(later.status).toBe(200);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
  });

  it(`gives one answer to the same request sent twice at once (${engine()})`, async () => {
    const { c, draft } = await readyToSubmit(13, 'Nattvandrarna 🌙 Hageby');
    const key = { 'idempotency-key': 'dubbelklick' };
    const [one, two] = await Promise.all([c.post(`/api/applications/${draft.id}/submit`, {}, key), c.post(`/api/applications/${draft.id}/submit`, {}, key)]);
    const answers = [one, two];
    // Either both get the one answer, or the later is told the first is still running.
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const r of answers) {
      if (r.status === 200) expect(r.body.caseNumber).toBe(answers.find((x) => x.status === 200)?.body.caseNumber);
      else expect(r.body.code).toBe('idempotency_key_in_progress');
    }
    const entries = await t.db.kysely
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'application.submitted')
      .where('object_id', '=', draft.id)
      .execute();
    expect(entries).toHaveLength(1);
  });

  it('is described on every POST of the API', async () => {
    const spec = (await caseworker.get('/api/openapi.json')).body;
    const posts = Object.entries(spec.paths as Record<string, { post?: { parameters?: { name: string; in: string }[] } }>).filter(([, p]) => p.post);
    expect(posts.length).toBeGreaterThan(20);
    for (const [path, p] of posts) {
      expect(
        p.post?.parameters?.some((x) => x.in === 'header' && x.name === 'idempotency-key'),
        path,
      ).toBe(true);
    }
  });
});

function orgNumber(i: number): string {
  const base = `80255${String(i).padStart(4, '0')}`;
  let sum = 0;
  for (let k = 0; k < 9; k++) {
    let d = Number(base[k]) * (k % 2 ? 1 : 2);
    if (d > 9) d -= 9;
    sum += d;
  }
  const digits = `${base}${(10 - (sum % 10)) % 10}`;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}
