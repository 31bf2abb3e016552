// Leaving the application form loses nothing: a link or the browser's back button right after
// typing saves it first, and a save that cannot be made holds the applicant with a warning.
// The form's small things: the step count matches the steps shown, the amount hint's example
// is one the call allows, and dates read the one way the app writes them.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationContent } from '../../src/domain/applications/types.ts';
import { startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, scriptErrors, settledAndAccessible, signIn } from '../support/browser.ts';

let server: TestApp & { url: string };
let browser: Browser;
/** Fatima's draft on the open call (at most 150 000 kr), from the demo data. */
let draftId: string;

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
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signInAsFatima = (page: Page) => signIn(page, 'forening@nattvandrarna.example', 'Fatima Föreningsaktiv');

const storedDraft = async () =>
  (await server.db.kysely.selectFrom('applications').select(['title', 'content']).where('id', '=', draftId).executeTakeFirstOrThrow()) as {
    title: string;
    content: ApplicationContent;
  };

const menuLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name, exact: true });
const warning = (page: Page) => page.getByRole('dialog', { name: 'Det du skrivit är inte sparat' });
const draftSaves = (page: Page) => page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === `/api/applications/${draftId}`);

/** Whether closing or reloading the tab now would make the browser ask first. */
const wouldAskOnUnload = (page: Page) =>
  page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

async function openDraft(page: Page) {
  await page.goto(`/applications/${draftId}`);
  await settledAndAccessible(page, 'Ansökan');
  await page.getByRole('heading', { level: 2, name: /Uppdraget/ }).waitFor();
}

describe('leaving the application form', () => {
  it('saves what was typed a moment ago when the applicant leaves by a menu link or the back button', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signInAsFatima(page);
    await openDraft(page);

    // Typed, and straight to a menu link: no warning, and the text is on the server.
    const title = 'Nattvandring med Çağla och Łucja i Hageby och Navestad';
    const put = draftSaves(page);
    await page.getByLabel('Titel').fill(title);
    await menuLink(page, 'Utlysningar').click();
    await settledAndAccessible(page, 'Utlysningar');
    expect((await put).status()).toBe(200);
    expect(await warning(page).count()).toBe(0);
    expect((await storedDraft()).title).toBe(title);

    // Back in the form: the text is there, and nothing is offered from the browser's copy.
    await openDraft(page);
    expect(await page.getByLabel('Titel').inputValue()).toBe(title);
    expect(await page.getByRole('region', { name: 'Det finns osparade ändringar i den här webbläsaren' }).count()).toBe(0);

    // Typed, and straight back with the browser's button: saved too.
    await menuLink(page, 'Start').click();
    await settledAndAccessible(page, 'Hej Fatima Föreningsaktiv');
    await page.getByRole('region', { name: 'Dina organisationer' }).getByRole('link', { name: 'Nattvandrarna Norrköping', exact: true }).click();
    await settledAndAccessible(page, 'Nattvandrarna Norrköping');
    await page.getByRole('region', { name: 'Ansökningar' }).getByRole('link', { name: title }).click();
    await settledAndAccessible(page, 'Ansökan');
    const description = 'Vi går i par fredag och lördag kväll, med Åsa Öberg som samordnare.';
    const again = draftSaves(page);
    await page.getByLabel('Vad uppdraget är').fill(description);
    await page.goBack();
    await settledAndAccessible(page, 'Nattvandrarna Norrköping');
    expect((await again).status()).toBe(200);
    expect(await warning(page).count()).toBe(0);
    expect((await storedDraft()).content.description).toBe(description);

    // Typed, and the page is left for another address altogether (as closing or reloading the tab
    // would): the save goes as the page goes.
    await page.getByRole('region', { name: 'Ansökningar' }).getByRole('link', { name: title }).click();
    await settledAndAccessible(page, 'Ansökan');
    const complement = 'Vi samarbetar med fältassistenterna och Hageby bibliotek.';
    await page.getByLabel('Vad uppdraget är').fill(complement);
    await page.goto('/calls');
    await settledAndAccessible(page, 'Utlysningar');
    await expect.poll(async () => (await storedDraft()).content.description).toBe(complement);
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('warns before leaving when the save cannot be made, and lets the applicant stay and try again', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signInAsFatima(page);
    await openDraft(page);
    expect(await wouldAskOnUnload(page)).toBe(false);

    await context.setOffline(true);
    const title = 'Trygga kvällar i Ringdansen';
    await page.getByLabel('Titel').fill(title);
    await menuLink(page, 'Utlysningar').click();
    await warning(page).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stanna kvar');
    await axe(page, 'warned: the draft could not be saved');
    await warning(page).getByRole('button', { name: 'Stanna kvar' }).click();
    await warning(page).waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/applications/${draftId}`);
    expect(await page.getByLabel('Titel').inputValue()).toBe(title);
    await page
      .locator('.save-status')
      .getByText(/^Inte sparat på servern än/)
      .waitFor();
    // Closing the tab would lose it as well: the browser asks first.
    expect(await wouldAskOnUnload(page)).toBe(true);

    // The connection is back: trying again saves, and the link leaves at once.
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Försök spara igen' }).click();
    await page
      .locator('.save-status')
      .getByText(/^Sparat kl\. \d\d\.\d\d$/)
      .waitFor();
    expect(await wouldAskOnUnload(page)).toBe(false);
    expect((await storedDraft()).title).toBe(title);
    await menuLink(page, 'Utlysningar').click();
    await settledAndAccessible(page, 'Utlysningar');
    expect(scriptErrors(page).filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await context.close();
  });
});

describe('the form’s steps, amounts and dates', () => {
  it('counts the steps it shows, gives an example amount the call allows, and writes the deadline as a date', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signInAsFatima(page);
    await openDraft(page);

    const chips = page.getByRole('navigation', { name: 'Steg i ansökan' }).getByRole('listitem');
    const count = await chips.count();
    expect(count).toBeGreaterThan(1);
    expect(await page.locator('.step-count').textContent()).toBe(`Steg 1 av ${count}`);
    expect(await page.title()).toMatch(new RegExp(`^Steg 1 av ${count}: `));

    // The deadline as the app writes dates everywhere: "23 december 2026".
    const hint = (await page.getByText(/^Sista ansökningsdag: /).textContent()) ?? '';
    expect(hint).toMatch(/^Sista ansökningsdag: \d{1,2} [a-zåäö]+ \d{4}\.$/);

    await chips.getByRole('link', { name: /Budget$/ }).click();
    await page.getByRole('heading', { level: 2, name: /Budget/ }).waitFor();
    expect(await page.locator('.step-count').textContent()).toBe(`Steg 3 av ${count}`);
    await axe(page, 'budget step');
    const amountHint = await page.locator('#application-amountRequested-hint').textContent();
    expect(amountHint).toContain('Minst 5\u00a0000 kr och högst 150\u00a0000 kr kan sökas.');
    const example = /t\.ex\. ([\d\s\u00a0]+)\./.exec(amountHint ?? '')?.[1];
    expect(example).toBeDefined();
    const kronor = Number((example ?? '').replace(/\D/g, ''));
    expect(kronor).toBeGreaterThanOrEqual(5_000);
    expect(kronor).toBeLessThanOrEqual(150_000);
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });
});
