// An anonymous visitor on a phone finds an open call, reads its rules, the time
// left and its amendment, and sees that the Norrköping 2022 call has closed;
// then reads the same in English.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRules } from '../../src/domain/calls/types.ts';
import { addMonths, dateInStockholm, timeLeft } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { Client, startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, PHONE, scriptErrors, settledAndAccessible } from '../support/browser.ts';

let server: TestApp & { url: string };
let browser: Browser;
let callId: string;

const TITLE = 'Nattvandring och läxhjälp i Hageby';
const today = dateInStockholm(new Date());
const firstDeadline = addMonths(today, 1);
const deadline = addMonths(today, 2);
const REASON = 'Sista ansökningsdag flyttas så att föreningarna hinner förankra ansökan på sina styrelsemöten.';
const swedish = (date: string) =>
  new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  // A caseworker publishes a call and amends its deadline, through the API.
  const caseworker = new Client(server.app);
  const user = await caseworker.login('handlaggare@norrkoping.example');
  const funderId = user.funders[0].funderId as string;
  const programmes = (await caseworker.get(`/api/funders/${funderId}/programmes`)).body.programmes;
  const line = programmes
    .flatMap((p: { lines: { id: string; name: string }[] }) => p.lines)
    .find((l: { name: string }) => l.name === 'Kontaktnät och handlingsplan');
  const rules: CallRules = {
    title: TITLE,
    summary: 'Stöd till föreningar som nattvandrar eller ger läxhjälp till unga i Hageby.',
    description: 'Föreningar kan söka stöd för nattvandring och läxhjälp.\n\nUppdragen ska komplettera socialkontorets eget arbete.',
    budgetLineId: line.id,
    amount: ore(40_000_000),
    focusAreas: ['Vuxennärvaro på kvällar och helger', 'Läxhjälp'],
    eligibleForms: ['ideell_forening', 'studieforbund', 'trossamfund'],
    exclusions: ['religious_or_political', 'for_profit', 'already_completed'],
    targetGroups: ['children', 'young_people'],
    targetAreas: ['Hageby'],
    opensOn: addMonths(today, -1),
    deadline: firstDeadline,
    grantPeriodMonths: 12,
    minAmount: ore(1_000_000),
    maxAmount: ore(10_000_000),
    requiredAttachments: ['statutes', 'budget'],
    requiresEligibilityApproval: true,
    criteria: [
      { id: 'need', label: 'Behov i området', weight: 60 },
      { id: 'capacity', label: 'Förmåga att genomföra', weight: 40 },
    ],
    followUp: { reportDueMonths: 2, requireFinancialReport: true, requireParticipantSurvey: true },
    questions: [
      {
        id: 'kind',
        page: 1,
        type: 'single_choice',
        label: 'Vad gäller ansökan?',
        required: true,
        options: [
          { value: 'walks', label: 'Nattvandring' },
          { value: 'homework', label: 'Läxhjälp' },
        ],
      },
      {
        id: 'nights',
        page: 1,
        type: 'number',
        label: 'Hur många kvällar i månaden?',
        required: true,
        min: 1,
        max: 31,
        showIf: { questionId: 'kind', equals: 'walks' },
      },
      { id: 'plan', page: 2, type: 'long_text', label: 'Beskriv upplägget.', required: true, maxWords: 300 },
    ],
    activityTypes: ['night_walks', 'homework_help'],
  };
  const created = await caseworker.post(`/api/funders/${funderId}/calls`, rules);
  expect(created.status).toBe(201);
  callId = created.body.id;
  expect((await caseworker.post(`/api/calls/${callId}/publish`)).status).toBe(200);
  const amended = await caseworker.post(`/api/calls/${callId}/amendments`, { rules: { ...rules, deadline }, reason: REASON });
  expect(amended.status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Nothing sticks out sideways: the page fits the viewport's width. */
async function fitsWidth(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `page is ${scroll}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width);
}

const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

describe('the public call pages', () => {
  it('lets a visitor on a phone find an open call, read its rules, the time left and the amendment, and see a closed call', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url, PHONE);
    await page.goto('/');
    await settledAndAccessible(page, 'Välkommen till Samverka');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Utlysningar' }).click();
    await settledAndAccessible(page, 'Utlysningar');
    await fitsWidth(page);

    await page.getByRole('link', { name: 'Öppna', exact: true }).click();
    await page.locator('a[aria-current="page"]', { hasText: 'Öppna' }).waitFor();
    const card = page.locator('.call-card').filter({ hasText: TITLE });
    await card.waitFor();
    expect(await page.locator('.call-card').filter({ hasText: 'Uppdragsbidrag för ökad trygghet 2022' }).count()).toBe(0);
    const cardText = await card.textContent();
    expect(cardText).toContain('Socialnämnden, Norrköpings kommun');
    expect(cardText).toContain('400\u00a0000 kr');
    expect(cardText).toContain('Vuxennärvaro på kvällar och helger, Läxhjälp');
    expect(cardText).toContain(swedish(deadline));
    expect(await card.locator('.badge').textContent()).toBe('Öppen');
    await axe(page, 'open calls');
    await fitsWidth(page);

    await card.getByRole('link', { name: TITLE }).click();
    await settledAndAccessible(page, TITLE);
    expect(await page.title()).toBe(`${TITLE} – Samverka`);
    await fitsWidth(page);
    const status = page.locator('.call-status');
    expect(await status.textContent()).toContain(`Sista dag: ${swedish(deadline)}, kl. 23.59`);
    const left = timeLeft(deadline, new Date());
    expect(await status.locator('.time-left').textContent()).toMatch(new RegExp(`^${left.days} dagar och \\d+ timm(e|ar) kvar$`));

    await page.getByText('Utlysningen har ändrats en gång').waitFor();
    const facts = await page.locator('.call-facts').textContent();
    expect(facts).toContain('400\u00a0000 kr');
    expect(facts).toContain('10\u00a0000 kr – 100\u00a0000 kr');
    expect(facts).toContain('Bidraget får användas i 12 månader från beslutet.');
    expect(facts).toContain(`${swedish(deadline)}, kl. 23.59 svensk tid`);
    expect(await region(page, 'Vem får söka').textContent()).toContain('Ideell förening');
    expect(await region(page, 'Vem får söka').textContent()).toContain('måste vara godkänd som bidragsberättigad av Socialnämnden, Norrköpings kommun');
    const notFunded = await region(page, 'Det här ger utlysningen inte bidrag till').textContent();
    expect(notFunded).toContain('till övervägande del har religiös eller politisk karaktär');
    expect(notFunded).toContain('drivs för att gå med vinst');
    expect(notFunded).toContain('redan är genomförda och avslutade');
    expect(await region(page, 'Inriktning').textContent()).toContain('Nattvandring');
    expect(await region(page, 'Så bedöms ansökningarna').textContent()).toContain('Behov i området60 %');
    const questions = region(page, 'Frågorna i ansökan');
    expect(await questions.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Sida 1', 'Sida 2']);
    expect(await questions.textContent()).toContain('Visas bara om svaret på ”Vad gäller ansökan?” är ”Nattvandring”.');
    const amendments = await region(page, 'Ändringar').textContent();
    expect(amendments).toContain(`Motivering: ${REASON}`);
    expect(amendments).toContain(`Sista ansökningsdag: ${swedish(firstDeadline)} → ${swedish(deadline)}`);
    await axe(page, 'open call');

    // The Norrköping 2022 call: its deadline has passed, and it says so.
    await page.getByRole('link', { name: 'Alla utlysningar' }).click();
    await settledAndAccessible(page, 'Utlysningar');
    await page.getByRole('link', { name: 'Stängda', exact: true }).click();
    await page.getByRole('link', { name: 'Uppdragsbidrag för ökad trygghet 2022' }).click();
    await settledAndAccessible(page, 'Uppdragsbidrag för ökad trygghet 2022');
    await fitsWidth(page);
    expect(await page.locator('.call-status').textContent()).toContain('Ansökningstiden gick ut 6 mars 2022.');
    expect(await page.locator('.time-left').count()).toBe(0);
    expect(await page.locator('.call-facts').textContent()).toContain('6 mars 2022, kl. 23.59 svensk tid');
    expect(await page.locator('.call-facts').textContent()).toContain('3\u00a0000\u00a0000 kr');

    // The same in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('The application period ended on 6 March 2022.').waitFor();
    expect(await page.locator('.call-facts').textContent()).toContain('SEK 3,000,000');
    expect(await page.locator('.call-facts').textContent()).toContain('6 March 2022, 23:59 Swedish time');
    await axe(page, 'closed call in English');
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('answers an unknown call and a malformed call address in words, with the way to the list, in both languages', { timeout: 60_000 }, async () => {
    const { context, page } = await openPage(browser, server.url, PHONE);
    await page.goto('/calls/00000000-0000-4000-8000-000000000000');
    await page.locator('#root:not([data-first-view])').waitFor({ state: 'attached' });
    await settledAndAccessible(page, 'Utlysning');
    await page.getByRole('alert').getByText('Det finns ingen publicerad utlysning med den här adressen.').waitFor();

    await page.goto('/calls/not-a-uuid');
    await page.locator('#root:not([data-first-view])').waitFor({ state: 'attached' });
    await settledAndAccessible(page, 'Utlysning');
    const alert = page.getByRole('alert');
    await alert.getByText('Adressen till utlysningen är inte giltig. Kontrollera länken, eller välj utlysningen i listan.').waitFor();
    expect(await alert.textContent()).not.toMatch(/formulär/);
    await page.getByRole('button', { name: 'English' }).click();
    await alert.getByText('The address of the call is not valid. Check the link, or choose the call from the list.').waitFor();
    await axe(page, 'malformed call address in English');
    await alert.getByRole('link', { name: 'See all calls' }).click();
    await settledAndAccessible(page, 'Calls');
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('shows the public pages before the app has loaded, and with no JavaScript at all, in the visitor’s language', { timeout: 60_000 }, async () => {
    const noScript = await openPage(browser, server.url, { ...PHONE, javaScriptEnabled: false });
    await noScript.page.goto('/');
    await noScript.page.getByRole('heading', { level: 1, name: 'Välkommen till Samverka' }).waitFor();
    await noScript.page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Utlysningar' }).click();
    await noScript.page.getByRole('heading', { level: 1, name: 'Utlysningar' }).waitFor();
    await noScript.page.getByRole('link', { name: TITLE }).click();
    await noScript.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(await noScript.page.title()).toBe(`${TITLE} – Samverka`);
    expect(await noScript.page.locator('.lead').textContent()).toBe('Stöd till föreningar som nattvandrar eller ger läxhjälp till unga i Hageby.');
    expect(await noScript.page.locator('.call-status').textContent()).toContain(`Sista dag: ${swedish(deadline)}, kl. 23.59`);
    await noScript.context.close();

    // With the app: the page it takes over is the same page, and passes axe.
    const { context, page } = await openPage(browser, server.url, PHONE);
    await page.goto(`/calls/${callId}`);
    await page.locator('#root:not([data-first-view])').waitFor({ state: 'attached' });
    await settledAndAccessible(page, TITLE);
    await page.locator('.call-facts').waitFor();
    expect(await page.locator('.call-status').textContent()).toContain(`Sista dag: ${swedish(deadline)}, kl. 23.59`);
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('marks the funder’s Swedish words as Swedish in the English interface', { timeout: 60_000 }, async () => {
    // A browser that asks for English gets the page in English from the first byte.
    const { context, page } = await openPage(browser, server.url, { ...PHONE, locale: 'en-GB' });
    await page.goto(`/calls/${callId}`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.locator('#root:not([data-first-view])').waitFor({ state: 'attached' });
    await settledAndAccessible(page, TITLE);
    await page.locator('.call-facts').waitFor();
    const swedishText = async (selector: string) => page.locator(selector).evaluate((el) => el.closest('[lang]')?.getAttribute('lang'));
    expect(await page.getByRole('heading', { level: 1 }).locator('[lang="sv"]').textContent()).toBe(TITLE);
    expect(await swedishText('.lead')).toBe('sv');
    expect(await swedishText('.criterion-label >> nth=0')).toBe('sv');
    expect(await swedishText('.question-label [lang] >> nth=0')).toBe('sv');
    expect(await page.locator('#about-heading').evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe('en');
    expect(await page.locator('[lang="sv"]', { hasText: 'Nattvandring' }).count()).toBeGreaterThan(0);
    await axe(page, 'open call in English');

    await page.getByRole('link', { name: 'All calls' }).click();
    await settledAndAccessible(page, 'Calls');
    const card = page.locator('.call-card').filter({ hasText: TITLE });
    expect(await card.locator('.call-title [lang="sv"]').textContent()).toBe(TITLE);
    expect(await card.locator('.call-summary').getAttribute('lang')).toBe('sv');
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });
});
