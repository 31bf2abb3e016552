// The caseworker goes from the start page's queue of reports to review to the funder's list of
// reports, already filtered; she switches to the overdue ones with the keyboard and opens one.
// The grants, agreements and report states are made through the API and the rows, as before her.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { today, world } from '../support/agreements.ts';
import { startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, scriptErrors, settledAndAccessible, signIn } from '../support/browser.ts';
import { reportOf, setReport } from '../support/report-rows.ts';

let server: TestApp & { url: string };
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the funder’s follow-up reports', () => {
  it('open from the start page’s queue filtered as the queue is, switch filter by keyboard, and lead to the report', { timeout: 120_000 }, async () => {
    const w = await world(server);
    const hageby = await w.organisation('Ungdomens hus Łódź–Hageby 🌍');
    const vivalla = await w.organisation('نادي شباب هاجبي – Vivalla');
    const first = await w.granted(hageby, ore(8_000_000));
    const submittedId = await reportOf(server, (await w.signed(hageby, first.applicationId)).id, 'interim', addDays(today(), -5));
    await setReport(server, submittedId, { status: 'submitted' });
    const second = await w.granted(vivalla, ore(5_000_000));
    const overdueId = await reportOf(server, (await w.signed(vivalla, second.applicationId)).id, 'interim', addDays(today(), -20));

    const { page } = await openPage(browser, server.url);
    const errors = scriptErrors(page);
    await signIn(page, 'handlaggare@norrkoping.example', 'Hanna Handläggare');
    const queue = page
      .getByRole('region', { name: 'Det här väntar på dig' })
      .getByRole('listitem')
      .filter({
        has: page.getByRole('heading', { name: /Rapporter att granska/ }),
      });
    await queue.getByRole('link', { name: 'Visa alla: rapporter att granska' }).click();
    await settledAndAccessible(page, 'Uppföljningsrapporter');
    expect(new URL(page.url()).search).toBe('?status=to_review');
    const filters = page.getByRole('navigation', { name: 'Visa rapporter' });
    expect(await filters.getByRole('link', { name: 'Att granska' }).getAttribute('aria-current')).toBe('page');
    const table = page.getByRole('table', { name: 'Rapporter att granska' });
    const submitted = table.getByRole('row').filter({ hasText: hageby.name });
    await expect(submitted.getByRole('cell').nth(3).textContent()).resolves.toContain('Inlämnad, väntar på granskning');
    expect(await table.getByRole('row').filter({ hasText: vivalla.name }).count()).toBe(0);

    // The other filter with the keyboard alone: the overdue report says so in words.
    await filters.getByRole('link', { name: 'Försenade' }).focus();
    await page.keyboard.press('Enter');
    const overdue = page.getByRole('table', { name: 'Försenade rapporter' });
    await overdue.waitFor();
    expect(new URL(page.url()).search).toBe('?status=overdue');
    const late = overdue.getByRole('row').filter({ hasText: vivalla.name });
    await expect(late.textContent()).resolves.toContain('Försenad');
    await axe(page, 'overdue reports');

    await late.getByRole('link', { name: /Delrapport/ }).click();
    await page.waitForURL(`**/reports/${overdueId}`);
    await settledAndAccessible(page, /Delrapport/);
    expect(errors).toEqual([]);
  });
});
