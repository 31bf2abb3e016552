// Signing in and out, the language switch, and a forgotten password, in Chromium
// against the real server; every page visited is scanned with axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, scriptErrors, settledAndAccessible } from '../support/browser.ts';

let server: TestApp & { url: string };
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ jobs: {} }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('signing in', () => {
  it('shows the server message on a wrong password, then lands on the role start page; keyboard only', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await page.goto('/sign-in');
    await settledAndAccessible(page, 'Logga in');
    expect(await page.title()).toBe('Logga in – Samverka');

    // The first Tab reaches the skip link; Enter moves focus into the main content.
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('main');

    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('sign-in-email');
    await page.keyboard.type('handlaggare@norrkoping.example');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('sign-in-password');
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');

    // The error summary takes focus and says what the server said; what was typed stays.
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.textContent()).toContain('Fel e-postadress eller lösenord.');
    expect(await page.locator('#sign-in-email').inputValue()).toBe('handlaggare@norrkoping.example');
    await axe(page, 'sign-in with an error');

    // Shift+Tab back to the password field, replace it, submit with Enter.
    await page.locator('#sign-in-password').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('samverka-demo');
    await page.keyboard.press('Enter');

    await settledAndAccessible(page, 'Hej Hanna Handläggare');
    expect(new URL(page.url()).pathname).toBe('/');
    const funder = page.getByRole('region', { name: 'Socialnämnden, Norrköpings kommun' });
    await funder.getByRole('heading', { level: 3, name: 'Handläggare' }).waitFor();
    expect(await page.title()).toBe('Start – Samverka');

    // Sign out from the account menu, with the keyboard too.
    await page.getByRole('button', { name: /Hanna Handläggare/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Logga ut', exact: true }).waitFor();
    await axe(page, 'account menu open');
    await page.keyboard.press('Enter');
    await settledAndAccessible(page, 'Logga in');
    await page.getByText('Du är utloggad.').waitFor();
    const session = await page.evaluate(() => fetch('/api/session').then((r) => r.json()));
    expect(session.user).toBeNull();

    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('says an account is locked after five wrong passwords', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await page.goto('/sign-in');
    await page.getByLabel('E-postadress').fill('ekonomi@norrkoping.example');
    const summary = page.locator('.error-summary');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Lösenord').fill(`wrong-${i}`);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await expect.poll(() => summary.textContent()).toMatch(i < 4 ? /Fel e-postadress/ : /Kontot är låst/);
    }
    await axe(page, 'sign-in, account locked');
    await context.close();
  });

  it('signs out everywhere, ending the sessions of other browsers too', { timeout: 120_000 }, async () => {
    const first = await openPage(browser, server.url);
    const second = await openPage(browser, server.url);
    for (const { page } of [first, second]) {
      await page.goto('/sign-in');
      await page.getByLabel('E-postadress').fill('strateg@norrkoping.example');
      await page.getByLabel('Lösenord').fill('samverka-demo');
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hej Sara Strateg' }).waitFor();
    }
    await first.page.getByRole('button', { name: /Sara Strateg/ }).click();
    await first.page.getByRole('menuitem', { name: 'Logga ut överallt' }).click();
    await first.page.getByText('Du är utloggad på alla enheter.').waitFor();

    await second.page.reload();
    await settledAndAccessible(second.page, 'Välkommen till Samverka');
    await first.context.close();
    await second.context.close();
  });

  it('explains a failed sign-in with the organisation account', async () => {
    const { context, page } = await openPage(browser, server.url);
    await page.goto('/sign-in?error=oidc_no_account&email=ny%40norrkoping.example&funder=Socialn%C3%A4mnden');
    await settledAndAccessible(page, 'Logga in');
    await page.getByRole('alert').filter({ hasText: 'Det finns inget Samverka-konto för ny@norrkoping.example hos Socialnämnden' }).waitFor();
    await context.close();
  });
});

describe('language', () => {
  it('switches to English, remembers it across a reload and gets server messages in English', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await page.goto('/sign-in');
    await settledAndAccessible(page, 'Logga in');
    expect(await page.getAttribute('html', 'lang')).toBe('sv');

    const english = page.getByRole('button', { name: 'English' });
    expect(await english.getAttribute('lang')).toBe('en');
    await english.click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    // The server was told: its language cookie is English before the reload.
    await expect.poll(() => page.evaluate(() => document.cookie)).toContain('samverka_lang=en');
    await page.reload();
    await settledAndAccessible(page, 'Sign in');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe('Sign in – Samverka');

    await page.getByLabel('E-mail address').fill('bedomare@norrkoping.example');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Wrong e-mail address or password.');
    await axe(page, 'sign-in in English with an error');

    // The server's own title is English too, not only the app's choice of message.
    const title = await page.evaluate(async () => {
      const csrf = document.cookie.match(/samverka_csrf=([^;]+)/)?.[1] ?? '';
      const r = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
        body: JSON.stringify({ email: 'nobody@example.org', password: 'x' }),
      });
      return (await r.json()).title;
    });
    expect(title).toBe('Wrong e-mail address or password.');

    // A Swedish-speaking account signing in here keeps the English chosen in this browser.
    await page.getByLabel('Password').fill('samverka-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await settledAndAccessible(page, 'Hello Bo Bedömare');
    await page.getByRole('heading', { level: 3, name: 'Reviewer' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.cookie)).toContain('samverka_lang=en');

    // And back to Swedish.
    const swedish = page.getByRole('button', { name: 'Svenska' });
    expect(await swedish.getAttribute('lang')).toBe('sv');
    await swedish.click();
    await page.getByRole('heading', { level: 1, name: 'Hej Bo Bedömare' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('forgotten password', () => {
  it('mails a reset link that sets a new password', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Glömt lösenordet?' }).click();
    await settledAndAccessible(page, 'Glömt lösenordet');
    await page.getByLabel('E-postadress').fill('namnd@norrkoping.example');
    await page.getByRole('button', { name: 'Skicka länk' }).click();
    await page.getByText('Om det finns ett konto för namnd@norrkoping.example har vi skickat en länk dit.').waitFor();
    await axe(page, 'forgot password, sent');

    await page.getByRole('link', { name: 'Öppna brevlådan (demo)' }).click();
    await settledAndAccessible(page, 'Brevlåda (demo)');
    await page.getByRole('link', { name: 'Återställ ditt lösenord i Samverka' }).click();
    await settledAndAccessible(page, 'Återställ ditt lösenord i Samverka');
    const link = page.getByRole('link', { name: /\/reset-password\?token=/ });
    await link.click();

    await settledAndAccessible(page, 'Välj nytt lösenord');
    await page.getByLabel('Nytt lösenord').fill('kort');
    await page.getByRole('button', { name: 'Spara nytt lösenord' }).click();
    await page.locator('#reset-password-error').getByText('Lösenordet behöver minst 10 tecken.').waitFor();
    expect(await page.getByLabel('Nytt lösenord').getAttribute('aria-invalid')).toBe('true');
    await axe(page, 'reset password with an error');

    await page.getByLabel('Nytt lösenord').fill('en ny lång mening om nämnden');
    await page.getByRole('button', { name: 'Spara nytt lösenord' }).click();
    await page.getByText('Lösenordet är bytt.').waitFor();
    await page.getByRole('link', { name: 'Logga in med det nya lösenordet' }).click();
    await page.getByLabel('E-postadress').fill('namnd@norrkoping.example');
    await page.getByLabel('Lösenord').fill('en ny lång mening om nämnden');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await settledAndAccessible(page, 'Hej Nils Nämndordförande');
    await page.getByRole('heading', { level: 3, name: 'Beslutsfattare' }).waitFor();
    await context.close();
  });
});
