// Agreements and payments in the browser, as the people who do them would: the association signs its
// agreement on a phone after the caseworker has drafted and edited it, and the funder's delegate signs
// too; finance prepares a payment run that a second person approves, and the payment file names the
// payee; the association changes its bankgiro on a phone and finance approves it, with every member
// mailed. Each journey makes its own grant (Nattvandrarna's, whose demo login is its signatory), so
// they run in any order and never lean on the demo's own agreements.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/db/scope.ts';
import { isBankDay, nextBankDay } from '../../src/domain/bank-days.ts';
import { dateInStockholm } from '../../src/domain/deadlines.ts';
import { formatKronor, kronor, type Ore, ore } from '../../src/domain/money.ts';
import { PAYMENT_SETTINGS } from '../support/agreements.ts';
import { Client, startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, scriptErrors, settledAndAccessible, signIn } from '../support/browser.ts';
import { allOk, asking, decision, demoTemplate, publishedCall, receivedApplication, type Template } from '../support/fixtures.ts';

let server: TestApp & { url: string };
let browser: Browser;
let template: Template;
let sn: string;
let nattvandrarna: { id: string; name: string; orgNumber: string };

/** A phone as the brief's journeys use it: an ordinary-sized one, touch first. */
const PHONE_390 = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const FATIMA = { email: 'forening@nattvandrarna.example', name: 'Fatima Föreningsaktiv' };
const CASEWORKER = { email: 'handlaggare@norrkoping.example', name: 'Hanna Handläggare' };
const DELEGATE = { email: 'namnd@norrkoping.example', name: 'Nils Nämndordförande' };
const FINANCE = { email: 'ekonomi@norrkoping.example', name: 'Erik Ekonom' };
const ATTEST = { email: 'attest@norrkoping.example', name: 'Frida Attestant' };

const today = () => dateInStockholm(new Date());
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** As the pages write them: "90 000 kr", "7 december 2026". */
const kr = (amount: number) => formatKronor(ore(amount), 'sv');
const formatDate = (d: string) =>
  new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));
/** Amounts and dates are formatted with no-break spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/gu, ' ').trim();

function ok<T extends { status: number; body: unknown }>(reply: T, status = 200): T {
  if (reply.status !== status) throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
}

async function signedIn(email: string) {
  const client = new Client(server.app);
  await client.login(email);
  return client;
}

/** A granted application of Nattvandrarna's of its own, decided by the committee today. */
async function grantedApplication(title: string, amount: Ore) {
  const caseworker = await signedIn(CASEWORKER.email);
  // A call of its own: an organisation applies once per call.
  const call = await publishedCall(server.db, template, { title: `Trygga kvällar i Hageby – Çağla & Łódź 🌙 ${crypto.randomUUID().slice(0, 4)}` });
  const received = await receivedApplication(server.db, template, call.id, {
    organisation: { id: nattvandrarna.id, name: nattvandrarna.name },
    caseNumber: `SN 2099/${crypto.randomUUID().slice(0, 8)}`,
    content: asking(amount, title),
  });
  ok(await caseworker.post(`/api/applications/${received.id}/screening`, allOk()), 201);
  ok(await caseworker.post(`/api/applications/${received.id}/decisions`, decision(amount)), 201);
  return received.id;
}

/** A grant whose agreement both parties have signed through the API, paid in full on signing: one instalment due. */
async function signedAgreement(title: string, amount: Ore) {
  const applicationId = await grantedApplication(title, amount);
  const [caseworker, fatima, delegate] = await Promise.all([signedIn(CASEWORKER.email), signedIn(FATIMA.email), signedIn(DELEGATE.email)]);
  const drafted = ok(await caseworker.post(`/api/applications/${applicationId}/agreement`), 201).body;
  const saved = ok(
    await caseworker.put(`/api/agreements/${drafted.id}`, {
      version: drafted.version,
      kind: drafted.kind,
      content: drafted.content,
      schedule: { kind: 'on_signing' },
    }),
  ).body;
  ok(await fatima.post(`/api/agreements/${drafted.id}/sign`, { contentSha256: saved.contentSha256 }));
  const signed = ok(await delegate.post(`/api/agreements/${drafted.id}/sign`, { contentSha256: saved.contentSha256 })).body;
  expect(signed.status).toBe('signed');
  return signed as { id: string; number: string; instalments: { id: string; status: string; amount: number; dueOn: string }[] };
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const db = server.db.kysely;
  template = await demoTemplate(server.db);
  sn = template.funderId;
  const org = await db.selectFrom('organisations').select(['id', 'name', 'org_number']).where('org_number', '=', '802000-1239').executeTakeFirstOrThrow();
  nattvandrarna = { id: org.id, name: org.name, orgNumber: org.org_number };
  const finance = await signedIn(FINANCE.email);
  ok(await finance.put(`/api/funders/${sn}/payment-settings`, PAYMENT_SETTINGS));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Clicks the button that asks first, then the confirming one inside the step that asks. */
async function confirmThrough(page: Page, start: string, heading: string | RegExp, confirm: string) {
  await page.getByRole('button', { name: start, exact: true }).click();
  await page.getByRole('heading', { name: heading }).waitFor();
  await axe(page, `confirm step: ${start}`);
  await page.getByRole('button', { name: confirm, exact: true }).click();
}

describe('the association signs its agreement on a phone', () => {
  it('is drafted and edited by the caseworker, signed by the signatory on a phone and the delegate, and then shows the first payment to come', {
    timeout: 180_000,
  }, async () => {
    const title = 'Läxhjälp 🙂 i Hageby med Çağla och Łukasz';
    const applicationId = await grantedApplication(title, kronor(180_000));

    // The caseworker drafts the agreement from the application's page and makes it two instalments.
    const staff = await openPage(browser, server.url);
    const errors = scriptErrors(staff.page);
    await signIn(staff.page, CASEWORKER.email, CASEWORKER.name);
    await staff.page.goto(`/applications/${applicationId}`);
    await settledAndAccessible(staff.page, title);
    const section = staff.page.getByRole('region', { name: 'Överenskommelse' });
    await section.getByText('Ingen överenskommelse är upprättad ännu.').waitFor();
    await section.getByRole('button', { name: 'Upprätta överenskommelse' }).click();
    await staff.page.waitForURL(/\/agreements\/[0-9a-f-]{36}$/);
    const agreementId = (staff.page.url().split('/').at(-1) as string).trim();
    await settledAndAccessible(staff.page, /SN A\d{4}\/\d{5}/);
    const number = (await staff.page.getByRole('heading', { level: 1 }).textContent())?.match(/SN A\d{4}\/\d{5}/)?.[0] as string;
    expect(number).toBeTruthy();
    await staff.page.getByText('Utkast, inte undertecknad').first().waitFor();

    await staff.page.getByRole('button', { name: 'Redigera utkastet' }).click();
    await staff.page.getByRole('group', { name: 'Hur beloppet betalas ut' }).waitFor();
    await staff.page.getByRole('radio', { name: 'Delbetalningar' }).check();
    const parts = staff.page.getByRole('group', { name: /^Delbetalningar/ });
    await parts.getByRole('group', { name: 'Del 2' }).waitFor();
    expect(plain(await parts.getByText(/^Summa:/).textContent())).toBe(`Summa: 100 % – ${plain(kr(kronor(180_000)))} av ${plain(kr(kronor(180_000)))}.`);
    await axe(staff.page, 'agreement editor with two instalments');
    await staff.page.getByRole('button', { name: 'Spara utkastet' }).click();
    await staff.page.getByText('Utkastet är sparat.').waitFor();
    await axe(staff.page, 'agreement saved');
    // What was saved is what the association will read: two instalments of half each.
    const planned = staff.page.getByRole('table', { name: 'Planerade delbetalningar' });
    await planned.waitFor();
    const plannedRows = await planned.locator('tbody tr').allTextContents();
    expect(plannedRows).toHaveLength(2);
    expect(plain(plannedRows[0])).toContain(plain(kr(kronor(90_000))));
    expect(plain(plannedRows[0])).toContain('Vid underskrift');
    expect(plain(plannedRows[1])).toContain('Efter godkänd delrapport');

    // Fatima, on her phone, finds the agreement to sign on the association's payments page.
    const phone = await openPage(browser, server.url, PHONE_390);
    const phoneErrors = scriptErrors(phone.page);
    await signIn(phone.page, FATIMA.email, FATIMA.name);
    await phone.page.goto(`/organisations/${nattvandrarna.id}/payments`);
    await settledAndAccessible(phone.page, 'Avtal och utbetalningar');
    const card = phone.page.getByRole('listitem').filter({ has: phone.page.getByRole('heading', { name: `Överenskommelse ${number}` }) });
    await card.getByText('Utkast – väntar på underskrift').waitFor();
    await card.getByRole('link', { name: new RegExp(`^Läs och underteckna\\W+Överenskommelse ${number}$`) }).click();
    await settledAndAccessible(phone.page, new RegExp(number));
    // She reads what she signs: the activity, and the two payments.
    await phone.page.getByRole('heading', { name: 'Vad överenskommelsen gäller' }).waitFor();
    await phone.page.getByRole('heading', { name: 'Underskrifter' }).scrollIntoViewIfNeeded();
    await confirmThrough(phone.page, 'Skriv under överenskommelsen', 'Skriva under överenskommelsen?', 'Ja, skriv under');
    await phone.page.getByText('Din underskrift är registrerad.').waitFor();
    const signing = phone.page.getByRole('region', { name: 'Underskrifter' });
    await signing.getByText(/Undertecknad av Fatima Föreningsaktiv/).waitFor();
    // Only one party has signed: it is still a draft.
    await phone.page.getByText('Utkast, inte undertecknad').first().waitFor();
    await axe(phone.page, 'signed by the association');

    // The delegate signs for the funder at a desk.
    const delegate = await openPage(browser, server.url);
    const delegateErrors = scriptErrors(delegate.page);
    await signIn(delegate.page, DELEGATE.email, DELEGATE.name);
    await delegate.page.goto(`/agreements/${agreementId}`);
    await settledAndAccessible(delegate.page, new RegExp(number));
    await confirmThrough(delegate.page, 'Skriv under överenskommelsen', 'Skriva under överenskommelsen?', 'Ja, skriv under');
    await delegate.page.getByText('Din underskrift är registrerad.').waitFor();
    await delegate.page.getByText(/Överenskommelsen undertecknades av båda parter/).waitFor();
    await axe(delegate.page, 'signed by both');

    // Back on the association's page: signed, nothing left to sign, and half the grant to come first.
    await phone.page.goto(`/organisations/${nattvandrarna.id}/payments`);
    await settledAndAccessible(phone.page, 'Avtal och utbetalningar');
    const after = phone.page.getByRole('listitem').filter({ has: phone.page.getByRole('heading', { name: `Överenskommelse ${number}` }) });
    await after.getByText('Undertecknat', { exact: true }).waitFor();
    expect(await after.getByRole('link', { name: /Läs och underteckna/ }).count()).toBe(0);
    const signedNow = (await (await signedIn(FATIMA.email)).get(`/api/agreements/${agreementId}`)).body;
    expect(signedNow.status).toBe('signed');
    const first = signedNow.instalments[0];
    expect(first).toMatchObject({ status: 'due', amount: kronor(90_000) });
    const next = plain(await after.locator('dt', { hasText: 'Nästa utbetalning' }).locator('xpath=following-sibling::dd[1]').textContent());
    expect(next).toBe(plain(`${kr(kronor(90_000))}, den ${formatDate(first.dueOn)}`));
    expect(plain(await after.locator('dt', { hasText: 'Återstår att betala ut' }).locator('xpath=following-sibling::dd[1]').textContent())).toBe(
      plain(kr(kronor(180_000))),
    );
    expect([...errors, ...phoneErrors, ...delegateErrors]).toEqual([]);
    await Promise.all([staff.context.close(), phone.context.close(), delegate.context.close()]);
  });
});

describe('a payment run is prepared by finance and approved by a second person', () => {
  it('refuses a weekend date, lands on the run, refuses self-approval, and once approved offers a payment file naming the payee', {
    timeout: 180_000,
  }, async () => {
    const agreement = await signedAgreement('Nattvandring i Navestad – Åsa, Örjan & Zeynep 🚶', kronor(75_000));
    const due = agreement.instalments[0];
    expect(due.status).toBe('due');

    const { context, page } = await openPage(browser, server.url);
    const errors = scriptErrors(page);
    await signIn(page, FINANCE.email, FINANCE.name);
    await page.getByRole('navigation', { name: /./ }).getByRole('link', { name: 'Utbetalningar' }).first().click();
    await settledAndAccessible(page, 'Utbetalningar');
    expect(new URL(page.url()).pathname).toBe(`/funders/${sn}/payments`);
    const table = page.getByRole('table', { name: 'Delbetalningar att betala' });
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: agreement.number }) });
    await row.waitFor();
    expect(plain(await row.textContent())).toContain(plain(kr(kronor(75_000))));
    expect(plain(await row.textContent())).toContain('Klar att betala');

    // Only this agreement's instalment goes in the run.
    const choose = page.getByRole('group', { name: 'Delbetalningar att ta med' });
    for (const box of await choose.getByRole('checkbox').all()) {
      const label = plain(await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''));
      if (label.includes(agreement.number)) await box.check();
      else await box.uncheck();
    }
    // A Saturday first: the field says why, and the run is not prepared.
    let saturday = addDays(today(), 1);
    while (new Date(`${saturday}T12:00:00Z`).getUTCDay() !== 6) saturday = addDays(saturday, 1);
    const dateField = page.getByLabel('Betalningsdag', { exact: true });
    await dateField.fill(saturday);
    await page.getByRole('button', { name: 'Förbered utbetalning', exact: true }).click();
    const fieldError = page.locator(
      `#${await dateField.getAttribute('aria-describedby').then((ids) => (ids ?? '').split(' ').find((id) => /error/.test(id)))}`,
    );
    await fieldError.waitFor();
    expect(plain(await fieldError.textContent())).toMatch(/Välj en bankdag: .* är helg eller helgdag\. Nästa bankdag är/);
    expect(await dateField.getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe(`/funders/${sn}/payments`);
    await axe(page, 'prepare form with a weekend date');

    const executionDate = nextBankDay(today());
    expect(isBankDay(executionDate)).toBe(true);
    await dateField.fill(executionDate);
    await page.getByRole('button', { name: 'Förbered utbetalning', exact: true }).click();
    await page.waitForURL(/\/payment-runs\/[0-9a-f-]{36}$/);
    await settledAndAccessible(page, /^Utbetalningsomgång SN U\d{4}\/\d{5}$/);
    const runUrl = new URL(page.url()).pathname;
    await page.getByText('Förberedd, väntar på attest').first().waitFor();
    await page.getByText('Du förberedde omgången. En annan person måste attestera den (beslutsattest).').waitFor();
    expect(await page.getByRole('button', { name: 'Attestera', exact: true }).count()).toBe(0);
    expect(plain(await page.getByRole('table', { name: 'Betalningarna i omgången' }).textContent())).toContain('Nattvandrarna');

    // Frida, in a browser of her own, approves it.
    const second = await openPage(browser, server.url);
    const secondErrors = scriptErrors(second.page);
    await signIn(second.page, ATTEST.email, ATTEST.name);
    await second.page.goto(runUrl);
    await settledAndAccessible(second.page, /^Utbetalningsomgång SN U\d{4}\/\d{5}$/);
    const runNumber = plain(await second.page.getByRole('heading', { level: 1 }).textContent()).replace('Utbetalningsomgång ', '');
    await second.page.getByRole('button', { name: 'Attestera', exact: true }).click();
    const ask = second.page.getByRole('heading', { name: `Attestera omgång ${runNumber}?` });
    await ask.waitFor();
    await second.page.getByText(plain(`1 betalning, totalt ${kr(kronor(75_000))}, betalas ut ${formatDate(executionDate)}.`)).waitFor();
    await axe(second.page, 'approve step');
    await second.page.getByRole('button', { name: 'Attestera och skicka', exact: true }).click();
    await second.page.getByText(`Omgång ${runNumber} är attesterad. Hämta filerna nedan.`).waitFor();
    await second.page.getByText('Attesterad och skickad').first().waitFor();
    const files = second.page.getByRole('region', { name: 'Filer' });
    const links = files.getByRole('link');
    expect(await links.allTextContents()).toEqual(['Betalningsfil till banken (pain.001)', 'Bokföringsfil (SIE 4I)', 'Betalningarna som CSV']);
    await axe(second.page, 'run approved');

    // The payment file, fetched with Frida's session as her browser would, names the payee and the amount.
    const href = await files.getByRole('link', { name: 'Betalningsfil till banken (pain.001)' }).getAttribute('href');
    const pain = await second.page.request.get(href as string);
    expect(pain.status()).toBe(200);
    const xml = await pain.text();
    expect(xml).toContain('pain.001.001.03');
    expect(xml).toMatch(/<Cdtr>\s*<Nm>Nattvandrarna Norrk/);
    expect(xml).toContain('<InstdAmt Ccy="SEK">75000.00</InstdAmt>');
    expect(xml).toContain(`<ReqdExctnDt>${executionDate}</ReqdExctnDt>`);
    const instalment = (await (await signedIn(FATIMA.email)).get(`/api/agreements/${agreement.id}`)).body.instalments[0];
    expect(instalment.status).toBe('sent');
    expect([...errors, ...secondErrors]).toEqual([]);
    await Promise.all([context.close(), second.context.close()]);
  });
});

describe('a change of bankgiro is approved by a second person', () => {
  it('is entered on a phone, holds payments with the reason, mails every member, and is approved by finance', { timeout: 180_000 }, async () => {
    const db = server.db.kysely;
    // A second member of the association, so that "every member" means more than the one who typed.
    const member = { name: 'Łukasz Çelik', email: `lukasz.celik.${crypto.randomUUID().slice(0, 8)}@nattvandrarna.example` };
    const newcomer = await new Client(server.app).open();
    ok(await newcomer.post('/api/auth/register', { name: member.name, email: member.email, password: 'en lång fras för kvällen' }), 201);
    const user = await db.selectFrom('users').select('id').where('email', '=', member.email).executeTakeFirstOrThrow();
    await db.insertInto('organisation_memberships').values({ organisation_id: nattvandrarna.id, user_id: user.id }).execute();
    const agreement = await signedAgreement('Fritidsgård på fredagar – Ahmad, Åsa och Çağla', kronor(40_000));

    // Fatima on her phone: a wrong check digit first.
    const phone = await openPage(browser, server.url, PHONE_390);
    const phoneErrors = scriptErrors(phone.page);
    const page = phone.page;
    await signIn(page, FATIMA.email, FATIMA.name);
    await page.goto(`/organisations/${nattvandrarna.id}/payments`);
    await settledAndAccessible(page, 'Avtal och utbetalningar');
    const form = page.getByRole('region', { name: 'Ange ett nytt konto' });
    await form.getByRole('radio', { name: 'Bankgiro' }).check();
    const number = form.getByLabel('Bankgironummer');
    await number.fill('5402-8817');
    await form.getByLabel('Kontohavarens organisationsnummer').fill(nattvandrarna.orgNumber);
    await form.getByRole('button', { name: 'Skicka det nya kontot' }).click();
    const wrong = 'Bankgironumret ”5402-8817” stämmer inte (kontrollsiffran är fel).';
    await form.locator('.error-summary').getByText(wrong, { exact: false }).waitFor();
    const described = (await number.getAttribute('aria-describedby')) ?? '';
    const onField = await Promise.all(described.split(' ').map((id) => page.locator(`#${id}`).textContent()));
    expect(onField.map(plain).join(' ')).toContain(wrong);
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    expect(await number.inputValue()).toBe('5402-8817');
    expect(await form.getByRole('heading', { name: 'Vill du byta konto för utbetalning?' }).count()).toBe(0);
    await axe(page, 'new account with a wrong check digit');

    // The right number, through the step that says what happens.
    await number.fill('5402-8816');
    await form.getByRole('button', { name: 'Skicka det nya kontot' }).click();
    await form.getByRole('heading', { name: 'Vill du byta konto för utbetalning?' }).waitFor();
    await form.getByText(`Bankgiro 5402-8816 blir föreningens nya konto hos`, { exact: false }).waitFor();
    await form.getByText(`Alla medlemmar i ${nattvandrarna.name} får e-post om att kontot har ändrats.`).waitFor();
    await axe(page, 'confirm the new account');
    await form.getByRole('button', { name: 'Ja, skicka det nya kontot' }).click();
    await form.getByText(/Bankgiro 5402-8816 är skickat till .* för godkännande\. Alla i föreningen har fått e-post om ändringen\./).waitFor();
    const accounts = page.getByRole('region', { name: 'Konton för utbetalning' });
    await accounts.getByText('Nytt konto: Bankgiro 5402-8816').waitFor();
    await accounts.getByText(/Väntar på godkännande hos .*: inga utbetalningar görs tills dess\./).waitFor();
    await axe(page, 'new account sent');

    // Every member was mailed.
    const members = await db
      .selectFrom('organisation_memberships')
      .innerJoin('users', 'users.id', 'organisation_memberships.user_id')
      .select('users.email')
      .where('organisation_memberships.organisation_id', '=', nattvandrarna.id)
      .execute();
    expect(members.map((m) => m.email)).toEqual(expect.arrayContaining([FATIMA.email, member.email]));
    const mails = await system(server.db, (tx) =>
      tx.selectFrom('outbox').select(['to_address', 'subject', 'body_text']).where('body_text', 'like', '%5402-8816%').execute(),
    );
    for (const m of members) expect(mails.map((x) => x.to_address)).toContain(m.email);

    // Finance sees the change to approve, and this agreement's instalment held with the reason.
    const desk = await openPage(browser, server.url);
    const deskErrors = scriptErrors(desk.page);
    await signIn(desk.page, FINANCE.email, FINANCE.name);
    await desk.page.goto(`/funders/${sn}/payments`);
    await settledAndAccessible(desk.page, 'Utbetalningar');
    const held = desk.page
      .getByRole('table', { name: 'Delbetalningar att betala' })
      .getByRole('row')
      .filter({ has: desk.page.getByRole('link', { name: agreement.number }) });
    expect(plain(await held.textContent())).toContain('Kontobyte väntar på godkännande');
    const changes = desk.page.getByRole('region', { name: 'Kontobyten att godkänna' });
    const change = changes.getByRole('listitem').filter({ hasText: '5402-8816' });
    expect(plain(await change.textContent())).toContain(nattvandrarna.name);
    expect(plain(await change.textContent())).toContain('Fatima Föreningsaktiv');
    await change.getByRole('radio', { name: 'Godkänn kontot' }).check();
    await change.getByRole('button', { name: /Spara beslut/ }).click();
    await changes.getByText(`Kontot för ${nattvandrarna.name} är godkänt.`).waitFor();
    await axe(desk.page, 'account approved');
    await desk.page.reload();
    await settledAndAccessible(desk.page, 'Utbetalningar');
    const ready = desk.page
      .getByRole('table', { name: 'Delbetalningar att betala' })
      .getByRole('row')
      .filter({ has: desk.page.getByRole('link', { name: agreement.number }) });
    expect(plain(await ready.textContent())).toContain('Klar att betala');

    // The association sees its new account approved, and nothing waiting.
    await page.reload();
    await settledAndAccessible(page, 'Avtal och utbetalningar');
    const approved = plain(await accounts.locator('dt', { hasText: 'Godkänt konto' }).locator('xpath=following-sibling::dd[1]').textContent());
    expect(approved).toBe('Bankgiro 5402-8816');
    expect(await accounts.getByText(/Nytt konto:/).count()).toBe(0);
    expect([...phoneErrors, ...deskErrors]).toEqual([]);
    await Promise.all([phone.context.close(), desk.context.close()]);
  });
});
