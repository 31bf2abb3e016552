// The activity catalogue stays open: an association proposes a new kind of
// activity, and the caseworker adopts it with its Swedish and English names.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, scriptErrors, settledAndAccessible, signIn } from '../support/browser.ts';

let server: TestApp & { url: string };
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const FUNDER = 'Socialnämnden, Norrköpings kommun';
const ORG = 'Nattvandrarna Norrköping';

describe('the activity catalogue', () => {
  it('an association proposes night basketball and the caseworker adopts it in Swedish and English', { timeout: 120_000 }, async () => {
    const applicant = await openPage(browser, server.url);
    const a = applicant.page;
    await signIn(a, 'forening@nattvandrarna.example', 'Fatima Föreningsaktiv');
    await a.getByRole('region', { name: 'Dina organisationer' }).getByRole('link', { name: ORG, exact: true }).click();
    await settledAndAccessible(a, ORG);
    const propose = a.getByRole('region', { name: 'Föreslå en ny sorts aktivitet' });
    await propose.getByRole('button', { name: 'Skicka förslaget' }).click();
    expect(await a.locator('.error-summary').getByRole('link').allTextContents()).toEqual([
      'Bidragsgivare: Välj vilken bidragsgivare det gäller.',
      'Aktivitetens namn: Fyll i det här fältet.',
    ]);
    await axe(a, 'proposal with errors');
    await propose.getByLabel('Bidragsgivare').selectOption({ label: FUNDER });
    await propose.getByLabel('Aktivitetens namn').fill('Nattbasket');
    await propose.getByLabel('Beskrivning').fill('Öppen basket fredagskvällar i Navestads sporthall, med vuxna ledare.');
    await propose.getByRole('button', { name: 'Skicka förslaget' }).click();
    await propose.getByText(`Förslaget ”Nattbasket” är skickat till ${FUNDER}.`).waitFor();
    expect(await propose.getByLabel('Aktivitetens namn').inputValue()).toBe('');
    await axe(a, 'proposal sent');
    expect(scriptErrors(a)).toEqual([]);
    await applicant.context.close();

    const caseworker = await openPage(browser, server.url);
    const c = caseworker.page;
    await signIn(c, 'handlaggare@norrkoping.example', 'Hanna Handläggare');
    await c.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Aktivitetskatalogen' }).click();
    await settledAndAccessible(c, 'Aktivitetskatalogen');
    const proposals = c.getByRole('region', { name: 'Förslag som väntar (1)' });
    const card = proposals.locator('.proposal').filter({ hasText: 'Nattbasket' });
    expect(await card.textContent()).toContain(`Föreslagen av ${ORG}`);
    expect(await card.textContent()).toContain('Öppen basket fredagskvällar');
    expect(await card.getByLabel('Namn på svenska').inputValue()).toBe('Nattbasket');

    // The English name is asked for before the type is adopted.
    await card.getByRole('button', { name: /^Ta in i katalogen/ }).click();
    await card.locator('.error-summary').getByRole('link', { name: 'Namn på engelska: Fyll i det här fältet.' }).waitFor();
    expect(await card.getByLabel('Namn på engelska').getAttribute('aria-invalid')).toBe('true');
    await axe(c, 'adopting without an English name');
    await card.getByLabel('Namn på engelska').fill('Night basketball');
    await card.getByRole('button', { name: /^Ta in i katalogen/ }).click();
    await c.getByText('”Nattbasket” finns nu i katalogen.').waitFor();
    await c.getByRole('region', { name: 'Förslag som väntar (0)' }).getByText('Inga förslag väntar.').waitFor();
    const active = c.getByRole('region', { name: /^I katalogen/ });
    await active.getByText('Nattbasket (på engelska: Night basketball) – egen').waitFor();
    await axe(c, 'proposal adopted');

    // A new call can now fund it.
    await c.goto(`${new URL(c.url()).pathname.replace('/activity-types', '/calls/new')}`);
    await settledAndAccessible(c, 'Ny utlysning');
    await c
      .getByRole('group', { name: /^Aktiviteter/ })
      .getByRole('checkbox', { name: 'Nattbasket' })
      .waitFor();
    await c.getByRole('button', { name: 'English' }).click();
    await c
      .getByRole('group', { name: /^Activities/ })
      .getByRole('checkbox', { name: 'Night basketball' })
      .waitFor();
    expect(scriptErrors(c)).toEqual([]);
    await caseworker.context.close();
  });
});
