// More of the applicant's journeys: what was typed offline comes back from the browser's
// local copy, a session that ends mid-form loses nothing, a submitted application is
// withdrawn, a co-applicant reads without edit controls, the caseworker's inbox shows
// more a page at a time, and the form and its check read in English.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, SYSTEM_ACTOR } from '../../src/db/audit.ts';
import { system } from '../../src/db/scope.ts';
import { formatCaseNumber } from '../../src/domain/applications/rules.ts';
import type { ApplicationContent } from '../../src/domain/applications/types.ts';
import { kronor, ore } from '../../src/domain/money.ts';
import { hashToken } from '../../src/server/plugins/session.ts';
import { Client, startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, PHONE, scriptErrors, settledAndAccessible, signIn } from '../support/browser.ts';
import { demoTemplate, publishedCall, receivedApplication } from '../support/fixtures.ts';

let server: TestApp & { url: string };
let browser: Browser;
/** Fatima's draft on the open call, from the demo data. */
let draftId: string;
let sn: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  draftId = (
    await server.db.kysely
      .selectFrom('applications')
      .select('id')
      .where('organisation_name', '=', 'Nattvandrarna Norrköping')
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow()
  ).id;
  sn = (await server.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow()).id;
  await submittedUndecided();
});

const WITHDRAWN_TITLE = 'Kvällsfotboll i Hageby';
const WITHDRAWN_CASE = 'SN 2026/00077';

/** The demo's 2022 applications are decided, and a decided one cannot be withdrawn: one more, received and undecided, on a call of its own. */
async function submittedUndecided() {
  const template = await demoTemplate(server.db);
  const call = await publishedCall(server.db, template, { title: 'Sommarlovsaktiviteter 2026', amount: ore(100_000_000) });
  const app = await receivedApplication(server.db, template, call.id, {
    organisation: { id: template.organisationId, name: 'Nattvandrarna Norrköping' },
    caseNumber: WITHDRAWN_CASE,
    content: { title: WITHDRAWN_TITLE },
  });
  await system(server.db, (tx) =>
    audit(tx, SYSTEM_ACTOR, {
      action: 'application.submitted',
      objectType: 'application',
      objectId: app.id,
      funderId: template.funderId,
      organisationId: template.organisationId,
      data: { caseNumber: WITHDRAWN_CASE },
    }),
  );
}
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const FATIMA = { email: 'forening@nattvandrarna.example', name: 'Fatima Föreningsaktiv' };
const signInAsFatima = (page: Page) => signIn(page, FATIMA.email, FATIMA.name);

const saved = (page: Page) =>
  page
    .locator('.save-status')
    .getByText(/^Sparat kl\. \d\d\.\d\d$/)
    .waitFor();

/** JavaScript errors on a page opened without openPage (a second tab of the same profile). */
function trackErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of (4\d\d)/.test(message.text())) problems.push(`console error: ${message.text()}`);
  });
  return problems;
}

const storedDraft = async () =>
  (await server.db.kysely.selectFrom('applications').select(['title', 'content', 'version']).where('id', '=', draftId).executeTakeFirstOrThrow()) as {
    title: string;
    content: ApplicationContent;
    version: number;
  };

describe('more of the applicant’s journeys', () => {
  it('keeps what was typed while Samverka could not be reached, and offers it back on return', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url, PHONE);
    await signInAsFatima(page);
    await page.goto(`/applications/${draftId}`);
    await settledAndAccessible(page, 'Ansökan');
    const before = await storedDraft();
    expect(await page.getByLabel('Titel').inputValue()).toBe(before.title);

    // The connection drops; the applicant goes on typing and is told it is not saved, but kept.
    await context.setOffline(true);
    const typed = 'Nattfotboll, läxhjälp och föräldraträffar i Navestad';
    await page.getByLabel('Titel').fill(typed);
    await page
      .locator('.save-status')
      .getByText(/^Inte sparat på servern än; det du skrivit finns kvar i webbläsaren\. Samverka gick inte att nå/)
      .waitFor();
    await axe(page, 'draft not saved while offline');
    expect(scriptErrors(page).filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    expect((await storedDraft()).title).toBe(before.title);

    // The tab is closed; later, with the connection back, the applicant returns.
    await page.close();
    // "Later": the save the closing page sent on its way out has met the dropped connection before it returns
    // (three seconds, so that a loaded machine's slow page close has sent it by then).
    await new Promise((done) => setTimeout(done, 3_000));
    await context.setOffline(false);
    const again = await context.newPage();
    const errors = trackErrors(again);
    await again.goto(`/applications/${draftId}`);
    await settledAndAccessible(again, 'Ansökan');
    const offer = again.getByRole('region', { name: 'Det finns osparade ändringar i den här webbläsaren' });
    await offer.waitFor();
    expect(await offer.textContent()).toMatch(/Du skrev något .+ som inte hann sparas\. Den sparade versionen är från .+\./);
    // Until the applicant chooses, the form shows the saved version.
    expect(await again.getByLabel('Titel').inputValue()).toBe(before.title);
    await axe(again, 'local copy offered');

    await offer.getByRole('button', { name: 'Återställ mina ändringar' }).click();
    await saved(again);
    await offer.waitFor({ state: 'detached' });
    expect(await again.getByLabel('Titel').inputValue()).toBe(typed);
    const after = await storedDraft();
    expect(after.title).toBe(typed);
    expect(after.version).toBe(before.version + 1);
    await axe(again, 'local copy restored');

    // Saved now: coming back once more offers nothing.
    await again.reload();
    await settledAndAccessible(again, 'Ansökan');
    expect(await again.getByLabel('Titel').inputValue()).toBe(typed);
    expect(await again.getByRole('region', { name: 'Det finns osparade ändringar i den här webbläsaren' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks the applicant to sign in again when the session ends mid-form, and saves what was typed afterwards', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signInAsFatima(page);
    await page.goto(`/applications/${draftId}`);
    await settledAndAccessible(page, 'Ansökan');
    const description = 'Nattfotboll fredagar 21–01 och läxhjälp tisdagar, med två vuxna ledare varje gång.';
    await page.getByLabel('Vad uppdraget är').fill(description);
    await saved(page);

    // The session runs out on the server (idle too long) while the form is open.
    const token = (await context.cookies()).find((c) => c.name === 'samverka_session')?.value;
    expect(token).toBeTruthy();
    const ended = await server.db.kysely
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('id', '=', hashToken(token as string))
      .executeTakeFirst();
    expect(Number(ended.numUpdatedRows)).toBe(1);

    const refused = page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === `/api/applications/${draftId}`);
    const title = 'Nattfotboll och läxhjälp för unga i Navestad';
    await page.getByLabel('Titel').fill(title);
    const reply = await refused;
    expect(reply.status()).toBe(401);
    expect((await reply.json()).code).toBe('session_expired');
    const notice = page.getByRole('alert').filter({ hasText: 'Du har blivit utloggad.' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(
      'Det du skrivit finns kvar i webbläsaren; logga in igen och välj att återställa dina ändringar, så sparas de.',
    );
    // The page and what was typed stay.
    expect(await page.getByLabel('Titel').inputValue()).toBe(title);
    expect(await page.getByLabel('Vad uppdraget är').inputValue()).toBe(description);
    await axe(page, 'signed out mid-form');
    expect((await storedDraft()).title).not.toBe(title);

    await notice.getByRole('link', { name: 'Logga in igen' }).click();
    await settledAndAccessible(page, 'Logga in');
    await page.getByLabel('E-postadress').fill(FATIMA.email);
    await page.getByLabel('Lösenord').fill('samverka-demo');
    await page.getByRole('button', { name: 'Logga in' }).click();

    // Back on the same step of the form, with what was typed, and it is saved.
    await settledAndAccessible(page, 'Ansökan');
    expect(new URL(page.url()).pathname).toBe(`/applications/${draftId}`);
    await page.getByRole('heading', { level: 2, name: /Uppdraget/ }).waitFor();
    await page
      .getByRole('region', { name: 'Det finns osparade ändringar i den här webbläsaren' })
      .getByRole('button', { name: 'Återställ mina ändringar' })
      .click();
    await saved(page);
    expect(await page.getByLabel('Titel').inputValue()).toBe(title);
    expect(await page.getByLabel('Vad uppdraget är').inputValue()).toBe(description);
    await axe(page, 'signed in again, typed text saved');
    const stored = await storedDraft();
    expect(stored.title).toBe(title);
    expect(stored.content.description).toBe(description);
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('withdraws a submitted application: the status changes and the history says who, when and why', { timeout: 120_000 }, async () => {
    const TITLE = WITHDRAWN_TITLE;
    const reason = 'Vi fick pengar från en stiftelse till samma nattvandringar.';
    const { context, page } = await openPage(browser, server.url, PHONE);
    await signInAsFatima(page);
    await page.getByRole('region', { name: 'Dina organisationer' }).getByRole('link', { name: 'Nattvandrarna Norrköping', exact: true }).click();
    await settledAndAccessible(page, 'Nattvandrarna Norrköping');
    await page.getByRole('region', { name: 'Ansökningar' }).getByRole('link', { name: TITLE }).click();
    const heading = `${TITLE} (${WITHDRAWN_CASE})`;
    await settledAndAccessible(page, heading);
    const facts = page.locator('dl.facts').first();
    expect(await facts.textContent()).toContain('Inkommen');
    const history = page.getByRole('region', { name: 'Historik' });
    await history.locator('.audit-entry').first().waitFor();
    const entriesBefore = await history.locator('.audit-entry').count();

    const withdraw = page.getByRole('region', { name: 'Ta tillbaka ansökan' });
    await withdraw.getByRole('button', { name: 'Ta tillbaka ansökan …' }).click();
    const why = withdraw.getByLabel('Varför tar ni tillbaka ansökan?');
    await expect.poll(() => why.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await withdraw.textContent()).toContain('Vill ni verkligen ta tillbaka ansökan?');
    await axe(page, 'withdrawal asked to confirm');

    // Cancelling changes nothing and puts focus back on the button.
    await withdraw.getByRole('button', { name: 'Avbryt' }).click();
    const start = withdraw.getByRole('button', { name: 'Ta tillbaka ansökan …' });
    await expect.poll(() => start.evaluate((el) => el === document.activeElement)).toBe(true);
    await start.click();
    await why.fill(reason);
    await withdraw.getByRole('button', { name: 'Ja, ta tillbaka ansökan' }).click();

    await facts.getByText('Återtagen', { exact: true }).first().waitFor();
    expect(await facts.textContent()).not.toContain('Inkommen');
    await withdraw.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expect.poll(() => history.locator('.audit-entry').count()).toBe(entriesBefore + 1);
    const latest = history.locator('.audit-entry').first();
    expect(await latest.locator('.audit-what').textContent()).toBe('Ansökan togs tillbaka');
    expect(await latest.textContent()).toContain(`av ${FATIMA.email}`);
    expect(await latest.locator('.audit-reason').textContent()).toBe(`Motivering: ${reason}`);
    expect(await latest.textContent()).toContain(`Diarienummer: ${WITHDRAWN_CASE}`);
    await axe(page, 'application withdrawn');

    const stored = await server.db.kysely
      .selectFrom('applications')
      .select(['status', 'withdraw_reason'])
      .where('case_number', '=', WITHDRAWN_CASE)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'withdrawn', withdraw_reason: reason });

    // The organisation's list says so too.
    await page.getByRole('link', { name: 'Till Nattvandrarna Norrköping' }).click();
    await settledAndAccessible(page, 'Nattvandrarna Norrköping');
    const card = page.getByRole('region', { name: 'Ansökningar' }).locator('.card').filter({ hasText: TITLE });
    await card.getByText('Återtagen', { exact: true }).waitFor();
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('lets a co-applicant read the application without anything to edit', { timeout: 120_000 }, async () => {
    // Leo's association starts an application and names Fatima's as co-applicant.
    const leo = new Client(server.app);
    const leoUser = await leo.login('ledare@vivalla.example');
    const openCall = (
      await server.db.kysely.selectFrom('calls').select('id').where('title', '=', 'Extra föreningsstöd mot utanförskap').executeTakeFirstOrThrow()
    ).id;
    const started = await leo.post(`/api/calls/${openCall}/applications`, { organisationId: leoUser.organisations[0].id });
    expect(started.status).toBe(201);
    const TITLE = 'Fritidsgård på helgkvällar i Vivalla och Navestad';
    const content: ApplicationContent = {
      ...started.body.content,
      title: TITLE,
      description: 'Öppen fritidsgård fredag och lördag kväll, med nattvandrare utanför.',
      amountRequested: kronor(120_000),
      budget: [{ label: 'Ledararvoden', amount: kronor(120_000) }],
      partners: [{ orgNumber: '802000-1239', name: 'Nattvandrarna Norrköping', role: 'Vuxna ute på kvällarna' }],
    };
    const put = await leo.put(`/api/applications/${started.body.id}`, { content, version: started.body.version });
    expect(put.status).toBe(200);

    const { context, page } = await openPage(browser, server.url);
    await signInAsFatima(page);
    await page.getByRole('region', { name: 'Dina organisationer' }).getByRole('link', { name: 'Nattvandrarna Norrköping', exact: true }).click();
    await settledAndAccessible(page, 'Nattvandrarna Norrköping');
    const card = page.getByRole('region', { name: 'Ansökningar' }).locator('.card').filter({ hasText: TITLE });
    expect(await card.textContent()).toContain('Medsökande i ansökan från Vivalla Fritidsförening');
    await card.getByRole('link', { name: TITLE }).click();

    await settledAndAccessible(page, TITLE);
    const main = page.getByRole('main');
    await main.getByText('Er organisation är medsökande i ansökan från Vivalla Fritidsförening. Ni kan läsa den men inte ändra den.').waitFor();
    expect(await main.textContent()).toContain('Öppen fritidsgård fredag och lördag kväll');
    expect(await main.textContent()).toContain('Vuxna ute på kvällarna');
    expect(await page.locator('dl.facts').first().textContent()).toContain('Utkast');
    // A draft is not called submitted.
    expect(await main.getByRole('heading', { level: 2, name: 'Den inskickade ansökan' }).count()).toBe(0);
    await main.getByRole('heading', { level: 2, name: 'Ansökan som den ser ut nu' }).waitFor();
    // Nothing to type in, tick, choose or press: no form, no autosave, no withdrawal.
    for (const role of ['textbox', 'checkbox', 'radio', 'combobox', 'spinbutton', 'button'] as const) {
      expect(await main.getByRole(role).count(), role).toBe(0);
    }
    expect(await page.locator('main form, main input[type=file], .save-status').count()).toBe(0);
    expect(await main.getByRole('link', { name: /Kontrollera/ }).count()).toBe(0);
    // The case history is the applicant's and the funder's, not the co-applicant's.
    expect(await page.getByRole('heading', { name: 'Historik' }).count()).toBe(0);
    await axe(page, 'co-applicant view');

    // The server agrees: a co-applicant's save is refused.
    const fatima = new Client(server.app);
    await fatima.login(FATIMA.email);
    const refused = await fatima.put(`/api/applications/${started.body.id}`, { content: { ...content, title: 'Ändrad' }, version: put.body.version });
    expect(refused.status).toBe(403);
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the caseworker more of the inbox a page at a time, without repeats, keeping keyboard focus in the list', { timeout: 120_000 }, async () => {
    // Thirty more received applications, from thirty associations, several at the same minute.
    const call = (
      await server.db.kysely.selectFrom('calls').select('id').where('title', '=', 'Uppdragsbidrag för ökad trygghet 2022').executeTakeFirstOrThrow()
    ).id;
    for (let i = 0; i < 30; i++) {
      const name = `Förening nummer ${i + 1}`;
      const org = await server.db.kysely
        .insertInto('organisations')
        .values({ org_number: orgNumber(i), name, legal_form: 'ideell_forening', municipality: 'Norrköping' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const c: ApplicationContent = {
        title: `Läxhjälp ${i + 1}`,
        description: 'Läxhjälp för barn i årskurs 4–9.',
        complement: '',
        focusAreas: [],
        activities: [],
        budget: [{ label: 'Verksamhet', amount: kronor(10_000 + i) }],
        ownContribution: ore(0),
        otherFunding: ore(0),
        amountRequested: kronor(10_000 + i),
        partners: [],
        contacts: [],
        declarations: {},
        answers: {},
        attachments: [],
      };
      // Pairs share a submission time, so the cursor must tell them apart by id.
      const at = new Date(Date.UTC(2022, 1, 10, 9, Math.floor(i / 2)));
      await server.db.kysely
        .insertInto('applications')
        .values({
          funder_id: sn,
          call_id: call,
          organisation_id: org.id,
          organisation_name: name,
          status: 'submitted',
          title: c.title,
          amount_requested: c.amountRequested,
          content: JSON.stringify(c),
          case_number: formatCaseNumber('SN', 2022, 100 + i),
          submitted_at: at,
          submitted_content: JSON.stringify(c),
          updated_at: at,
        })
        .execute();
    }
    const api = new Client(server.app);
    await api.login('handlaggare@norrkoping.example');
    const all: string[] = (await api.get(`/api/funders/${sn}/applications?limit=200`)).body.items.map((i: { caseNumber: string }) => i.caseNumber);
    expect(all.length).toBeGreaterThan(25);
    expect(all.length).toBeLessThanOrEqual(50);

    const { context, page } = await openPage(browser, server.url);
    await signIn(page, 'handlaggare@norrkoping.example', 'Hanna Handläggare');
    await page.getByRole('region', { name: 'Socialnämnden, Norrköpings kommun' }).getByRole('link', { name: 'Inkomna ansökningar' }).click();
    await settledAndAccessible(page, 'Inkomna ansökningar');
    const rows = page.locator('.inbox-table tbody th');
    await page.getByText('25 ansökningar visas, fler finns', { exact: true }).waitFor();
    expect(await rows.allTextContents()).toEqual(all.slice(0, 25));

    // By keyboard: the button is reached and pressed; the next page is added below the first.
    const more = page.getByRole('button', { name: 'Visa fler' });
    await more.focus();
    await page.keyboard.press('Enter');
    await page.getByText(`${all.length} ansökningar`, { exact: true }).waitFor();
    const shown = await rows.allTextContents();
    expect(shown).toEqual(all);
    expect(new Set(shown).size).toBe(shown.length);
    expect(await more.count()).toBe(0);
    // Focus moves to the first of the new rows, not back to the top of the page.
    const focused = await page.evaluate(() => ({ id: document.activeElement?.id, text: document.activeElement?.textContent }));
    expect(focused).toEqual({ id: 'inbox-row-25', text: all[25] });
    await axe(page, 'inbox, second page shown');

    // Following the focused row opens that application.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(`\\(${all[25].replace('/', '\\/')}\\)$`) }).waitFor();
    await axe(page, 'application from the second page');
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the application form and its check in English when the applicant switches language', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signInAsFatima(page);
    await page.goto(`/applications/${draftId}`);
    await settledAndAccessible(page, 'Ansökan');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');

    await page.getByRole('button', { name: 'English' }).click();
    await settledAndAccessible(page, 'Application');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('heading', { level: 2, name: /^Step 1 of \d+ The assignment$/ }).waitFor();
    for (const label of ['Title', 'What the assignment is', "How the assignment complements the funder's own work"]) {
      await page.getByLabel(label, { exact: true }).waitFor();
    }
    await page.getByRole('group', { name: /^Focus/ }).waitFor();
    await page.getByRole('button', { name: 'Next step' }).waitFor();
    await page.getByRole('button', { name: 'Show what is missing on this step' }).waitFor();
    const steps = page.getByRole('navigation', { name: /step/i });
    expect(await steps.textContent()).toContain('Check and submit');
    expect(await page.getByRole('button', { name: 'Svenska' }).getAttribute('lang')).toBe('sv');
    await axe(page, 'application form in English');

    // Typing is saved, and said so, in English.
    await page.getByLabel('Title').fill('Night football and homework help in Navestad');
    await page
      .locator('.save-status')
      .getByText(/^Saved at \d\d[.:]\d\d$/)
      .waitFor();

    await page.getByRole('button', { name: 'Next step' }).click();
    await page.getByRole('heading', { level: 2, name: /^Step 2 of \d+ Activities$/ }).waitFor();
    await page.getByRole('button', { name: 'Add an activity' }).click();
    const activity = page.getByRole('group', { name: 'Activity 1' });
    for (const label of ['Kind of activity', 'From', 'To', 'Expected number of participants']) {
      await activity.getByLabel(label, { exact: true }).waitFor();
    }
    await axe(page, 'activities step in English');

    await steps.getByRole('link', { name: /Check and submit/ }).click();
    await settledAndAccessible(page, 'Check and submit');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('heading', { level: 2, name: "The call's conditions" }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'What is missing' }).waitFor();
    await page.getByRole('button', { name: 'Submit the application' }).waitFor();
    await page.getByRole('link', { name: 'Back to the application' }).waitFor();
    const missing = await page.locator('.missing-list li').allTextContents();
    expect(missing.length).toBeGreaterThan(0);
    for (const line of missing) expect(line).toMatch(/^Step \d+: /);
    expect(missing.join(' ')).not.toMatch(/Steg|saknas|Fyll i/);

    // The choice holds on a reload.
    await page.reload();
    await settledAndAccessible(page, 'Check and submit');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // And back to Swedish.
    await page.getByRole('button', { name: 'Svenska' }).click();
    await settledAndAccessible(page, 'Kontrollera och skicka in');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await expect
      .poll(async () => (await server.db.kysely.selectFrom('users').select('locale').where('email', '=', FATIMA.email).executeTakeFirstOrThrow()).locale)
      .toBe('sv');
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });
});

/** A Luhn-valid organisationsnummer of an association (starting 802) that the demo data does not have. */
function orgNumber(i: number): string {
  const body = `80299${String(i).padStart(4, '0')}`;
  const sum = [...body].reduce((s, ch, k) => {
    const d = Number(ch) * (k % 2 === 0 ? 2 : 1);
    return s + (d > 9 ? d - 9 : d);
  }, 0);
  const n = `${body}${(10 - (sum % 10)) % 10}`;
  return `${n.slice(0, 6)}-${n.slice(6)}`;
}
