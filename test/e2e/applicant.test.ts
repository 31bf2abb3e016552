// An applicant creates an account and registers an association, on a desktop
// and on a phone; every page visited is scanned with axe.
import OrganisationsnummerModule from 'organisationsnummer';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestApp } from '../support/app.ts';
import { axe, expireSession, launchBrowser, openPage, PHONE, scriptErrors, settledAndAccessible } from '../support/browser.ts';

const Organisationsnummer = OrganisationsnummerModule as unknown as typeof OrganisationsnummerModule.default;

let server: TestApp & { url: string };
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer({ jobs: {} }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Nothing sticks out sideways: the page fits the viewport's width. */
async function fitsWidth(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `page is ${scroll}px wide in a ${width}px viewport`).toBeLessThanOrEqual(width);
}

async function createAccount(page: Page, name: string, email: string) {
  await page.goto('/');
  await settledAndAccessible(page, 'Välkommen till Samverka');
  await fitsWidth(page);
  await page.getByRole('main').getByRole('link', { name: 'Skapa ett konto för din förening' }).click();
  await settledAndAccessible(page, 'Skapa konto');
  await fitsWidth(page);

  // An empty submit: every field says what is missing, and the summary links to them.
  await page.getByRole('button', { name: 'Skapa konto' }).click();
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  expect(await summary.getByRole('link').allTextContents()).toEqual([
    'Namn: Fyll i det här fältet.',
    'E-postadress: Fyll i det här fältet.',
    'Nytt lösenord: Fyll i det här fältet.',
  ]);
  await axe(page, 'register account, empty submit');
  await summary.getByRole('link', { name: /^E-postadress/ }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('register-email');

  await page.getByLabel('Namn').fill(name);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Nytt lösenord').fill('nattvandring');
  await page.getByRole('button', { name: 'Skapa konto' }).click();
  await page.getByText('Ditt konto är skapat och du är inloggad.').waitFor();
  await settledAndAccessible(page, `Hej ${name}`);
  await fitsWidth(page);
}

async function registerOrganisation(page: Page, orgNumber: string, name: string) {
  await page.getByRole('main').getByRole('link', { name: 'Registrera en organisation' }).click();
  await settledAndAccessible(page, 'Registrera organisation');
  await fitsWidth(page);

  // An invalid organisationsnummer: the message sits on that field, and everything typed stays.
  await page.getByLabel('Organisationsnummer').fill('802479-4954');
  await page.getByLabel('Organisationens namn').fill(name);
  await page.getByLabel('Organisationsform').selectOption({ label: 'Ideell förening' });
  await page.getByLabel('Kommun').fill('Norrköping');
  await page.getByRole('button', { name: 'Registrera organisation' }).click();
  const orgField = page.getByLabel('Organisationsnummer');
  await page.locator('#organisation-orgNumber-error').getByText('Organisationsnumret ”802479-4954” är inte giltigt.').waitFor();
  expect(await orgField.getAttribute('aria-invalid')).toBe('true');
  expect(await orgField.getAttribute('aria-describedby')).toContain('organisation-orgNumber-error');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
  expect(await orgField.inputValue()).toBe('802479-4954');
  expect(await page.getByLabel('Organisationens namn').inputValue()).toBe(name);
  expect(await page.getByLabel('Organisationsform').inputValue()).toBe('ideell_forening');
  expect(await page.getByLabel('Kommun').inputValue()).toBe('Norrköping');
  await axe(page, 'register organisation, invalid number');
  await fitsWidth(page);

  // A personal identity number is not an organisation number, and the message says how to tell them apart.
  await orgField.fill('811218-9876');
  await page.getByRole('button', { name: 'Registrera organisation' }).click();
  await page.locator('#organisation-orgNumber-error').getByText('”811218-9876” är ett personnummer, inte ett organisationsnummer').waitFor();
  // A limited company's number for an ideell förening: the first digit says which kind of legal person it is.
  await orgField.fill('556036-0793');
  await page.getByRole('button', { name: 'Registrera organisation' }).click();
  await page.locator('#organisation-orgNumber-error').getByText('Organisationsnummer som börjar på 5 ges till aktiebolag').waitFor();
  expect(await page.getByLabel('Organisationens namn').inputValue()).toBe(name);

  // A number already in Samverka: the server's answer lands on the same field.
  await orgField.fill('802000-1239');
  await page.getByRole('button', { name: 'Registrera organisation' }).click();
  await page.locator('#organisation-orgNumber-error').getByText('En organisation med organisationsnummer 802000-1239 finns redan i Samverka.').waitFor();
  expect(await page.getByLabel('Organisationens namn').inputValue()).toBe(name);
  await axe(page, 'register organisation, already registered');

  await orgField.fill(orgNumber);
  await page.getByRole('button', { name: 'Registrera organisation' }).click();
  await settledAndAccessible(page, name);
  expect(new URL(page.url()).pathname).toMatch(/^\/organisations\/[0-9a-f-]{36}$/);
  await page.getByText(`${name} är registrerad och du är dess första medlem.`).waitFor();
  const history = page.getByRole('region', { name: 'Historik' });
  await history.getByText('Organisationen registrerades').waitFor();
  expect(await history.textContent()).toContain(`Organisationsnummer: ${orgNumber}`);
  expect(await page.locator('.facts').textContent()).toContain('Ideell förening');
  await fitsWidth(page);

  // The start page now lists the organisation.
  await page.getByRole('navigation').getByRole('link', { name: 'Start' }).click();
  await page.getByRole('region', { name: 'Dina organisationer' }).getByRole('link', { name, exact: true }).waitFor();
}

describe('an applicant', () => {
  it('uses a valid organisationsnummer that is not in the demo data', () => {
    for (const n of ['802479-4953', '802512-1230']) expect(Organisationsnummer.valid(n)).toBe(true);
    expect(Organisationsnummer.valid('802479-4954')).toBe(false);
  });

  const journeys: [string, BrowserContextOptions, string, string][] = [
    ['on a desktop', {}, '802479-4953', 'Läxhjälpen i Hageby'],
    ['on a phone (360 × 740)', PHONE, '802512-1230', 'Nattfotboll Navestad'],
  ];
  for (const [where, device, orgNumber, orgName] of journeys) {
    it(`creates an account and registers an organisation ${where}`, { timeout: 120_000 }, async () => {
      const { context, page } = await openPage(browser, server.url, device);
      const slug = orgNumber.replace('-', '');
      await createAccount(page, 'Alva Sökande', `alva.${slug}@forening.example`);
      await registerOrganisation(page, orgNumber, orgName);
      expect(scriptErrors(page)).toEqual([]);
      await context.close();
    });
  }

  it('keeps what was typed when the session has run out, and fills it in after signing in again', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url, PHONE);
    await page.goto('/sign-in');
    await page.getByLabel('E-postadress').fill('ledare@vivalla.example');
    await page.getByLabel('Lösenord').fill('samverka-demo');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hej Leo Ledare' }).waitFor();

    await page.getByRole('navigation').getByRole('link', { name: 'Registrera organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registrera organisation' }).waitFor();
    await page.getByLabel('Organisationsnummer').fill('802479-4953');
    await page.getByLabel('Organisationens namn').fill('Vivalla Läxläsning');
    await page.getByLabel('Organisationsform').selectOption('ideell_forening');

    // The session ends on the server (as after the idle time): the cookie no longer matches one.
    await expireSession(context, server.url);
    await page.getByRole('button', { name: 'Registrera organisation' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByText('Du har blivit utloggad eftersom sessionen gick ut.').waitFor();
    expect(await page.getByLabel('Organisationens namn').inputValue()).toBe('Vivalla Läxläsning');
    await axe(page, 'register organisation, session expired');

    await summary.getByRole('link', { name: 'Logga in igen' }).click();
    await settledAndAccessible(page, 'Logga in');
    await page.getByLabel('E-postadress').fill('ledare@vivalla.example');
    await page.getByLabel('Lösenord').fill('samverka-demo');
    await page.getByRole('button', { name: 'Logga in' }).click();

    await page.getByRole('heading', { level: 1, name: 'Registrera organisation' }).waitFor();
    await page.getByText('Det du skrev innan du loggade in igen har fyllts i.').waitFor();
    expect(await page.getByLabel('Organisationsnummer').inputValue()).toBe('802479-4953');
    expect(await page.getByLabel('Organisationens namn').inputValue()).toBe('Vivalla Läxläsning');
    expect(await page.getByLabel('Organisationsform').inputValue()).toBe('ideell_forening');
    await axe(page, 'register organisation, restored draft');
    await context.close();
  });
});
