import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let sn: string;
let nattvandrarna: string;
let applicant: Client;
beforeAll(async () => {
  t = await createTestApp();
  sn = (await t.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow()).id;
  nattvandrarna = (await t.db.kysely.selectFrom('organisations').select('id').where('org_number', '=', '802000-1239').executeTakeFirstOrThrow()).id;
  applicant = new Client(t.app);
  await applicant.login('forening@nattvandrarna.example');
});
afterAll(() => t.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** Uploads like a browser form does (multipart/form-data). */
const upload = (c: Client, organisationId: string, name: string, data: Buffer, type = 'application/pdf') => c.upload(organisationId, name, data, type);

describe('documents', () => {
  it('accepts a PDF and an image, judged by content, and refuses a renamed executable and an oversize file', async () => {
    expect((await upload(applicant, nattvandrarna, 'stadgar.pdf', PDF)).status).toBe(201);
    expect((await upload(applicant, nattvandrarna, 'logga.png', PNG, 'image/png')).body.contentType).toBe('image/png');
    const fake = await upload(applicant, nattvandrarna, 'stadgar.pdf', Buffer.from('MZ\x90\x00 this is really a program'));
    expect(fake.status).toBe(415);
    expect(fake.body.errors[0]).toMatchObject({ field: 'file', code: 'file_type_not_allowed' });
    const big = await upload(applicant, nattvandrarna, 'stor.pdf', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1)]));
    expect(big.status).toBe(413);
    expect(big.body.errors[0].code).toBe('file_too_large');
  });

  it('does not let anyone upload for an organisation they do not belong to', async () => {
    const other = new Client(t.app);
    await other.login('ledare@vivalla.example');
    expect((await upload(other, nattvandrarna, 'x.pdf', PDF)).status).toBe(403);
  });
});

describe('eligibility approval (bidragsberättigad förening)', () => {
  it('shows the demo approvals, one approved and one renewal waiting', async () => {
    const res = await applicant.get(`/api/organisations/${nattvandrarna}/eligibility`);
    expect(res.body.approvals[0]).toMatchObject({ status: 'approved', funderName: 'Socialnämnden, Norrköpings kommun', missing: [] });
    const caseworker = new Client(t.app);
    await caseworker.login('handlaggare@norrkoping.example');
    const waiting = await caseworker.get(`/api/funders/${sn}/eligibility?status=submitted`);
    expect(waiting.body.approvals.map((a: { organisationName: string }) => a.organisationName)).toEqual(['Matteus församling Norrköping']);
  });

  it('takes a request with what is at hand, tells what is missing, asks for more, and approves once complete', async () => {
    const vivalla = new Client(t.app);
    await vivalla.login('ledare@vivalla.example');
    const org = (await vivalla.get('/api/session')).body.user.organisations[0].id;
    const statutes = (await upload(vivalla, org, 'stadgar.pdf', PDF)).body.id;
    const year = new Date().getFullYear() + 1;
    const first = await vivalla.post(`/api/organisations/${org}/eligibility`, {
      funderId: sn,
      year,
      statutesFileId: statutes,
      annualReportFileId: null,
      accountsFileId: null,
      board: [{ name: 'Leo Ledare', role: 'ordförande' }],
      memberCount: 25,
      payoutKind: 'bankgiro',
      payoutNumber: '5050 1055',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'submitted', payoutNumber: '5050-1055', missing: ['annual_report', 'accounts', 'board'] });

    const caseworker = new Client(t.app);
    await caseworker.login('handlaggare@norrkoping.example');
    const tooEarly = await caseworker.post(`/api/eligibility/${first.body.id}/decision`, { decision: 'approve' });
    expect(tooEarly.status).toBe(422);
    expect(tooEarly.body.code).toBe('evidence_missing');
    expect(tooEarly.body.errors[0]).toMatchObject({ field: 'decision', code: 'evidence_missing' });
    expect(tooEarly.body.title).toContain('Saknas: senaste årsberättelsen, bokslut, styrelsen (minst två ledamöter).');
    expect(tooEarly.body.messages.en).toContain('Missing: the latest annual report, accounts, the board (at least two members).');
    const noNote = await caseworker.post(`/api/eligibility/${first.body.id}/decision`, { decision: 'request_more' });
    expect(noNote.body.errors[0]).toMatchObject({ field: 'note', code: 'required' });
    const more = await caseworker.post(`/api/eligibility/${first.body.id}/decision`, {
      decision: 'request_more',
      note: 'Skicka senaste årsberättelsen och bokslutet, och styrelsen med minst två ledamöter.',
    });
    expect(more.body.status).toBe('needs_more');
    const mail = await t.db.kysely.selectFrom('outbox').selectAll().where('to_address', '=', 'ledare@vivalla.example').executeTakeFirstOrThrow();
    expect(mail.subject).toContain('behöver kompletteras');
    expect(mail.body_text).toContain('Skicka senaste årsberättelsen');

    const seen = await vivalla.get(`/api/organisations/${org}/eligibility`);
    expect(seen.body.approvals[0]).toMatchObject({ status: 'needs_more', requestNote: expect.stringContaining('årsberättelsen') });

    const report = (await upload(vivalla, org, 'arsberattelse.pdf', PDF)).body.id;
    const accounts = (await upload(vivalla, org, 'bokslut.pdf', PDF)).body.id;
    const second = await vivalla.post(`/api/organisations/${org}/eligibility`, {
      funderId: sn,
      year,
      statutesFileId: statutes,
      annualReportFileId: report,
      accountsFileId: accounts,
      board: [
        { name: 'Leo Ledare', role: 'ordförande' },
        { name: 'Kim Kassör', role: 'kassör' },
      ],
      memberCount: 25,
      payoutKind: 'plusgiro',
      payoutNumber: '41234-6',
    });
    expect(second.body).toMatchObject({ status: 'submitted', missing: [] });
    // The caseworker may now read the documents submitted to them.
    const doc = await caseworker.get(`/api/files/${report}`);
    expect(doc.status).toBe(200);
    expect(doc.headers['content-type']).toBe('application/pdf');
    const approved = await caseworker.post(`/api/eligibility/${first.body.id}/decision`, { decision: 'approve' });
    expect(approved.body).toMatchObject({ status: 'approved', validUntil: `${year}-12-31` });
    const again = await caseworker.post(`/api/eligibility/${first.body.id}/decision`, { decision: 'reject', note: 'x' });
    expect(again.body.code).toBe('already_decided');
  });

  it('refuses a bankgiro number with a wrong check digit, on the field', async () => {
    const res = await applicant.post(`/api/organisations/${nattvandrarna}/eligibility`, {
      funderId: sn,
      year: 2031,
      statutesFileId: null,
      annualReportFileId: null,
      accountsFileId: null,
      board: [],
      memberCount: 10,
      payoutKind: 'bankgiro',
      payoutNumber: '5050-1056',
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'payoutNumber', code: 'bankgiro_invalid' });
    expect(res.body.errors[0].message).toContain('kontrollsiffran är fel');
  });

  it('refuses documents of another organisation in a request', async () => {
    const vivalla = new Client(t.app);
    await vivalla.login('ledare@vivalla.example');
    const theirs = (await upload(vivalla, (await vivalla.get('/api/session')).body.user.organisations[0].id, 'stadgar.pdf', PDF)).body.id;
    const res = await applicant.post(`/api/organisations/${nattvandrarna}/eligibility`, {
      funderId: sn,
      year: 2032,
      statutesFileId: theirs,
      annualReportFileId: null,
      accountsFileId: null,
      board: [],
      memberCount: null,
      payoutKind: null,
      payoutNumber: null,
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'statutesFileId', code: 'file_unknown' });
    expect((await applicant.get(`/api/files/${theirs}`)).status).toBe(404);
  });
});

describe('documents sent to more than one funder', () => {
  it('stay readable by each funder they were sent to, and by no other', async () => {
    const statutes = (await upload(applicant, nattvandrarna, 'stadgar.pdf', PDF)).body.id;
    const ks = (await t.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'KS').executeTakeFirstOrThrow()).id;
    const request = (funderId: string) =>
      applicant.post(`/api/organisations/${nattvandrarna}/eligibility`, {
        funderId,
        year: 2033,
        statutesFileId: statutes,
        annualReportFileId: null,
        accountsFileId: null,
        board: [],
        memberCount: 10,
        payoutKind: null,
        payoutNumber: null,
      });
    expect((await request(sn)).status).toBe(200);
    expect((await request(ks)).status).toBe(200);
    const norrkoping = new Client(t.app);
    await norrkoping.login('handlaggare@norrkoping.example');
    const orebro = new Client(t.app);
    await orebro.login('admin@orebro.example');
    expect((await norrkoping.get(`/api/files/${statutes}`)).status).toBe(200);
    expect((await orebro.get(`/api/files/${statutes}`)).status).toBe(200);
    const delmos = new Client(t.app);
    await delmos.login('admin@delmos.example');
    expect((await delmos.get(`/api/files/${statutes}`)).status).toBe(404);
  });
});

describe('the open activity catalogue', () => {
  it('starts from the base catalogue, takes an applicant’s proposal, and a caseworker adopts it', async () => {
    const anonymous = await new Client(t.app).open();
    const base = await anonymous.get('/api/activity-types');
    expect(base.body.activityTypes.map((a: { key: string }) => a.key)).toEqual(
      expect.arrayContaining(['night_walks', 'homework_help', 'night_football', 'night_dance', 'shopping_help']),
    );
    const proposal = await applicant.post('/api/activity-types/proposals', {
      funderId: sn,
      organisationId: nattvandrarna,
      label: 'Fredagsfika för äldre',
      description: 'Träffpunkt med fika och samtal på fredagar.',
    });
    expect(proposal.status).toBe(201);
    const caseworker = new Client(t.app);
    await caseworker.login('handlaggare@norrkoping.example');
    const list = await caseworker.get(`/api/funders/${sn}/activity-types`);
    expect(list.body.proposals).toEqual([expect.objectContaining({ labelSv: 'Fredagsfika för äldre', proposedBy: 'Nattvandrarna Norrköping' })]);
    const adopted = await caseworker.post(`/api/activity-types/${proposal.body.id}/decision`, { adopt: true, labelEn: 'Friday coffee for older people' });
    expect(adopted.body).toMatchObject({ status: 'active', key: 'fredagsfika_for_aldre', labelEn: 'Friday coffee for older people' });
    const funderCatalogue = await anonymous.get(`/api/activity-types?funderId=${sn}`);
    expect(funderCatalogue.body.activityTypes.map((a: { key: string }) => a.key)).toContain('fredagsfika_for_aldre');
    expect((await anonymous.get('/api/activity-types')).body.activityTypes.map((a: { key: string }) => a.key)).not.toContain('fredagsfika_for_aldre');
    const twice = await caseworker.post(`/api/activity-types/${proposal.body.id}/decision`, { adopt: false, reason: 'x' });
    expect(twice.body.code).toBe('already_decided');
    const blank = await applicant.post('/api/activity-types/proposals', { funderId: sn, organisationId: nattvandrarna, label: '   ' });
    expect(blank.body.errors[0]).toMatchObject({ field: 'label', code: 'required' });
    const nowhere = await applicant.post('/api/activity-types/proposals', {
      funderId: '00000000-0000-4000-8000-000000000000',
      organisationId: nattvandrarna,
      label: 'X',
    });
    expect(nowhere.status).toBe(422);
    expect(nowhere.body.errors[0]).toMatchObject({ field: 'funderId', code: 'invalid_choice' });
  });
});
