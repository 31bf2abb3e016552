// An association's member chooses, on a phone and with the keyboard, not to be reminded before a report
// is due, and reads which mails are always sent; with a report overdue, the association's payments page
// and the agreement say that payments are held and lead to the report, and finance's list of what is due
// shows the instalment held with the reason. Every page visited is scanned with axe.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/db/scope.ts';
import { addDays } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { today, world } from '../support/agreements.ts';
import { startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, PHONE, scriptErrors, settledAndAccessible, signIn } from '../support/browser.ts';
import { reportOf } from '../support/report-rows.ts';

let server: TestApp & { url: string };
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const longDate = (d: string) => new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));
const plain = (text: string | null) => (text ?? '').replace(/\s+/gu, ' ').trim();

describe('mail choices and the payment hold of an overdue report', () => {
  it('let a member turn the reminder off on a phone, and show the hold to the association and to finance', { timeout: 180_000 }, async () => {
    const w = await world(server);
    const org = await w.organisation('Föreningen Ümit & Łódź 🌙');
    const g = await w.granted(org, ore(3_500_000));
    const a = await w.signed(org, g.applicationId);
    const dueOn = addDays(today(), -3);
    const reportId = await reportOf(server, a.id, 'final', dueOn);

    // The member, on a phone, finds the choice of mails in the account menu and makes it with the keyboard.
    const { page } = await openPage(browser, server.url, PHONE);
    const errors = scriptErrors(page);
    await signIn(page, org.signatoryEmail, org.signatoryName);
    await page.getByRole('button', { name: new RegExp(org.signatoryName) }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Dina e-postval' }).waitFor();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await settledAndAccessible(page, 'Dina e-postval');
    const group = page.getByRole('group', { name: 'Påminnelse innan en uppföljningsrapport ska lämnas in' });
    // Sent or not: an association's reminder is never gathered in a daily summary.
    expect(await group.getByRole('radio').count()).toBe(2);
    expect(await group.getByRole('radio', { name: /Ett brev varje gång/ }).isChecked()).toBe(true);
    const always = page.getByRole('region', { name: 'Brev som alltid skickas' });
    await always.getByText('När en uppföljningsrapport är försenad: inga utbetalningar görs förrän den är inlämnad').waitFor();
    await always.getByText('När handläggaren ber om en komplettering').waitFor();
    // A member is not staff: nothing about new work or agreements they drafted.
    expect(await page.getByRole('heading', { name: 'Nytt arbete' }).count()).toBe(0);
    expect(await always.getByText('Kommentarer från föreningen på en överenskommelse du har skrivit').count()).toBe(0);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'report_due_soon')) break;
    }
    await page.keyboard.press('ArrowDown');
    expect(await group.getByRole('radio', { name: /Inget brev/ }).isChecked()).toBe(true);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.textContent === 'Spara valen')) break;
    }
    await page.keyboard.press('Enter');
    await page.getByText('Dina val är sparade.').waitFor();
    await axe(page, 'mail choices saved');
    const saved = await system(server.db, (tx) =>
      tx
        .selectFrom('notification_preferences')
        .innerJoin('users', 'users.id', 'notification_preferences.user_id')
        .select(['event', 'delivery'])
        .where('users.email', '=', org.signatoryEmail)
        .execute(),
    );
    expect(saved).toEqual([{ event: 'report_due_soon', delivery: 'none' }]);

    // The association's payments page says the agreement's payments are held, and why.
    await page.goto(`/organisations/${org.id}/payments`);
    await settledAndAccessible(page, 'Avtal och utbetalningar');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Överenskommelse ${a.number}` }) });
    const notice = card.locator('.notice-warning');
    expect(plain(await notice.textContent())).toContain(
      `Slutrapporten skulle ha lämnats in senast ${longDate(dueOn)} och har inte kommit in. Inget betalas ut på överenskommelsen förrän den är inlämnad.`,
    );
    expect(await notice.getByRole('link', { name: 'Till rapporten' }).getAttribute('href')).toBe(`/reports/${reportId}`);

    // So does the agreement.
    await page.goto(`/agreements/${a.id}`);
    await settledAndAccessible(page, new RegExp(a.number));
    await page.getByText(`Slutrapporten skulle ha lämnats in senast ${longDate(dueOn)}`).waitFor();
    expect(errors).toEqual([]);

    // Finance sees the instalment held, with the reason and the way to the report.
    const finance = await openPage(browser, server.url);
    const financeErrors = scriptErrors(finance.page);
    await signIn(finance.page, 'ekonomi@norrkoping.example', 'Erik Ekonom');
    await finance.page.goto(`/funders/${w.sn}/payments`);
    await settledAndAccessible(finance.page, 'Utbetalningar');
    const row = finance.page.getByRole('row').filter({ hasText: a.number });
    const reason = row.getByRole('link', { name: `Försenad slutrapport: skulle ha lämnats senast ${longDate(dueOn)}` });
    await reason.waitFor();
    expect(await reason.getAttribute('href')).toBe(`/reports/${reportId}`);
    // It is not offered for a run.
    expect(await finance.page.getByRole('checkbox', { name: new RegExp(a.number) }).count()).toBe(0);
    expect(financeErrors).toEqual([]);
  });
});
