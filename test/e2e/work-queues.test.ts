// A caseworker's start page says what needs her, with counts and the oldest first, and links to the
// work; she chooses her notification mails with the keyboard alone.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '../../src/db/scope.ts';
import { Client, startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, scriptErrors, settledAndAccessible, signIn } from '../support/browser.ts';
import { submitApplication } from '../support/submit.ts';

let server: TestApp & { url: string };
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('work queues on the start page', () => {
  it('show the caseworker counts and the oldest items, link to the work, and take a notification choice by keyboard', { timeout: 120_000 }, async () => {
    const db = server.db.kysely;
    const call = await db.selectFrom('calls').select('id').where('title', '=', 'Extra föreningsstöd mot utanförskap').executeTakeFirstOrThrow();
    const org = await db.selectFrom('organisations').select('id').where('org_number', '=', '802000-1239').executeTakeFirstOrThrow();
    const applicant = new Client(server.app);
    await applicant.login('forening@nattvandrarna.example');
    const submitted = await submitApplication(applicant, call.id, org.id, {
      title: 'Nattvandring i Hageby',
      contact: { name: 'Fatima Föreningsaktiv', email: 'forening@nattvandrarna.example' },
    });

    const { page } = await openPage(browser, server.url);
    const errors = scriptErrors(page);
    await signIn(page, 'handlaggare@norrkoping.example', 'Hanna Handläggare');
    const work = page.getByRole('region', { name: 'Det här väntar på dig' });
    await work.waitFor();
    const toScreen = work.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Ansökningar att pröva/ }) });
    // The demo's application from Läxhjälpen i Hageby came first, and is listed first.
    await expect(toScreen.getByRole('heading', { level: 4 }).textContent()).resolves.toBe('Ansökningar att pröva 2 väntar');
    const screenLinks = await toScreen.getByRole('link').allTextContents();
    expect(screenLinks.slice(0, 2)).toEqual([expect.stringContaining('Läxhjälp i Hageby hela läsåret'), expect.stringContaining('Nattvandring i Hageby')]);
    const approvals = work.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Godkännanden att besluta om/ }) });
    await expect(approvals.getByRole('heading', { level: 4 }).textContent()).resolves.toBe('Godkännanden att besluta om 1 väntar');
    await approvals.getByRole('link', { name: 'Bidragsberättigad: Matteus församling Norrköping' }).waitFor();
    const completions = work.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Besvarade kompletteringar/ }) });
    await completions.getByText('Inget väntar just nu.').waitFor();
    await axe(page, 'start page with work queues');

    await toScreen.getByRole('link', { name: `${submitted.caseNumber} Nattvandring i Hageby` }).click();
    await settledAndAccessible(page, new RegExp(submitted.caseNumber));
    expect(new URL(page.url()).pathname).toBe(`/applications/${submitted.id}/assessment`);

    // The account menu leads to the choice of mails; a different choice is made and saved with the keyboard.
    await page.getByRole('button', { name: /Hanna Handläggare/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Dina e-postval' }).waitFor();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await settledAndAccessible(page, 'Dina e-postval');
    const group = page.getByRole('group', { name: 'En ansökan kommer in' });
    expect(await group.getByRole('radio', { name: /En sammanfattning om dagen/ }).isChecked()).toBe(true);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name === 'application_submitted')) break;
    }
    await page.keyboard.press('ArrowUp');
    expect(await group.getByRole('radio', { name: /Ett brev varje gång/ }).isChecked()).toBe(true);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.textContent === 'Spara valen')) break;
    }
    await page.keyboard.press('Enter');
    await page.getByText('Dina val är sparade.').waitFor();
    await axe(page, 'notification choices saved');
    const saved = await system(server.db, (tx) =>
      tx
        .selectFrom('notification_preferences')
        .innerJoin('users', 'users.id', 'notification_preferences.user_id')
        .select(['event', 'delivery'])
        .where('users.email', '=', 'handlaggare@norrkoping.example')
        .execute(),
    );
    expect(saved).toEqual([{ event: 'application_submitted', delivery: 'each' }]);
    expect(errors).toEqual([]);
  });
});
