// Two people of the same association edit the same draft: the second save meets the
// first, and the notice says who changed it and lets the writer choose.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, PHONE, scriptErrors, settledAndAccessible, signIn } from '../support/browser.ts';

let server: TestApp & { url: string };
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const signInAsFatima = (page: Page) => signIn(page, 'forening@nattvandrarna.example', 'Fatima Föreningsaktiv');

const saved = (page: Page) =>
  page
    .locator('.save-status')
    .getByText(/^Sparat kl\. \d\d\.\d\d$/)
    .waitFor();

describe('an edit conflict', () => {
  it('shows who saved meanwhile, compares, and keeps the version chosen', { timeout: 120_000 }, async () => {
    const draft = await server.db.kysely
      .selectFrom('applications')
      .select('id')
      .where('organisation_name', '=', 'Nattvandrarna Norrköping')
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    const one = await openPage(browser, server.url);
    const two = await openPage(browser, server.url, PHONE);
    await Promise.all([signInAsFatima(one.page), signInAsFatima(two.page)]);
    for (const { page } of [one, two]) {
      await page.goto(`/applications/${draft.id}`);
      await settledAndAccessible(page, 'Ansökan');
    }

    await one.page.getByLabel('Titel').fill('Nattvandring i Hageby');
    await saved(one.page);

    await two.page.getByLabel('Titel').fill('Nattvandring i Navestad');
    const notice = two.page.getByRole('alert').filter({ hasText: 'Någon annan har ändrat ansökan' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Fatima Föreningsaktiv sparade ändringar');
    const row = notice.getByRole('row', { name: /^Titel/ });
    expect(await row.textContent()).toContain('Nattvandring i Navestad');
    expect(await row.textContent()).toContain('Nattvandring i Hageby');
    await axe(two.page, 'edit conflict');
    const { scroll, width } = await two.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(scroll).toBeLessThanOrEqual(width);

    await notice.getByRole('button', { name: 'Behåll min version' }).click();
    await saved(two.page);
    await notice.waitFor({ state: 'detached' });
    const stored = await server.db.kysely.selectFrom('applications').select('title').where('id', '=', draft.id).executeTakeFirstOrThrow();
    expect(stored.title).toBe('Nattvandring i Navestad');

    // The first one now meets the second one's save, and takes it.
    await one.page.getByLabel('Vad uppdraget är').fill('Vuxna ute fredag och lördag kväll.');
    const back = one.page.getByRole('alert').filter({ hasText: 'Någon annan har ändrat ansökan' });
    await back.waitFor();
    await back.getByRole('button', { name: 'Använd den sparade versionen' }).click();
    expect(await one.page.getByLabel('Titel').inputValue()).toBe('Nattvandring i Navestad');
    await axe(one.page, 'conflict resolved');
    expect(scriptErrors(one.page)).toEqual([]);
    expect(scriptErrors(two.page)).toEqual([]);
    await one.context.close();
    await two.context.close();
  });
});
