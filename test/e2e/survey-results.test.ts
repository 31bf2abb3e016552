// Survey results in the browser: the caseworker opens the funder's summary from the start page, sees a
// call whose survey has too few answers marked hidden with its reason, groups and filters the summary, and
// reads one agreement's results on its page; the administrator sets the smallest group, refused below 3; an
// open survey says its results come when it is closed, and closing it shows them (and it cannot be reopened).
// Agreements are made and signed through the API; participants answer on their own phones through the
// survey's answer route. Every page visited is scanned with axe.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgeBand } from '../../src/domain/follow-up/reports.ts';
import { type Ore, ore } from '../../src/domain/money.ts';
import { STANDARD_QUESTIONS } from '../../src/domain/surveys/questions.ts';
import { type Org, type World, world } from '../support/agreements.ts';
import { startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, scriptErrors, settledAndAccessible, signIn } from '../support/browser.ts';
import { Phone, surveyOf } from '../support/surveys.ts';

let server: TestApp & { url: string };
let browser: Browser;
let w: World;
let org: Org;

const FUNDER = 'Socialnämnden, Norrköpings kommun';
const CASEWORKER = { email: 'handlaggare@norrkoping.example', name: 'Hanna Handläggare' };
const ADMIN = { email: 'admin@norrkoping.example', name: 'Åsa Administratör' };
const run = crypto.randomUUID().slice(0, 4);
const AREA = `Ringdansen ${run}`;
const BIG_CALL = `Trygga kvällar i Ringdansen 2027 🌙 ${run}`;
const SMALL_CALL = `Läxhjälp för Çağla och Łukasz ${run}`;

/** A signed agreement under a call of its own with these activity types, in AREA, and its survey's link. */
async function agreement(callTitle: string, activities: string[]) {
  const g = await w.granted(org, ore(5_000_000) as Ore, { title: callTitle });
  const a = (await w.caseworker.post(`/api/applications/${g.applicationId}/agreement`)).body;
  const saved = await w.caseworker.put(`/api/agreements/${a.id}`, {
    version: a.version,
    kind: a.kind,
    content: { ...a.content, activities, areas: [AREA] },
    schedule: a.schedule,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  const hash = saved.body.contentSha256;
  expect((await org.signatory.post(`/api/agreements/${a.id}/sign`, { contentSha256: hash })).status).toBe(200);
  expect((await w.delegate.post(`/api/agreements/${a.id}/sign`, { contentSha256: hash })).body.status).toBe('signed');
  const survey = await surveyOf(server, a.id);
  return { id: a.id, surveyId: survey.id, token: survey.token };
}

async function answer(token: string, ageBand: AgeBand | null, n: number, value: number) {
  for (let i = 0; i < n; i++) {
    const res = await new Phone(server.app).answer(token, { ageBand, ratings: Object.fromEntries(STANDARD_QUESTIONS.map((q) => [q, value])) });
    expect(res.statusCode, res.body).toBe(201);
  }
}

type Made = Awaited<ReturnType<typeof agreement>>;
let big: Made;
let small: Made;

/** Results are released once the survey is closed, as the association does when the activity has ended. */
async function close(m: Made) {
  expect((await org.member.post(`/api/surveys/${m.surveyId}/close`)).status).toBe(200);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  w = await world(server);
  org = await w.organisation('Föreningen Trygga Nätter i Ringdansen');
  big = await agreement(BIG_CALL, ['Nattvandring', 'Nattfotboll']);
  // Six answered: five aged 13–15 and one 16–18, so the survey shows whole but never by age.
  await answer(big.token, '13_15', 5, 5);
  await answer(big.token, '16_18', 1, 2);
  small = await agreement(SMALL_CALL, ['Läxhjälp']);
  await answer(small.token, '13_15', 3, 4);
  await close(big);
  await close(small);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('survey results', () => {
  it('the caseworker sees a call with too few answers marked hidden, groups and filters the summary, and reads an agreement’s results', {
    timeout: 180_000,
  }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signIn(page, CASEWORKER.email, CASEWORKER.name);
    await page.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Enkätresultat' }).first().click();
    await settledAndAccessible(page, 'Enkätresultat');

    // Filtered to the area, grouped by call (the default): the big call is shown, the small one hidden with its reason.
    await page.getByLabel('Område').selectOption(AREA);
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.getByRole('status').getByText('2 grupper').waitFor();
    const shown = page.getByRole('listitem', { name: BIG_CALL });
    await shown.getByText('6 svar från 1 enkät.').waitFor();
    const table = shown.getByRole('table', { name: `Antal svar per fråga och svarsalternativ: ${BIG_CALL}` });
    const safe = table.getByRole('row', { name: /Kände du dig trygg här\?/ });
    expect((await safe.getByRole('cell').allTextContents()).map((c) => c.trim())).toEqual(['0', '1', '0', '0', '5', '6', '4,5']);
    const hidden = page.getByRole('listitem', { name: `${SMALL_CALL} Dold` });
    await hidden.getByText('Färre än 5 har svarat. Resultaten visas från 5 svar, så att ingen som svarat kan kännas igen.').waitFor();
    expect(await hidden.getByRole('table').count()).toBe(0);
    expect(await hidden.getByText('1 enkät i gruppen har färre än 5 svar och räknas inte med.').count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('area')).toBe(AREA);
    const csv = await page.getByRole('link', { name: 'Ladda ned som CSV' }).getAttribute('href');
    expect(csv).toContain(`area=${encodeURIComponent(AREA).replaceAll('%20', '+')}`);
    await axe(page, 'summary by call, filtered to an area');

    // By age band: one of the big survey's age bands has a single answer, so no age band can be shown.
    await page.getByLabel('Gruppera efter').selectOption({ label: 'Åldersgrupp' });
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.getByRole('status').getByText('6 grupper').waitFor();
    const young = page.getByRole('listitem', { name: '13–15 år Dold' });
    await young.getByText(/Någon åldersgrupp i enkäterna har färre än 5 svar\./).waitFor();
    await young.getByText('1 enkät räknas inte med per åldersgrupp, eftersom någon av dess åldersgrupper har färre än 5 svar.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await axe(page, 'summary by age band');

    // By activity type, within the big call: a survey counts under each of its activities.
    await page.getByLabel('Gruppera efter').selectOption({ label: 'Aktivitet' });
    await page.getByLabel('Utlysning').selectOption({ label: BIG_CALL });
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.getByRole('status').getByText('2 grupper').waitFor();
    await page.getByRole('listitem', { name: 'Nattfotboll' }).getByText('6 svar från 1 enkät.').waitFor();
    await page.getByRole('listitem', { name: 'Nattvandring' }).getByText('6 svar från 1 enkät.').waitFor();
    await axe(page, 'summary by activity in one call');

    // The agreement's own page shows its results beside the numbers, and the small one says it is hidden.
    await page.goto(`/agreements/${big.id}`);
    const section = page.getByRole('region', { name: 'Deltagarnas svar på enkäten' });
    await section.getByText('6 deltagare har svarat.', { exact: false }).waitFor();
    await settledAndAccessible(page, /^(Uppdragsavtal|IOP-överenskommelse)/);
    expect(await section.getByRole('row').count()).toBe(6);
    await page.goto(`/agreements/${small.id}`);
    await page
      .getByRole('region', { name: 'Deltagarnas svar på enkäten' })
      .getByText('Färre än 5 har svarat. Resultaten visas från 5 svar, så att ingen som svarat kan kännas igen.')
      .waitFor();
    await settledAndAccessible(page, /^(Uppdragsavtal|IOP-överenskommelse)/);
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('the administrator sets the smallest group, never below 3, and the hidden call is then shown', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signIn(page, ADMIN.email, ADMIN.name);
    await page.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Hantera användare och roller' }).click();
    await settledAndAccessible(page, 'Användare och roller');
    const form = page.getByRole('region', { name: 'Uppföljning och deltagarenkät' });
    const field = form.getByLabel('Minsta grupp för enkätresultat');
    expect(await field.inputValue()).toBe('5');
    await field.fill('2');
    await form.getByRole('button', { name: 'Spara uppföljningsinställningarna' }).click();
    await form
      .locator('.error-summary')
      .getByRole('link', { name: /^Minsta grupp för enkätresultat: Aldrig lägre än 3/ })
      .waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await axe(page, 'smallest group refused below 3');
    // A decimal is told to be a whole number, on the field.
    await field.fill('5,5');
    await form.getByRole('button', { name: 'Spara uppföljningsinställningarna' }).click();
    await form
      .locator('.error-summary')
      .getByRole('link', { name: /^Minsta grupp för enkätresultat: Skriv ett heltal/ })
      .waitFor();
    await field.fill('3');
    await form.getByRole('button', { name: 'Spara uppföljningsinställningarna' }).click();
    await form.getByText('Inställningarna är sparade. Enkätresultat visas från 3 svar.').waitFor();
    await axe(page, 'smallest group saved');
    expect(scriptErrors(page)).toEqual([]);
    await context.close();

    const caseworker = await openPage(browser, server.url);
    const c = caseworker.page;
    await signIn(c, CASEWORKER.email, CASEWORKER.name);
    await c.goto(`/funders/${w.sn}/survey-results?area=${encodeURIComponent(AREA)}`);
    await settledAndAccessible(c, 'Enkätresultat');
    await c.getByRole('listitem', { name: SMALL_CALL, exact: true }).getByText('3 svar från 1 enkät.').waitFor();
    await caseworker.context.close();
    const reset = await w.client(ADMIN.email);
    expect((await reset.put(`/api/funders/${w.sn}/follow-up-settings`, { surveyMinGroup: 5, reportDeviationPercent: 10, reportReminderDays: 14 })).status).toBe(
      200,
    );
  });

  it('an open survey says its results come when it is closed; closing shows them, and it is not opened again', { timeout: 120_000 }, async () => {
    const open = await agreement(`Sommarlovsaktiviteter på Söder ${run}`, ['Dans 💃']);
    await answer(open.token, '16_18', 6, 3);
    const { context, page } = await openPage(browser, server.url);
    await signIn(page, CASEWORKER.email, CASEWORKER.name);
    await page.goto(`/agreements/${open.id}`);
    const results = page.getByRole('region', { name: 'Deltagarnas svar på enkäten' });
    await results.getByText(/Enkäten är öppen\. Resultaten visas när den har stängts/).waitFor();
    await settledAndAccessible(page, /^(Uppdragsavtal|IOP-överenskommelse)/);
    expect(await results.getByRole('table').count()).toBe(0);
    await axe(page, 'an open survey’s results');

    await page.getByRole('button', { name: 'Stäng enkäten' }).click();
    await results.getByText('6 deltagare har svarat.', { exact: false }).waitFor();
    expect(await results.getByRole('row').count()).toBe(6);
    expect(await page.getByRole('button', { name: 'Öppna enkäten igen' }).count()).toBe(0);
    await page.getByText('Enkäten är stängd och resultaten har visats. Den går inte att öppna igen', { exact: false }).waitFor();
    // The close button is gone: focus is on what the section now says, not lost to the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Enkäten är stängd och resultaten har visats.');
    await axe(page, 'a closed survey’s results');
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });
});
