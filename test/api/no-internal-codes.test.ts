import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextBankDay } from '../../src/domain/bank-days.ts';
import { addMonths, dateInStockholm } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { PAYMENT_SETTINGS } from '../support/agreements.ts';
import { Client, createTestApp, MINIMAL_PDF, type TestApp } from '../support/app.ts';
import { allOk, decision } from '../support/fixtures.ts';
import { codesIn, internalCodes } from '../support/internal-codes.ts';
import { pdfText } from '../support/pdf.ts';
import { startSmtpServer, type TestSmtp } from '../support/smtp.ts';
import { completeContent, saveAndSubmit } from '../support/submit.ts';

// People read the service's mails and documents; none of them may show a code the service uses inside
// (an activity type's key, an attachment kind, an outcome, a field of the call, the time zone's name).

const APPLICANT = 'forening@nattvandrarna.example';
const VIVALLA = 'ledare@vivalla.example';
const CASEWORKER = 'handlaggare@norrkoping.example';
const ADMIN = 'admin@norrkoping.example';
const CONTACT = 'cagla.overgard@nattvandrarna.example';
const SECOND_MEMBER = 'umit.akesson@nattvandrarna.example';

let smtp: TestSmtp;
let t: TestApp;
let codes: Set<string>;
let sn: string;
const documents: { name: string; text: string }[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ config: { smtpUrl: smtp.url }, jobs: { retryDelaySeconds: 1 } });
  codes = internalCodes((await new Client(t.app).get('/api/openapi.json')).body);
  sn = (await t.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow()).id;
  // One association reads Samverka in English, the other in Swedish, so both languages of each mail go out.
  await t.db.kysely.updateTable('users').set({ locale: 'en' }).where('email', '=', APPLICANT).execute();
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

async function signedIn(email: string, lang: 'sv' | 'en' = 'sv') {
  const client = new Client(t.app);
  client.lang = lang;
  await client.login(email);
  return client;
}

/** A PDF the client fetches, as bytes; its text is kept for the check. */
async function pdf(client: Client, name: string, url: string) {
  const res = await t.app.inject({
    method: 'GET',
    url,
    remoteAddress: client.ip,
    headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  expect(res.statusCode, `${name}: ${res.body.slice(0, 300)}`).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  documents.push({ name, text: (await pdfText(res.rawPayload)).reading.join('\n') });
}

async function upload(client: Client, organisationId: string, name: string) {
  const res = await client.upload(organisationId, name, MINIMAL_PDF);
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function waitFor<T>(fn: () => Promise<T> | T, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('mails and documents', () => {
  // A whole round through every mail and document the service writes (some twenty PDFs read back as
  // text): about 17 s alone on this machine, so it gets more than the default 30 s on a loaded one.
  it('name everything in words through a round: eligibility, amendment, receipt, completion, decision, letters, agreement, account, payment, recovery', {
    timeout: 90_000,
  }, async () => {
    const caseworker = await signedIn(CASEWORKER);
    const applicant = await signedIn(APPLICANT, 'en');
    const vivalla = await signedIn(VIVALLA);
    const admin = await signedIn(ADMIN);

    // An association asks to be eligible; the caseworker asks for more, then approves.
    const vivallaOrg = (await t.db.kysely.selectFrom('organisations').select('id').where('org_number', '=', '802400-9873').executeTakeFirstOrThrow()).id;
    const year = new Date().getFullYear() + 3;
    const asked = await vivalla.post(`/api/organisations/${vivallaOrg}/eligibility`, {
      funderId: sn,
      year,
      statutesFileId: await upload(vivalla, vivallaOrg, 'stadgar.pdf'),
      annualReportFileId: await upload(vivalla, vivallaOrg, 'verksamhetsberattelse.pdf'),
      accountsFileId: await upload(vivalla, vivallaOrg, 'bokslut.pdf'),
      board: [
        { name: 'Çağla Øvergård', role: 'ordförande' },
        { name: 'Łukasz Żółć', role: 'kassör' },
      ],
      memberCount: 25,
      payoutKind: 'bankgiro',
      payoutNumber: '5050-1055',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const more = await caseworker.post(`/api/eligibility/${asked.body.id}/decision`, { decision: 'request_more', note: 'Skicka årsmötesprotokollet.' });
    expect(more.status, JSON.stringify(more.body)).toBe(200);
    expect((await caseworker.post(`/api/eligibility/${asked.body.id}/decision`, { decision: 'approve' })).status).toBe(200);

    // An association starts an application; the call is then amended, which tells it what changed.
    const organisationId = (await t.db.kysely.selectFrom('organisations').select('id').where('org_number', '=', '802000-1239').executeTakeFirstOrThrow()).id;
    const callId = (await t.db.kysely.selectFrom('calls').select('id').where('title', '=', 'Extra föreningsstöd mot utanförskap').executeTakeFirstOrThrow()).id;
    const draft = await applicant.post(`/api/calls/${callId}/applications`, { organisationId });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const call = (await caseworker.get(`/api/public/calls/${callId}`)).body;
    const amended = await caseworker.post(`/api/calls/${callId}/amendments`, {
      rules: {
        ...call.rules,
        maxAmount: call.rules.maxAmount - 1_000_000,
        grantPeriodMonths: call.rules.grantPeriodMonths + 1,
        questions: [...call.rules.questions, { id: 'lease', page: 1, type: 'file', label: 'Hyresavtal för lokalen', required: false }],
      },
      reason: 'Fler föreningar ska kunna få stöd.',
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(200);

    // It submits, with a contact who is not a member (mailed in Swedish), and fetches its receipt in both languages.
    const today = dateInStockholm(new Date());
    const base = await completeContent(applicant, organisationId, {
      title: 'Nattvandring i Navestad',
      description: 'Vuxna vandrar fredag och lördag kväll och samtalar med unga.',
      budget: [{ label: 'Västar och lampor', amount: ore(10_000_000) }],
      partners: [{ orgNumber: '802400-1235', name: 'Föreningen Ümit & Çağla', role: 'Samordning' }],
      contacts: [{ name: 'Çağla Øvergård', email: CONTACT, phone: '' }],
      answers: { lease: await upload(applicant, organisationId, 'hyresavtal.pdf') },
    });
    // An activity type whose code the receipt once showed as it is.
    const content = { ...base, activities: base.activities.map((a) => ({ ...a, typeKey: 'night_walks' })) };
    const submitted = { body: await saveAndSubmit(applicant, draft.body, content) };
    const id = draft.body.id as string;
    await pdf(applicant, 'receipt (sv)', `${submitted.body.receiptUrl}?lang=sv`);
    await pdf(applicant, 'receipt (en)', `${submitted.body.receiptUrl}?lang=en`);

    // The caseworker asks for completion, and the association answers.
    const round = await caseworker.post(`/api/applications/${id}/completion-requests`, { message: 'Skicka hyresavtalet.', replyBy: addMonths(today, 1) });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    const answered = await applicant.post(`/api/completion-requests/${round.body.id}/answer`, { answer: 'Här är avtalet.', files: [] });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);

    // Screened and decided in part: the decision mail with its letter, the letter, the decision basis and the minutes.
    expect((await caseworker.post(`/api/applications/${id}/screening`, allOk())).status).toBe(201);
    const decided = await caseworker.post(`/api/applications/${id}/decisions`, decision(5_000_000));
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    const letterUrl = (await applicant.get(`/api/applications/${id}/decisions`)).body.decisions[0].letterUrl as string;
    await pdf(applicant, 'decision letter (sv)', `${letterUrl}?lang=sv`);
    await pdf(applicant, 'decision letter (en)', `${letterUrl}?lang=en`);
    await pdf(caseworker, 'decision basis (sv)', `/api/calls/${callId}/decision-basis.pdf?lang=sv`);
    await pdf(caseworker, 'decision basis (en)', `/api/calls/${callId}/decision-basis.pdf?lang=en`);
    await pdf(caseworker, 'minutes (sv)', `/api/calls/${callId}/minutes.pdf?decidedOn=${today}&lang=sv`);
    await pdf(caseworker, 'minutes (en)', `/api/calls/${callId}/minutes.pdf?decidedOn=${today}&lang=en`);

    // The agreement on the grant: drafted, commented on both ways, signed by both parties and amended; the
    // association's account changed (once refused, once approved); the first instalment paid; part reclaimed.
    const [finance, attest, delegate] = await Promise.all(
      ['ekonomi@norrkoping.example', 'attest@norrkoping.example', 'namnd@norrkoping.example'].map((e) => signedIn(e)),
    );
    // A second member who reads Swedish, so each mail to the association goes out in both languages.
    const hash = (await t.db.kysely.selectFrom('users').select('password_hash').where('email', '=', APPLICANT).executeTakeFirstOrThrow()).password_hash;
    const second = await t.db.kysely
      .insertInto('users')
      .values({ email: SECOND_MEMBER, name: 'Ümit Åkesson', password_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.kysely.insertInto('organisation_memberships').values({ organisation_id: organisationId, user_id: second.id }).execute();
    const settings = await finance.put(`/api/funders/${sn}/payment-settings`, PAYMENT_SETTINGS);
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    const drafted = await caseworker.post(`/api/applications/${id}/agreement`);
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    const saved = await caseworker.put(`/api/agreements/${drafted.body.id}`, {
      version: drafted.body.version,
      kind: drafted.body.kind,
      content: {
        ...drafted.body.content,
        responsibilities: [
          ...drafted.body.content.responsibilities,
          { task: 'Trygghetsvandring med Föreningen Çağla & Łódź 🌙', roles: { organisation: 'responsible', police: 'takes_part', school: 'informed' } },
        ],
      },
      schedule: {
        kind: 'instalments',
        parts: [
          { percent: 50, condition: 'on_signing', date: null },
          { percent: 50, condition: 'after_interim_report', date: null },
        ],
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const agreementId = saved.body.id as string;
    await pdf(caseworker, 'agreement draft (sv)', `/api/agreements/${agreementId}/document.pdf?lang=sv`);
    await pdf(applicant, 'agreement draft (en)', `/api/agreements/${agreementId}/document.pdf?lang=en`);
    expect((await applicant.post(`/api/agreements/${agreementId}/comments`, { body: 'Kan Hagebyskolan i Łódź vara med? 🌙' })).status).toBe(201);
    expect((await caseworker.post(`/api/agreements/${agreementId}/comments`, { body: 'Ja, vi lägger till den efter undertecknandet.' })).status).toBe(201);
    expect((await applicant.post(`/api/agreements/${agreementId}/sign`, { contentSha256: saved.body.contentSha256 })).status).toBe(200);
    const signed = await delegate.post(`/api/agreements/${agreementId}/sign`, { contentSha256: saved.body.contentSha256 });
    expect(signed.body.status, JSON.stringify(signed.body)).toBe('signed');
    await pdf(applicant, 'agreement signed (sv)', `/api/agreements/${agreementId}/document.pdf?lang=sv`);
    await pdf(applicant, 'agreement signed (en)', `/api/agreements/${agreementId}/document.pdf?lang=en`);
    const amendedAgreement = await caseworker.post(`/api/agreements/${agreementId}/amendments`, {
      version: signed.body.version,
      reason: 'Hagebyskolan deltar i vandringarna.',
      content: { ...signed.body.content, parties: [...signed.body.content.parties, { key: 'partner_hageby', label: 'Hagebyskolan' }] },
    });
    expect(amendedAgreement.status, JSON.stringify(amendedAgreement.body)).toBe(201);
    await pdf(caseworker, 'agreement amended (sv)', `/api/agreements/${agreementId}/document.pdf?lang=sv`);
    await pdf(caseworker, 'agreement amended (en)', `/api/agreements/${agreementId}/document.pdf?lang=en`);
    const refusedAccount = await applicant.post(`/api/organisations/${organisationId}/payout-accounts`, {
      funderId: sn,
      kind: 'bankgiro',
      number: '7654-3214',
      holderOrgNumber: '802000-1239',
    });
    expect(refusedAccount.status, JSON.stringify(refusedAccount.body)).toBe(201);
    expect(
      (await attest.post(`/api/payout-accounts/${refusedAccount.body.id}/decision`, { decision: 'reject', note: 'Kontot tillhör någon annan.' })).status,
    ).toBe(200);
    const newAccount = await applicant.post(`/api/organisations/${organisationId}/payout-accounts`, {
      funderId: sn,
      kind: 'bankgiro',
      number: '1234-5674',
      holderOrgNumber: '802000-1239',
    });
    expect(newAccount.status, JSON.stringify(newAccount.body)).toBe(201);
    expect((await attest.post(`/api/payout-accounts/${newAccount.body.id}/decision`, { decision: 'approve' })).status).toBe(200);
    const run = await finance.post(`/api/funders/${sn}/payment-runs`, { executionDate: nextBankDay(today), instalmentIds: [signed.body.instalments[0].id] });
    expect(run.status, JSON.stringify(run.body)).toBe(201);
    expect((await attest.post(`/api/payment-runs/${run.body.id}/approve`)).status).toBe(200);
    const recovery = await caseworker.post(`/api/agreements/${agreementId}/recoveries`, {
      amount: 1_000_000,
      grounds: 'unused',
      reasons: 'Vandringen i Łódź ställdes in; 10 000 kr har inte använts.',
      decidedOn: today,
      payBy: addMonths(today, 1),
    });
    expect(recovery.status, JSON.stringify(recovery.body)).toBe(201);
    await pdf(applicant, 'recovery letter', recovery.body.letterUrl);

    // An invitation and a password reset.
    expect((await admin.post(`/api/funders/${sn}/invitations`, { email: 'ny.handlaggare@norrkoping.example', role: 'decision_maker' })).status).toBe(201);
    expect((await new Client(t.app).open().then((c) => c.post('/api/auth/password-reset', { email: APPLICANT }))).status).toBe(202);

    // Every mail written is delivered, then read as its recipient reads it.
    const written = async () =>
      Number(
        (
          await t.db.kysely
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const expected = await written();
    await waitFor(() => smtp.messages.length >= expected, `${expected} mails`);
    const subjects = smtp.messages.map((m) => m.subject ?? '');
    for (const wanted of [
      /bidragsberättigande/,
      /has been changed/,
      /^Receipt/,
      /Komplettering behövs|Please complete/,
      /svarat på en begäran om komplettering/,
      /^Beslut|^Decision/,
      /Inbjudan/,
      /password/,
      /^En kommentar till överenskommelsen/,
      /^A comment on the agreement/,
      /är undertecknad$/,
      /is signed$/,
      /har ändrats$/,
      /has been amended$/,
      /ett nytt konto för utbetalningar har angetts/,
      /a new payout account was entered/,
      /det nya kontot för utbetalningar godkändes inte/,
      /the new payout account was not approved/,
      /det nya kontot för utbetalningar är godkänt/,
      /the new payout account is approved/,
      /^Beslut om återkrav/,
      /^Decision on recovery/,
    ])
      expect(
        subjects.some((s) => wanted.test(s)),
        `a mail matching ${wanted} among ${subjects.join(' | ')}`,
      ).toBe(true);
    // Both languages of the decision mail: the member reads English, the contact Swedish.
    expect(smtp.messages.filter((m) => /^Beslut|^Decision/.test(m.subject ?? '')).map((m) => m.to.join())).toEqual(
      expect.arrayContaining([APPLICANT, CONTACT]),
    );

    const shown = [...smtp.messages.map((m) => ({ name: `mail "${m.subject}" to ${m.to.join(', ')}`, text: `${m.subject}\n${m.text}` })), ...documents].flatMap(
      ({ name, text }) => codesIn(text, codes).map((code) => `${name}: ${code}`),
    );
    expect(shown).toEqual([]);
    // A file question's answer is named by the file's name, not its id.
    const receipt = documents.find((d) => d.name === 'receipt (sv)')?.text ?? '';
    expect(receipt).toContain('Hyresavtal för lokalen: hyresavtal.pdf');
    // The agreement's documents were read whole: the matrix's task and the schedule's condition in words.
    for (const name of ['agreement draft (sv)', 'agreement signed (sv)', 'agreement amended (sv)']) {
      const text = (documents.find((d) => d.name === name)?.text ?? '').replace(/\s+/g, ' ');
      expect(text, name).toContain('Trygghetsvandring med Föreningen Çağla & Łódź');
    }
    expect((documents.find((d) => d.name === 'agreement amended (en)')?.text ?? '').replace(/\s+/g, ' ')).toContain('Hagebyskolan');
    expect((documents.find((d) => d.name === 'recovery letter')?.text ?? '').replace(/\s/g, ' ')).toContain('10 000 kr');
    for (const d of documents) expect(d.text, d.name).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });
});

describe('the check itself', () => {
  it('finds codes as whole words, and not in ordinary words, addresses or links', () => {
    expect(codesIn('What changed: maxAmount, grantPeriodMonths', codes)).toEqual(['maxAmount', 'grantPeriodMonths']);
    expect(codesIn('• Nattvandring (night_walks); stadgar.pdf (annual_report); 11:15 (Europe/Stockholm)', codes)).toEqual([
      'night_walks',
      'annual_report',
      'Europe/Stockholm',
    ]);
    expect(codesIn('Beslut: partially_approved', codes)).toEqual(['partially_approved']);
    expect(codesIn('The amount, the budget and other funding; the deadline is a draft.', codes)).toEqual([]);
    expect(codesIn('Skriv till young_people@example.se eller läs http://127.0.0.1/calls?sort=amount_desc', codes)).toEqual([]);
  });
});
