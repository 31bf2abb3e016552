// An administrator invites a colleague, the invitation mail arrives in the local
// mailbox, and the colleague accepts it in a browser of their own.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, PHONE, scriptErrors, settledAndAccessible, signIn } from '../support/browser.ts';

let server: TestApp & { url: string };
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ jobs: {} }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const FUNDER = 'Socialnämnden, Norrköpings kommun';

/** The mailbox page refreshes itself; the mail worker delivers within a few seconds. */
async function openMail(page: Page, subject: string, to: string) {
  await page.getByRole('navigation').getByRole('link', { name: 'Brevlåda (demo)' }).click();
  await settledAndAccessible(page, 'Brevlåda (demo)');
  const item = page.locator('.mail-item').filter({ hasText: to }).filter({ hasText: subject });
  await item.waitFor({ timeout: 20_000 });
  await item.getByRole('link', { name: subject }).click();
  await settledAndAccessible(page, subject);
}

describe('inviting a colleague', () => {
  it('admin invites a caseworker, who accepts from the mail and lands signed in with the role', { timeout: 120_000 }, async () => {
    const admin = await openPage(browser, server.url);
    await signIn(admin.page, 'admin@norrkoping.example', 'Åsa Administratör');
    await admin.page.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Hantera användare och roller' }).click();
    await settledAndAccessible(admin.page, 'Användare och roller');
    expect(await admin.page.title()).toBe('Användare och roller – Samverka');

    // A wrong address first: the message is on the e-mail field.
    const invite = admin.page.getByRole('region', { name: 'Bjud in en medarbetare' });
    await invite.getByLabel('E-postadress').fill('ny.kollega@');
    await invite.getByLabel('Roll').selectOption({ label: 'Handläggare' });
    await invite.getByRole('button', { name: 'Skicka inbjudan' }).click();
    await admin.page.locator('#invite-email-error').waitFor();
    expect(await invite.getByLabel('E-postadress').getAttribute('aria-invalid')).toBe('true');
    await axe(admin.page, 'invite with an error');

    await invite.getByLabel('E-postadress').fill('ny.kollega@norrkoping.example');
    await invite.getByRole('button', { name: 'Skicka inbjudan' }).click();
    await invite.getByText('En inbjudan har skickats till ny.kollega@norrkoping.example som Handläggare.').waitFor();
    const pending = admin.page.getByRole('region', { name: 'Väntande inbjudningar' });
    await pending.getByText('ny.kollega@norrkoping.example').waitFor();
    await axe(admin.page, 'users page after inviting');

    const subject = `Inbjudan till ${FUNDER} i Samverka`;
    await openMail(admin.page, subject, 'ny.kollega@norrkoping.example');
    const body = admin.page.locator('.mail-body');
    expect(await body.textContent()).toContain('Åsa Administratör har bjudit in dig att arbeta i Samverka');
    const link = body.getByRole('link', { name: /\/invitation\?token=/ });
    const href = await link.getAttribute('href');
    expect(href).toMatch(new RegExp(`^${server.url}/invitation\\?token=[\\w-]+$`));

    // The colleague opens the link in a browser of their own, on a phone.
    const invitee = await openPage(browser, server.url, PHONE);
    await invitee.page.goto(href as string);
    await settledAndAccessible(invitee.page, `Inbjudan till ${FUNDER}`);
    expect(await invitee.page.locator('main').textContent()).toContain(
      `${FUNDER} har bjudit in ny.kollega@norrkoping.example att arbeta i Samverka som handläggare.`,
    );
    await invitee.page.getByRole('button', { name: 'Skapa konto och ta emot inbjudan' }).click();
    await invitee.page.locator('.error-summary').getByRole('link', { name: 'Namn: Fyll i det här fältet.' }).waitFor();
    await axe(invitee.page, 'invitation with errors');

    await invitee.page.getByLabel('Namn').fill('Nora Nyanställd');
    await invitee.page.getByLabel('Nytt lösenord').fill('trygghet i hela staden');
    await invitee.page.getByRole('button', { name: 'Skapa konto och ta emot inbjudan' }).click();
    await settledAndAccessible(invitee.page, 'Hej Nora Nyanställd');
    await invitee.page.getByText(`Välkommen! Du arbetar nu för ${FUNDER} som handläggare.`).waitFor();
    await invitee.page.getByRole('region', { name: FUNDER }).getByRole('heading', { level: 3, name: 'Handläggare' }).waitFor();
    const session = await invitee.page.evaluate(() => fetch('/api/session').then((r) => r.json()));
    expect(session.user.funders).toEqual([expect.objectContaining({ funderName: FUNDER, role: 'caseworker' })]);

    // The link works once.
    const again = await openPage(browser, server.url);
    await again.page.goto(href as string);
    await again.page.getByRole('alert').getByText('Länken är ogiltig eller har redan använts.').waitFor();
    await axe(again.page, 'used invitation');
    await again.context.close();

    // Back at the administrator's: the new colleague is a member, and the invitation is no longer pending.
    await admin.page.goto('/');
    await admin.page.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Hantera användare och roller' }).click();
    const card = admin.page.locator('.member').filter({ hasText: 'ny.kollega@norrkoping.example' });
    await card.getByRole('heading', { name: 'Nora Nyanställd' }).waitFor();
    expect(await card.getByRole('checkbox', { name: 'Handläggare' }).isChecked()).toBe(true);
    await admin.page.getByRole('region', { name: 'Väntande inbjudningar' }).getByText('Inga inbjudningar väntar på svar.').waitFor();

    expect(scriptErrors(admin.page)).toEqual([]);
    expect(scriptErrors(invitee.page)).toEqual([]);
    await invitee.context.close();
    await admin.context.close();
  });

  it('someone who already has an account signs in first and comes back to accept', { timeout: 120_000 }, async () => {
    const admin = await openPage(browser, server.url);
    await signIn(admin.page, 'admin@norrkoping.example', 'Åsa Administratör');
    await admin.page.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Hantera användare och roller' }).click();
    const invite = admin.page.getByRole('region', { name: 'Bjud in en medarbetare' });
    await invite.getByLabel('E-postadress').fill('handlaggare@norrkoping.example');
    await invite.getByLabel('Roll').selectOption('reviewer');
    await invite.getByRole('button', { name: 'Skicka inbjudan' }).click();
    await invite.getByText('En inbjudan har skickats till handlaggare@norrkoping.example som Bedömare.').waitFor();

    // Inviting her again to a role she already has is refused on the e-mail field.
    await invite.getByLabel('E-postadress').fill('handlaggare@norrkoping.example');
    await invite.getByLabel('Roll').selectOption('caseworker');
    await invite.getByRole('button', { name: 'Skicka inbjudan' }).click();
    await admin.page.locator('#invite-email-error').getByText('handlaggare@norrkoping.example har redan rollen handläggare här.').waitFor();
    await axe(admin.page, 'invite an existing member');

    await openMail(admin.page, `Inbjudan till ${FUNDER} i Samverka`, 'handlaggare@norrkoping.example');
    const href = (await admin.page.locator('.mail-body a').getAttribute('href')) as string;

    const hanna = await openPage(browser, server.url);
    await hanna.page.goto(href);
    await settledAndAccessible(hanna.page, `Inbjudan till ${FUNDER}`);
    await hanna.page.getByText('Det finns redan ett konto för handlaggare@norrkoping.example. Logga in först').waitFor();
    await hanna.page.getByRole('link', { name: 'Logga in för att ta emot inbjudan' }).click();
    await settledAndAccessible(hanna.page, 'Logga in');
    expect(await hanna.page.getByLabel('E-postadress').inputValue()).toBe('handlaggare@norrkoping.example');
    await hanna.page.getByLabel('Lösenord').fill('samverka-demo');
    await hanna.page.getByRole('button', { name: 'Logga in' }).click();

    await settledAndAccessible(hanna.page, `Inbjudan till ${FUNDER}`);
    await hanna.page.getByRole('button', { name: 'Ta emot inbjudan' }).click();
    await settledAndAccessible(hanna.page, 'Hej Hanna Handläggare');
    const funder = hanna.page.getByRole('region', { name: FUNDER });
    await funder.getByRole('heading', { level: 3, name: 'Bedömare' }).waitFor();
    await funder.getByRole('heading', { level: 3, name: 'Handläggare' }).waitFor();
    await hanna.context.close();
    await admin.context.close();
  });

  it('admin changes roles with a reason, which the member history shows', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signIn(page, 'admin@norrkoping.example', 'Åsa Administratör');
    await page.goto('/');
    await page.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Hantera användare och roller' }).click();
    await settledAndAccessible(page, 'Användare och roller');

    const card = page.locator('.member').filter({ hasText: 'bedomare@norrkoping.example' });
    const roles = card.getByRole('group', { name: 'Roller för Bo Bedömare' });
    await roles.getByRole('checkbox', { name: 'Analytiker' }).check();
    await card.getByLabel('Motivering').fill('Ska även följa upp effekterna per område');
    await card.getByRole('button', { name: 'Spara roller för Bo Bedömare' }).click();
    await card.getByText('Rollerna för Bo Bedömare är sparade.').waitFor();

    const toggle = card.getByRole('button', { name: 'Visa historik för Bo Bedömare' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await card.getByRole('button', { name: 'Dölj historik för Bo Bedömare' }).getAttribute('aria-expanded')).toBe('true');
    const latest = card.locator('.audit-entry').first();
    await latest.getByText('Rollerna ändrades').waitFor();
    expect(await latest.textContent()).toContain('Motivering: Ska även följa upp effekterna per område');
    expect(await latest.textContent()).toContain('Roller efter: Bedömare, Analytiker');
    expect(await latest.textContent()).toContain('av admin@norrkoping.example');
    await axe(page, 'member history');

    // The last administrator cannot give the role away: the message sits on the role group.
    const own = page.locator('.member').filter({ has: page.getByRole('heading', { name: 'Åsa Administratör' }) });
    const ownRoles = own.getByRole('group', { name: 'Roller för Åsa Administratör' });
    await ownRoles.getByRole('checkbox', { name: 'Administratör' }).uncheck();
    await ownRoles.getByRole('checkbox', { name: 'Handläggare' }).check();
    await own.getByRole('button', { name: 'Spara roller för Åsa Administratör' }).click();
    await own.locator('.field-error').getByText('Det måste finnas minst en administratör kvar.').waitFor();
    await axe(page, 'last administrator');
    await context.close();
  });

  it('admin sets the deciding committee and the most a delegate may decide', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signIn(page, 'admin@norrkoping.example', 'Åsa Administratör');
    await page.goto('/');
    await page.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Hantera användare och roller' }).click();
    await settledAndAccessible(page, 'Användare och roller');
    const rules = page.getByRole('region', { name: 'Beslutsordning' });
    expect(await rules.getByLabel('Beslutande organ').inputValue()).toBe('Socialnämnden');
    await rules.getByLabel('Högsta belopp på delegation').fill('femtio');
    await rules.getByRole('button', { name: 'Spara beslutsordningen' }).click();
    await rules.locator('.field-error').first().waitFor();
    await axe(page, 'decision rules with an error');
    await rules.getByLabel('Högsta belopp på delegation').fill('150 000');
    await rules.getByRole('button', { name: 'Spara beslutsordningen' }).click();
    await rules.getByText(/En delegat får besluta om högst 150\s000\skr/).waitFor();
    const funder = await server.db.kysely.selectFrom('funders').select('delegation_limit').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow();
    expect(funder.delegation_limit).toBe(15_000_000);
    await axe(page, 'decision rules saved');
    await context.close();
  });
});
