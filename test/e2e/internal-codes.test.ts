// The scan every browser test runs on each page it visits also refuses a page that shows an internal code:
// here a page made to show some, beside the same page as it is.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, settledAndAccessible } from '../support/browser.ts';

let server: TestApp & { url: string };
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ seed: false }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the page scan', () => {
  it('passes the start page, and names the codes on a page that shows them', async () => {
    const { context, page } = await openPage(browser, server.url);
    await page.goto('/');
    await settledAndAccessible(page, /.+/);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Vad som ändrats: maxAmount. Beslut: partially_approved (Europe/Stockholm). Skriv till young_people@example.se.';
      document.querySelector('main')?.append(p);
    });
    await expect(axe(page, 'the start page')).rejects.toThrow(
      'the start page shows internal codes instead of words: maxAmount, partially_approved, Europe/Stockholm',
    );
    await context.close();
  });
});
