// Follow-up reports in the browser, as the people who write and read them would: a member of the
// association writes the interim report on a phone (a row that deviates from the plan needs its
// explanation, a row that does not add up and an absurd count are refused on their fields), fixes it and
// submits it; the caseworker asks for more and the member answers; the caseworker approves the report,
// and the instalment that waited for it becomes due on finance's payments page. The grant, its
// agreement and the first payment are made through the API, as the people before them would have.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextBankDay } from '../../src/domain/bank-days.ts';
import { dateInStockholm } from '../../src/domain/deadlines.ts';
import { formatKronor, kronor, type Ore, ore } from '../../src/domain/money.ts';
import { type Org, type World, world } from '../support/agreements.ts';
import { MINIMAL_PDF, startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, scriptErrors, settledAndAccessible, signIn } from '../support/browser.ts';
import { allOk, asking, decision, publishedCall, receivedApplication } from '../support/fixtures.ts';

let server: TestApp & { url: string };
let browser: Browser;
let w: World;

/** The phones of the brief: an ordinary one, and the narrowest the service is made for. */
const PHONE_390 = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const PHONE_320 = { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const CASEWORKER = { email: 'handlaggare@norrkoping.example', name: 'Hanna Handläggare' };
const FINANCE = { email: 'ekonomi@norrkoping.example', name: 'Erik Ekonom' };
const MEMBER_NAME = 'Łukasz Żółć';

const today = () => dateInStockholm(new Date());
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** As the pages write them: "60 000 kr". */
const kr = (amount: number) => formatKronor(ore(amount), 'sv');
/** Amounts and dates are formatted with no-break spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/gu, ' ').trim();

function ok<T extends { status: number; body: unknown }>(reply: T, status = 200): T {
  if (reply.status !== status) throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
}

const BUDGET = [
  { label: 'Lokalhyra i Hagebyhallen', amount: kronor(40_000) },
  { label: 'Ledararvoden', amount: kronor(60_000) },
  { label: 'Fika och frukt 🍎', amount: kronor(20_000) },
];
const GRANT = kronor(120_000);

/**
 * A grant to `org` on a call of its own with a budget of three rows, its agreement signed by both
 * parties with half paid on signing and half after an approved interim report, and the first half paid.
 */
async function reportingAgreement(org: Org) {
  const call = await publishedCall(server.db, w.template, { title: `Trygga kvällar i Hageby – Çağla & Łódź 🌙 ${crypto.randomUUID().slice(0, 4)}` });
  const application = await receivedApplication(server.db, w.template, call.id, {
    organisation: { id: org.id, name: org.name },
    caseNumber: `SN 2098/${crypto.randomUUID().slice(0, 8)}`,
    content: { ...asking(GRANT, 'Kvällsöppet i Hageby för unga – مساء آمن'), budget: BUDGET },
  });
  ok(await w.caseworker.post(`/api/applications/${application.id}/screening`, allOk()), 201);
  ok(await w.caseworker.post(`/api/applications/${application.id}/decisions`, decision(GRANT)), 201);
  const agreement = await w.signed(org, application.id, {
    kind: 'instalments',
    parts: [
      { percent: 50, condition: 'on_signing', date: null },
      { percent: 50, condition: 'after_interim_report', date: null },
    ],
  });
  const first = agreement.instalments[0];
  expect(first).toMatchObject({ status: 'due', amount: kronor(60_000) });
  const run = ok(await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextBankDay(today()), instalmentIds: [first.id] }), 201);
  ok(await w.attest.post(`/api/payment-runs/${run.body.id}/approve`));
  ok(await w.finance.post(`/api/payment-runs/${run.body.id}/confirm`, { paidOn: today() }));
  const reports = ok(await w.caseworker.get(`/api/agreements/${agreement.id}/reports`)).body.reports as { id: string; kind: string; status: string }[];
  const interim = reports.find((r) => r.kind === 'interim');
  expect(interim, JSON.stringify(reports)).toBeTruthy();
  return { agreement: agreement as { id: string; number: string }, interimId: (interim as { id: string }).id };
}

/** The words tied to a field (its hint and error), as a screen reader reads them after its label. */
async function describedText(page: Page, field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`#${id}`).textContent()));
  return plain(texts.join(' '));
}

/** Waits until the field is marked invalid with an error that says `words`. */
async function refusedOnField(page: Page, field: Locator, words: string | RegExp) {
  await expect
    .poll(async () => (await field.getAttribute('aria-invalid')) === 'true' && (await describedText(page, field)), { timeout: 10_000 })
    .toMatch(words);
}

/** The page scrolls no sideways at its viewport's width. */
async function fitsTheScreen(page: Page, label: string) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `${label} scrolls sideways at ${widths.client} px`).toBeLessThanOrEqual(widths.client);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  w = await world(server);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a follow-up report from the association’s phone to the released instalment', () => {
  it('is written on a phone with its problems on their fields, completed on request, and approved so that the waiting instalment becomes due', {
    timeout: 600_000,
  }, async () => {
    const org = await w.organisation(`Föreningen Gemenskap i Łódź – جمعية الأمل 🌟 ${crypto.randomUUID().slice(0, 4)}`);
    const { agreement, interimId } = await reportingAgreement(org);

    // Łukasz, a member, on his phone: the association's page shows the report to write.
    const phone = await openPage(browser, server.url, PHONE_390);
    const phoneErrors = scriptErrors(phone.page);
    const page = phone.page;
    await signIn(page, org.memberEmail, MEMBER_NAME);
    await page.goto(`/organisations/${org.id}/payments`);
    await settledAndAccessible(page, 'Avtal och utbetalningar');
    const reports = page.getByRole('region', { name: 'Uppföljning' });
    const card = reports.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Delrapport, överenskommelse ${agreement.number}` }) });
    await card.getByText('Inte inlämnad').waitFor();
    await card.getByRole('link', { name: /^Skriv rapporten\W+Delrapport$/ }).click();
    await page.waitForURL(`**/reports/${interimId}`);
    await settledAndAccessible(page, `Delrapport för ${agreement.number}`);
    await page.getByText('Vi frågar bara efter antal, aldrig efter namn eller personnummer.', { exact: false }).waitFor();

    // Spending against the plan: the hall cost more than planned, so its explanation becomes required.
    const hall = page.getByRole('group', { name: 'Lokalhyra i Hagebyhallen' });
    expect(plain(await hall.textContent())).toContain(plain(`Planerat: ${kr(kronor(40_000))}`));
    expect(await hall.getByLabel('Förklaring (frivilligt)').count()).toBe(1);
    await hall.getByLabel('Använt på raden').fill('55 000');
    await hall.getByLabel('Varav från bidraget').fill('30 000');
    await hall.getByText('Avviker 38 % från planen, mer än 10 %: förklaringen behövs.').waitFor();
    expect(await hall.getByLabel('Förklaring (frivilligt)').count()).toBe(0);
    const explanation = hall.getByLabel('Förklaring', { exact: true });
    expect(await describedText(page, explanation)).toContain('Vad blev annorlunda än planerat, och varför?');

    // Fees: more from the grant than was spent on the row does not add up, said on the row.
    const fees = page.getByRole('group', { name: 'Ledararvoden' });
    await fees.getByLabel('Använt på raden').fill('58 000');
    const feesFromGrant = fees.getByLabel('Varav från bidraget');
    await feesFromGrant.fill('62 000');
    await refusedOnField(page, feesFromGrant, /Raden går inte ihop/);
    await fees.getByText('Hittills 3 % under planen: det behöver inte förklaras i en delrapport, eftersom perioden inte är slut.').waitFor();

    const fika = page.getByRole('group', { name: 'Fika och frukt 🍎' });
    // Less than planned so far is what half-time looks like: an interim report need not explain it.
    await fika.getByLabel('Använt på raden').fill('12 000');
    await fika.getByLabel('Varav från bidraget').fill('5 000');
    await fika.getByText('Hittills 40 % under planen: det behöver inte förklaras i en delrapport, eftersom perioden inte är slut.').waitFor();
    expect(await fika.getByLabel('Förklaring (frivilligt)').count()).toBe(1);

    // An activity from the catalogue.
    await page.getByRole('button', { name: 'Lägg till en aktivitet' }).click();
    const activity = page.getByRole('group', { name: 'Aktivitet 1' });
    await activity.getByLabel('Sorts aktivitet').selectOption({ label: 'Nattvandring' });
    await activity.getByLabel('Område').fill('Hageby');
    await activity.getByLabel('Från och med').fill('2027-01-08');
    await activity.getByLabel('Till och med').fill('2027-06-25');
    await activity.getByLabel('Hur ofta (frivilligt)').fill('Fredagar och lördagar');
    await activity.getByLabel('Antal tillfällen').fill('48');

    // Participants counted, never named: an absurd count is refused on its field.
    const young = page.getByRole('group', { name: '13–15 år' });
    const girls = young.getByLabel('Flickor');
    await girls.fill('1000000');
    await refusedOnField(page, girls, /Antalet är orimligt stort/);
    await young.getByLabel('Pojkar').fill('17');
    await page.getByRole('group', { name: '16–18 år' }).getByLabel('Annat').fill('2');

    await page.getByLabel('Vad fungerade bra?').fill('Ungdomarna kom tillbaka varje fredag – tack Çağla! 🙌');
    await page.getByLabel('Vad fungerade inte?').fill('Lördagarna krockade med fotbollen i Łódź-parken.');
    await page.getByLabel('Vad skulle ni göra annorlunda?').fill('Fler vuxna på plats, och information på arabiska: أهلاً وسهلاً.');

    // An attachment, uploaded at once.
    await page.getByLabel('Bifoga en fil (frivilligt)').setInputFiles({ name: 'Kvitton Hagebyhallen.pdf', mimeType: 'application/pdf', buffer: MINIMAL_PDF });
    await page.getByText('Kvitton Hagebyhallen.pdf').first().waitFor();
    // An absurd count cannot be saved as it stands: the page says so, and keeps what was typed in the browser.
    await page.getByText('Något behöver rättas innan det kan sparas.', { exact: false }).waitFor();
    await axe(page, 'report with problems on its fields');
    // The narrowest phone: nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    await fitsTheScreen(page, 'the report form');
    await page.setViewportSize(PHONE_390.viewport);

    // Sending it as it stands: the summary takes focus and names each problem, the field's row first.
    await page.getByRole('button', { name: 'Lämna in rapporten', exact: true }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    const listed = plain(await summary.textContent());
    expect(listed).toContain('Lokalhyra i Hagebyhallen, Förklaring: Förklara varför');
    expect(listed).toContain('Ledararvoden, Varav från bidraget: Raden går inte ihop');
    expect(listed).toContain('13–15 år, Flickor: Antalet är orimligt stort');
    await refusedOnField(page, explanation, /Förklara varför/);
    expect(await page.getByRole('heading', { name: 'Lämna in rapporten?' }).count()).toBe(0);
    await axe(page, 'report refused with its error summary');
    // A summary link takes the person to the field.
    await summary.getByRole('link', { name: /Lokalhyra i Hagebyhallen, Förklaring/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(await explanation.getAttribute('id'));

    // Fixed, and submitted through the step that says what it means.
    await explanation.fill('Hallen höjde hyran i mars, och vi hyrde en extra kväll i veckan under ramadan.');
    await feesFromGrant.fill('25 000');
    await girls.fill('14');
    await expect.poll(async () => girls.getAttribute('aria-invalid')).toBeNull();
    await page.getByText(/^Sparat kl\./).waitFor();
    // A check that finds nothing wrong says so, to a screen reader too.
    await page.getByRole('button', { name: 'Kontrollera rapporten' }).click();
    await page.getByRole('status').filter({ hasText: 'Inget saknas i rapporten just nu. Ni kan lämna in den.' }).waitFor();
    await page.getByRole('button', { name: 'Lämna in rapporten', exact: true }).click();
    await page.getByRole('heading', { name: 'Lämna in rapporten?' }).waitFor();
    await axe(page, 'confirm submitting the report');
    await page.getByRole('button', { name: 'Ja, lämna in rapporten', exact: true }).click();
    await page.getByText('Rapporten är inlämnad. Handläggaren går igenom den', { exact: false }).waitFor();
    await page.getByText('Inlämnad, väntar på granskning').first().waitFor();
    expect(await page.getByRole('button', { name: 'Lämna in rapporten', exact: true }).count()).toBe(0);
    await axe(page, 'report submitted, read-only');
    await page.setViewportSize({ width: 320, height: 640 });
    await fitsTheScreen(page, 'the submitted report');
    await page.setViewportSize(PHONE_390.viewport);

    // What was sent is what the server has: öre, counts, the attachment.
    const sent = ok(await org.member.get(`/api/reports/${interimId}`)).body;
    expect(sent.status).toBe('submitted');
    expect(sent.content.spending.map((r: { spent: Ore; fromGrant: Ore }) => [r.spent, r.fromGrant])).toEqual([
      [kronor(55_000), kronor(30_000)],
      [kronor(58_000), kronor(25_000)],
      [kronor(12_000), kronor(5_000)],
    ]);
    expect(sent.content.participants['13_15']).toEqual({ girls: 14, boys: 17 });
    expect(sent.content.activities[0]).toMatchObject({ typeKey: 'night_walks', area: 'Hageby', occasions: 48 });
    expect(sent.content.attachments.map((a: { name: string }) => a.name)).toEqual(['Kvitton Hagebyhallen.pdf']);

    // The caseworker finds it on the agreement and asks for more.
    const desk = await openPage(browser, server.url);
    const deskErrors = scriptErrors(desk.page);
    const staff = desk.page;
    await signIn(staff, CASEWORKER.email, CASEWORKER.name);
    await staff.goto(`/agreements/${agreement.id}`);
    await settledAndAccessible(staff, new RegExp(agreement.number));
    const followUp = staff.getByRole('region', { name: 'Uppföljning' });
    await followUp.getByRole('link', { name: 'Delrapport' }).click();
    await settledAndAccessible(staff, `Delrapport för ${agreement.number}`);
    await staff.getByText('Rapporten är inlämnad och väntar på att du godkänner den eller begär komplettering.').waitFor();
    const spending = staff.getByRole('table', { name: /Använt per budgetrad/ });
    const hallRow = spending.getByRole('row').filter({ hasText: 'Lokalhyra i Hagebyhallen' });
    expect(plain(await hallRow.textContent())).toContain('Hallen höjde hyran i mars');
    await hallRow.getByText('Avviker').waitFor();
    const approve = staff.getByRole('region', { name: 'Godkänn rapporten' });
    expect(plain(await approve.textContent())).toContain(plain(`När rapporten godkänns blir delbetalning 2 på ${kr(kronor(60_000))} att betala.`));
    const ask = staff.getByRole('region', { name: 'Begär komplettering' });
    const question = 'Bifoga gärna hyresavtalet med Hagebyhallen, tack! 🧾';
    await ask.getByLabel('Vad behöver kompletteras?').fill(question);
    await ask.getByLabel('Svara senast').fill(addDays(today(), 14));
    await ask.getByRole('button', { name: 'Skicka begäran' }).click();
    // The form that asked closes, and says what it did.
    await staff.getByText(`${org.name} har fått en begäran om komplettering.`).waitFor();
    expect(await ask.count()).toBe(0);
    await staff.getByText('Komplettering begärd').first().waitFor();
    await axe(staff, 'completion asked for');

    // Łukasz answers on his phone, after a last change to the report.
    await page.reload();
    await settledAndAccessible(page, `Delrapport för ${agreement.number}`);
    await page.getByText('Handläggaren har bett om en komplettering', { exact: false }).waitFor();
    await page.getByLabel('Vad skulle ni göra annorlunda?').fill('Fler vuxna på plats, information på arabiska (أهلاً وسهلاً) och ett hyresavtal för hela året.');
    const round = page.locator('.completion-round').filter({ hasText: question });
    await round.getByText('Väntar på svar').waitFor();
    await axe(page, 'report with a completion round to answer');
    await round.getByLabel('Ditt svar').fill('Hyresavtalet bifogas – شكراً! 🌙');
    await round.getByLabel('Handlingar (frivilligt)').setInputFiles({ name: 'Hyresavtal Hagebyhallen.pdf', mimeType: 'application/pdf', buffer: MINIMAL_PDF });
    await round.getByText('Hyresavtal Hagebyhallen.pdf').waitFor();
    await round.getByRole('button', { name: 'Skicka kompletteringen' }).click();
    await page.locator('.completion-round').filter({ hasText: question }).getByText('Besvarad').waitFor();
    await axe(page, 'completion answered');
    const answered = ok(await org.member.get(`/api/reports/${interimId}`)).body;
    expect(answered.status).toBe('submitted');
    expect(answered.content.wouldChange).toContain('hyresavtal för hela året');

    // The caseworker reads the answer and approves the report.
    await staff.reload();
    await settledAndAccessible(staff, `Delrapport för ${agreement.number}`);
    await staff.locator('.completion-round').filter({ hasText: question }).getByText('Hyresavtalet bifogas – شكراً! 🌙').waitFor();
    await staff.getByRole('button', { name: 'Godkänn rapporten …' }).click();
    await staff.getByRole('heading', { name: 'Godkänna rapporten?' }).waitFor();
    await axe(staff, 'confirm approving the report');
    await staff.getByRole('button', { name: 'Ja, godkänn rapporten', exact: true }).click();
    await staff.getByText('Rapporten är godkänd.').waitFor();
    await staff.getByText('Godkänd', { exact: true }).first().waitFor();
    expect(await staff.getByRole('button', { name: 'Godkänn rapporten …' }).count()).toBe(0);
    await axe(staff, 'report approved');

    // The instalment that waited is due: on the agreement's schedule and on finance's payments page.
    await staff.goto(`/agreements/${agreement.id}`);
    await settledAndAccessible(staff, new RegExp(agreement.number));
    const schedule = staff.getByRole('table', { name: `Delbetalningar enligt överenskommelse ${agreement.number}` });
    const second = plain(
      await schedule
        .getByRole('row')
        .filter({ has: staff.getByRole('rowheader', { name: 'Del 2' }) })
        .textContent(),
    );
    expect(second).toContain(plain(kr(kronor(60_000))));
    expect(second).toContain('Ska betalas');
    await followUp.getByText('Godkänd').waitFor();
    const money = await openPage(browser, server.url);
    const moneyErrors = scriptErrors(money.page);
    await signIn(money.page, FINANCE.email, FINANCE.name);
    await money.page.goto(`/funders/${w.sn}/payments`);
    await settledAndAccessible(money.page, 'Utbetalningar');
    const due = money.page
      .getByRole('table', { name: 'Delbetalningar att betala' })
      .getByRole('row')
      .filter({ has: money.page.getByRole('link', { name: agreement.number }) });
    await due.first().waitFor();
    expect(plain(await due.first().textContent())).toContain(plain(kr(kronor(60_000))));
    expect(plain(await due.first().textContent())).toContain('Klar att betala');
    const instalments = ok(await w.caseworker.get(`/api/agreements/${agreement.id}`)).body.instalments as {
      number: number;
      status: string;
      dueOn: string | null;
    }[];
    expect(instalments.find((i) => i.number === 2)).toMatchObject({ status: 'due' });

    // The association sees its report approved.
    await page.goto(`/organisations/${org.id}/payments`);
    await settledAndAccessible(page, 'Avtal och utbetalningar');
    await reports
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: `Delrapport, överenskommelse ${agreement.number}` }) })
      .getByText('Godkänd')
      .waitFor();

    expect([...phoneErrors, ...deskErrors, ...moneyErrors]).toEqual([]);
    await Promise.all([phone.context.close(), desk.context.close(), money.context.close()]);
  });

  it('fits a 320 px phone, says plainly that it is overdue, and refuses a negative count in both languages', { timeout: 120_000 }, async () => {
    const org = await w.organisation(`Ungdomens röst i Navestad 🎤 ${crypto.randomUUID().slice(0, 4)}`);
    const { agreement, interimId } = await reportingAgreement(org);
    // Its due date has passed (as if the months had gone by): the report is overdue, and says so plainly.
    const yesterday = addDays(today(), -1);
    await server.db.kysely.updateTable('follow_up_reports').set({ due_on: yesterday, planned_due_on: yesterday }).where('id', '=', interimId).execute();
    const { context, page } = await openPage(browser, server.url, PHONE_320);
    const errors = scriptErrors(page);
    await signIn(page, org.signatoryEmail, org.signatoryName);
    await page.goto(`/organisations/${org.id}/payments`);
    await settledAndAccessible(page, 'Avtal och utbetalningar');
    const reports = page.getByRole('region', { name: 'Uppföljning' });
    await reports.getByText('1 rapport är försenad.', { exact: false }).waitFor();
    const card = reports.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Delrapport, överenskommelse ${agreement.number}` }) });
    await card.getByText('Försenad', { exact: true }).waitFor();
    await fitsTheScreen(page, 'the association’s page at 320 px');
    await card.getByRole('link', { name: /^Skriv rapporten\W+Delrapport$/ }).click();
    await settledAndAccessible(page, `Delrapport för ${agreement.number}`);
    await page.getByText('Rapporten är försenad.').waitFor();
    await fitsTheScreen(page, 'the report form at 320 px');
    const group = page.getByRole('group', { name: 'Under 13 år' });
    await group.getByLabel('Pojkar').fill('-3');
    await refusedOnField(page, group.getByLabel('Pojkar'), /Antalet kan inte vara negativt/);
    await fitsTheScreen(page, 'the report form with an error at 320 px');
    await axe(page, 'report form at 320 px');
    // In English, the same field says the same in English.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await settledAndAccessible(page, `Interim report on ${agreement.number}`);
    const boys = page.getByRole('group', { name: 'Under 13' }).getByLabel('Boys');
    await refusedOnField(page, boys, /The number cannot be negative/);
    expect(await boys.inputValue()).toBe('-3');
    await fitsTheScreen(page, 'the report form in English at 320 px');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('has its due date moved with a reason, and a recovery started from the final report that is not approved', { timeout: 240_000 }, async () => {
    const org = await w.organisation(`Fältgruppen i Vivalla – فريق الحي ⚽ ${crypto.randomUUID().slice(0, 4)}`);
    const { agreement } = await reportingAgreement(org);
    const reports = ok(await w.caseworker.get(`/api/agreements/${agreement.id}/reports`)).body.reports as { id: string; kind: string; dueOn: string }[];
    const final = reports.find((r) => r.kind === 'final') as { id: string; dueOn: string };
    const { context, page } = await openPage(browser, server.url);
    const errors = scriptErrors(page);
    await signIn(page, CASEWORKER.email, CASEWORKER.name);
    await page.goto(`/reports/${final.id}`);
    await settledAndAccessible(page, `Slutrapport för ${agreement.number}`);
    await page.getByText(`${org.name} har inte lämnat in rapporten än.`, { exact: false }).waitFor();

    // Moving the due date asks why: the reason is required, and the association sees it.
    const due = page.getByRole('region', { name: 'Flytta sista dag' });
    await due.getByRole('button', { name: 'Flytta sista dag' }).click();
    const later = addDays(final.dueOn, 30);
    await due.getByLabel('Ny sista dag').fill(later);
    await due.getByRole('button', { name: 'Flytta datumet' }).click();
    await refusedOnField(page, due.getByLabel('Varför flyttas datumet?'), /Fyll i/);
    await axe(page, 'moving the due date without a reason');
    const reason = 'Föreningens kassör Zeynep är föräldraledig – ny kassör väljs i maj.';
    await due.getByLabel('Varför flyttas datumet?').fill(reason);
    await due.getByRole('button', { name: 'Flytta datumet' }).click();
    const formatted = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const word = (d: string) => formatted.format(new Date(`${d}T12:00:00Z`));
    await page.getByText(`Rapporten ska nu lämnas senast ${word(later)}.`).waitFor();
    const dueFact = plain(await page.locator('dt', { hasText: 'Lämnas senast' }).first().locator('xpath=following-sibling::dd[1]').textContent());
    expect(dueFact).toBe(plain(`${word(later)} (flyttat från ${word(final.dueOn)}: ${reason})`));
    await axe(page, 'due date moved');
    const member = ok(await org.member.get(`/api/reports/${final.id}`)).body;
    expect(member).toMatchObject({ dueOn: later, plannedDueOn: final.dueOn, dueMovedReason: reason });

    // From the final report, not approved: the agreement's recovery form, with the report as its grounds.
    await page.getByRole('link', { name: 'Besluta om återkrav utifrån rapporten' }).click();
    await settledAndAccessible(page, new RegExp(agreement.number));
    const recovery = page.getByRole('region', { name: 'Återkrav' });
    await recovery.getByText('Återkravet grundas på slutrapporten, som inte är godkänd.').waitFor();
    expect(await recovery.getByRole('radio', { name: 'Medlen har inte redovisats' }).isChecked()).toBe(true);
    await recovery.getByLabel('Belopp att betala tillbaka').fill('60 000');
    await recovery.getByLabel('Skäl').fill('Slutrapporten har inte kommit in trots påminnelser.');
    await recovery.getByLabel('Betalas senast').fill(addDays(today(), 30));
    await recovery.getByRole('button', { name: 'Besluta om återkrav', exact: true }).click();
    await recovery.getByRole('heading', { name: 'Besluta om återkravet?' }).waitFor();
    await axe(page, 'recovery from the report, asked once more');
    await recovery.getByRole('button', { name: 'Ja, besluta och skicka brevet' }).click();
    await recovery.getByText('Återkravet är beslutat och brevet skickat.').waitFor();
    await axe(page, 'recovery decided');

    // The report names the recovery started from it.
    await recovery
      .getByRole('link', { name: 'Till rapporten' })
      .or(page.getByRole('link', { name: 'Slutrapport' }))
      .first()
      .click();
    await settledAndAccessible(page, `Slutrapport för ${agreement.number}`);
    await page.getByText(/Återkrav SN .+ är beslutat utifrån rapporten\./).waitFor();
    expect(await page.getByRole('link', { name: 'Besluta om återkrav utifrån rapporten' }).count()).toBe(0);
    const decided = ok(await w.caseworker.get(`/api/agreements/${agreement.id}`)).body.recoveries as { grounds: string; amount: number }[];
    expect(decided).toEqual([expect.objectContaining({ grounds: 'unreported', amount: kronor(60_000) })]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
