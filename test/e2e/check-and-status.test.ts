// The check page's submit button is reachable by Tab before the application may be sent, and says why
// it cannot; after a decision the application's one status is its outcome, for the association and in
// the caseworker's inbox, and a superseding decision shows the new outcome; the approval queue shows
// whom the caseworker approves.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dateInStockholm } from '../../src/domain/deadlines.ts';
import { Client, startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, PHONE, scriptErrors, settledAndAccessible, signIn } from '../support/browser.ts';
import { decision, demoTemplate, publishedCall } from '../support/fixtures.ts';

let server: TestApp & { url: string };
let browser: Browser;
let sn: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ jobs: {} }), launchBrowser()]);
  sn = (await server.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const DEMO_TITLE = 'Fler vuxna ute på kvällarna i Navestad och Hageby';
const plain = (text: string | null) => (text ?? '').replace(/\s+/gu, ' ').trim();

/** The text of the status row of an application's page. */
async function statusRow(page: Page) {
  return plain(
    await page
      .locator('dl.facts > div')
      .filter({ has: page.locator('dt', { hasText: /^Status$/ }) })
      .locator('dd')
      .textContent(),
  );
}

describe('the submit button before the application may be sent', () => {
  it('is reached by Tab, says why it cannot send, and leads to what is missing', { timeout: 120_000 }, async () => {
    const applicant = new Client(server.app);
    const user = await applicant.login('forening@nattvandrarna.example');
    const callId = (
      await server.db.kysely.selectFrom('calls').select('id').where('title', '=', 'Extra föreningsstöd mot utanförskap').executeTakeFirstOrThrow()
    ).id;
    const draft = await applicant.post(`/api/calls/${callId}/applications`, { organisationId: user.organisations[0].id });
    expect([200, 201]).toContain(draft.status);
    const id = draft.body.id as string;
    expect((await applicant.get(`/api/applications/${id}/check`)).body.ready).toBe(false);

    const { context, page } = await openPage(browser, server.url, PHONE);
    await signIn(page, 'forening@nattvandrarna.example', 'Fatima Föreningsaktiv');
    await page.goto(`/applications/${id}/check`);
    await settledAndAccessible(page, 'Kontrollera och skicka in');
    await page.getByRole('region', { name: 'Dina svar' }).waitFor();

    // Tab from the top of the page until the submit button has focus: it is in the tab order.
    await page.locator('h1').focus();
    let reached = false;
    for (let i = 0; i < 200 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.textContent === 'Skicka in ansökan');
    }
    expect(reached, 'Tab reaches the submit button').toBe(true);
    const button = page.getByRole('button', { name: 'Skicka in ansökan' });
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    expect(await button.getAttribute('disabled')).toBeNull();
    // Its reason is its accessible description, read out when it takes focus.
    const describedBy = (await button.getAttribute('aria-describedby')) ?? '';
    const reason = plain(await page.locator(`#${describedBy}`).textContent());
    expect(reason).toMatch(/^Ansökan kan skickas in när allt ovan är uppfyllt\. .*\d+ saker i ansökan saknas eller behöver rättas\.$/);
    await axe(page, 'check page, not ready, submit focused');

    // Pressed anyway, it sends nothing and takes the user to what is missing.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'missing-heading');
    expect((await applicant.get(`/api/applications/${id}`)).body.status).toBe('draft');
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('one status after a decision', () => {
  it('shows the outcome to the association and in the caseworker’s inbox, and the new outcome after a supersession', { timeout: 180_000 }, async () => {
    const applicant = await openPage(browser, server.url, PHONE);
    await signIn(applicant.page, 'forening@nattvandrarna.example', 'Fatima Föreningsaktiv');
    const appId = (await server.db.kysely.selectFrom('applications').select('id').where('case_number', '=', 'SN 2022/00001').executeTakeFirstOrThrow()).id;
    await applicant.page.goto(`/applications/${appId}`);
    await settledAndAccessible(applicant.page, `${DEMO_TITLE} (SN 2022/00001)`);
    expect(await statusRow(applicant.page)).toBe('Delvis beviljad 250 000 kr');
    expect(await applicant.page.getByRole('main').getByText('Inkommen', { exact: true }).count()).toBe(0);

    const staff = await openPage(browser, server.url);
    await signIn(staff.page, 'handlaggare@norrkoping.example', 'Hanna Handläggare');
    await staff.page.goto(`/funders/${sn}/applications`);
    await settledAndAccessible(staff.page, 'Inkomna ansökningar');
    const row = () => staff.page.getByRole('row').filter({ hasText: 'SN 2022/00001' });
    expect(plain(await row().textContent())).toContain('Delvis beviljad 250 000 kr');
    expect(plain(await row().textContent())).not.toContain('Inkommen');
    await staff.page.goto(`/applications/${appId}`);
    await settledAndAccessible(staff.page, `${DEMO_TITLE} (SN 2022/00001)`);
    expect(await statusRow(staff.page)).toBe('Delvis beviljad 250 000 kr');

    // The committee replaces the decision with a smaller grant (no less than the 125 000 kr already paid
    // under its agreement). Every status follows the new decision.
    const committee = new Client(server.app);
    await committee.login('namnd@norrkoping.example');
    const current = (await committee.get(`/api/applications/${appId}/decisions`)).body.decisions.find((d: { supersededBy: string | null }) => !d.supersededBy);
    const replaced = await committee.post(
      `/api/applications/${appId}/decisions`,
      decision(15_000_000, { reasons: 'Föreningen har lagt ned verksamheten i Navestad.', supersedes: current.id }),
    );
    expect(replaced.status).toBe(201);

    await staff.page.goto(`/funders/${sn}/applications`);
    await settledAndAccessible(staff.page, 'Inkomna ansökningar');
    expect(plain(await row().textContent())).toContain('Delvis beviljad 150 000 kr');
    expect(plain(await row().textContent())).not.toContain('250 000');
    await applicant.page.reload();
    await settledAndAccessible(applicant.page, `${DEMO_TITLE} (SN 2022/00001)`);
    expect(await statusRow(applicant.page)).toBe('Delvis beviljad 150 000 kr');
    expect(scriptErrors(applicant.page)).toEqual([]);
    expect(scriptErrors(staff.page)).toEqual([]);
    await applicant.context.close();
    await staff.context.close();
  });
});

describe('the approval queue', () => {
  it('shows the organisation number and a way to the organisation’s applications', { timeout: 90_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signIn(page, 'handlaggare@norrkoping.example', 'Hanna Handläggare');
    await page.goto(`/funders/${sn}/eligibility`);
    await settledAndAccessible(page, 'Bidragsberättigade föreningar');
    const card = page.locator('.card.request').filter({ hasText: 'Matteus församling Norrköping' }).first();
    const number = (
      await server.db.kysely.selectFrom('organisations').select('org_number').where('name', '=', 'Matteus församling Norrköping').executeTakeFirstOrThrow()
    ).org_number;
    expect(plain(await card.textContent())).toContain(`Organisationsnummer${number}`);
    await card.getByRole('link', { name: 'Ansökningar från Matteus församling Norrköping' }).click();
    await settledAndAccessible(page, 'Inkomna ansökningar');
    expect(await page.getByRole('row').filter({ hasText: 'Öppen kväll för unga i Matteus' }).count()).toBe(1);
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('a deadline nearer than approval usually takes', () => {
  it('tells an association not yet approved, before it writes, that approval may not come in time', { timeout: 90_000 }, async () => {
    const template = await demoTemplate(server.db);
    const deadline = addDays(dateInStockholm(new Date()), 2);
    const call = await publishedCall(server.db, template, {
      title: 'Snabbstöd till trygghetsvandringar i Vivalla',
      requiresEligibilityApproval: true,
      opensOn: '2022-01-01',
      deadline,
    });
    const { context, page } = await openPage(browser, server.url, PHONE);
    await signIn(
      page,
      'ledare@vivalla.example',
      (await server.db.kysely.selectFrom('users').select('name').where('email', '=', 'ledare@vivalla.example').executeTakeFirstOrThrow()).name,
    );
    await page.goto(`/calls/${call.id}`);
    await settledAndAccessible(page, 'Snabbstöd till trygghetsvandringar i Vivalla');
    const notice = page.getByRole('region', { name: 'Föreningen måste först vara godkänd som bidragsberättigad' });
    const risk = plain(await notice.locator('.eligibility-risk').textContent());
    expect(risk).toMatch(
      /^Risk att godkännandet inte hinner komma: utlysningen stänger \d{1,2} \p{L}+ \d{4}, men med vanlig handläggningstid kommer beslutet om godkännande först omkring \d{1,2} \p{L}+ \d{4}\./u,
    );
    await notice.getByRole('link', { name: /^Ansök om godkännande för / }).waitFor();

    // In English too.
    await page.getByRole('button', { name: 'English' }).click();
    await settledAndAccessible(page, 'Snabbstöd till trygghetsvandringar i Vivalla');
    const english = page.getByRole('region', { name: 'The association must first be approved as eligible for grants' });
    expect(plain(await english.locator('.eligibility-risk').textContent())).toMatch(/^Risk that approval will not come in time: the call closes on /);
    await english.getByText(/Approval usually takes \d+ days? at |Allow about \d+ days? for approval\./).waitFor();
    await page.getByRole('button', { name: 'Svenska' }).click();
    await settledAndAccessible(page, 'Snabbstöd till trygghetsvandringar i Vivalla');
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });
});
