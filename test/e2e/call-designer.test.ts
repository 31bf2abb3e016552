// A caseworker designs a call with its own questions (one shown only on an earlier
// answer), saves a draft, is told what is missing to publish, publishes, and then
// amends the published call with a reason. Every page visited is scanned with axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, dateInStockholm } from '../../src/domain/deadlines.ts';
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
const TITLE = 'Läxhjälp i Navestad och Hageby';
const today = dateInStockholm(new Date());
const deadline = addMonths(today, 1);
const laterDeadline = addMonths(today, 2);
/** How a date reads in Swedish: "23 december 2026". */
const swedish = (date: string) =>
  new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/** The error shown on a field, by the field's label, and that the field says it is invalid. */
async function fieldError(page: Page, id: string) {
  const field = page.locator(`#${id}`);
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  expect(await field.getAttribute('aria-describedby')).toContain(`${id}-error`);
  return (await page.locator(`#${id}-error`).textContent())?.replace(/^Fel: /, '');
}

/** The autosave's status says the draft is saved, at a time of day. */
const saved = (page: Page) =>
  page
    .locator('.save-status')
    .getByText(/^Sparat kl\. \d\d\.\d\d$/)
    .waitFor();

let editUrl = '';

describe('the call designer', () => {
  it('designs a call with conditional questions, saves a draft, sees what publishing needs on the fields, and publishes', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signIn(page, 'handlaggare@norrkoping.example', 'Hanna Handläggare');
    await page.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Utlysningar och utkast' }).click();
    await settledAndAccessible(page, 'Utlysningar och utkast');
    await page.getByRole('link', { name: 'Ny utlysning' }).click();
    await settledAndAccessible(page, 'Ny utlysning');
    expect(await page.title()).toBe('Ny utlysning – Samverka');

    // Basics and money; the summary, the deadline and the criteria are left for later.
    await page.getByLabel('Titel').fill(TITLE);
    const line = page.getByLabel('Budgetpost');
    const lineValue = await line.locator('option', { hasText: 'Kontaktnät och handlingsplan' }).getAttribute('value');
    expect(await line.locator('option', { hasText: 'Kontaktnät och handlingsplan' }).textContent()).toBe(
      'Kontaktnät och handlingsplan (kvar: 500\u00a0000 kr)',
    );
    await line.selectOption(lineValue as string);
    await page.getByText('Kvar på budgetposten för den här utlysningen: 500\u00a0000 kr.').waitFor();
    await page.getByLabel('Totalt belopp').fill('200 000');
    await page.getByLabel('Lägsta belopp per ansökan').fill('5 000');
    await page.getByLabel('Högsta belopp per ansökan').fill('50 000');
    await page.getByLabel('Fokusområde 1').fill('Läxläsning för barn i årskurs 4–9');
    await page.getByRole('checkbox', { name: 'Barn', exact: true }).check();
    await page.getByRole('button', { name: 'Lägg till område' }).click();
    await page.getByLabel('Område 1', { exact: true }).fill('Navestad');
    await page.getByRole('checkbox', { name: 'Läxläsning' }).check();
    await page.getByLabel('Öppnar').fill(today);

    // Question 1: a single choice; question 2 asks only when the answer is "Årskurs 7–9".
    await page.getByRole('button', { name: 'Lägg till fråga' }).click();
    const q1 = page.getByRole('group', { name: 'Fråga 1' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('call-questions-0-label');
    await q1.getByLabel('Typ av svar').selectOption({ label: 'Ett val bland alternativ' });
    await q1.getByLabel('Frågetext').fill('Vilka årskurser gäller läxhjälpen?');
    await q1.getByLabel('Alternativ 1').fill('Årskurs 4–6');
    await q1.getByLabel('Alternativ 2').fill('Årskurs 7–9');

    await page.getByRole('button', { name: 'Lägg till fråga' }).click();
    const q2 = page.getByRole('group', { name: 'Fråga 2' });
    await q2.getByLabel('Typ av svar').selectOption({ label: 'Tal' });
    await q2.getByLabel('Frågetext').fill('Hur många elever räknar ni med att nå?');
    await q2.getByLabel('Lägsta tillåtna tal').fill('1');
    await q2.getByLabel('Högsta tillåtna tal').fill('500');

    await page.getByRole('button', { name: 'Lägg till fråga' }).click();
    const q3 = page.getByRole('group', { name: 'Fråga 3' });
    await q3.getByLabel('Typ av svar').selectOption({ label: 'Längre textsvar' });
    await q3.getByLabel('Frågetext').fill('Hur förbereder ni eleverna inför nationella prov?');
    await q3.getByLabel('Sida', { exact: true }).fill('2');
    await q3.getByLabel('Högsta antal ord').fill('200');
    await q3.getByLabel('Frågan', { exact: true }).selectOption({ label: '1. Vilka årskurser gäller läxhjälpen?' });
    await q3.getByLabel('har svaret').selectOption({ label: 'Årskurs 7–9' });

    // The conditional question moves up to second place; the keyboard focus follows it.
    await q3.getByRole('button', { name: 'Flytta upp fråga 3' }).click();
    await page.getByText('Fråga 3 är nu fråga 2.').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('call-questions-1-up');
    expect(await page.getByRole('group', { name: 'Fråga 2' }).getByLabel('Frågetext').inputValue()).toBe('Hur förbereder ni eleverna inför nationella prov?');
    expect(await page.getByRole('group', { name: 'Fråga 3' }).getByLabel('Frågetext').inputValue()).toBe('Hur många elever räknar ni med att nå?');
    await axe(page, 'designer with three questions');

    // The draft has been saved as it was typed; the button saves now, with any problem on its field.
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await saved(page);
    await settledAndAccessible(page, `Utkast: ${TITLE}`);
    editUrl = new URL(page.url()).pathname;
    expect(editUrl).toMatch(/^\/funders\/[0-9a-f-]{36}\/calls\/[0-9a-f-]{36}\/edit$/);
    expect(await page.getByRole('group', { name: 'Fråga 2' }).getByLabel('har svaret').inputValue()).not.toBe('');

    // Publishing asks first: what happens and who sees it; cancelling publishes nothing and returns to the button.
    await page.getByRole('button', { name: 'Publicera utlysningen' }).click();
    const confirmPublish = page.getByRole('region', { name: 'Publicera utlysningen?' });
    await page.waitForFunction(() => document.activeElement?.id === 'publish-confirm-heading');
    const confirmText = (await confirmPublish.textContent()) ?? '';
    expect(confirmText).toContain(`”${TITLE}” publiceras som den står nu och syns genast för alla på de offentliga sidorna`);
    expect(confirmText).toContain('Det går inte att ta tillbaka.');
    expect(confirmText).toContain('Ingen får e-post om det');
    await axe(page, 'designer, confirming the publication');
    await confirmPublish.getByRole('button', { name: 'Avbryt' }).click();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Publicera utlysningen');
    expect(await confirmPublish.count()).toBe(0);
    expect(await page.locator('.designer-status .badge').textContent()).not.toBe('Öppen');
    await settledAndAccessible(page, `Utkast: ${TITLE}`);

    // Publishing now: the server names what is missing, each on its field, and the summary takes focus.
    await page.getByRole('button', { name: 'Publicera utlysningen' }).click();
    await confirmPublish.getByRole('button', { name: 'Ja, publicera nu' }).click();
    const summary = page.locator('.error-summary');
    await summary.getByText('Utlysningen kan inte publiceras än: fyll i det som saknas.').waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Sammanfattning: Fyll i det här innan utlysningen publiceras.',
      'Sista ansökningsdag: Fyll i det här innan utlysningen publiceras.',
      'Bedömningsgrunder och vikter: Fyll i det här innan utlysningen publiceras.',
    ]);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await fieldError(page, 'call-summary')).toBe('Fyll i det här innan utlysningen publiceras.');
    expect(await fieldError(page, 'call-deadline')).toBe('Fyll i det här innan utlysningen publiceras.');
    expect(await fieldError(page, 'call-criteria')).toBe('Fyll i det här innan utlysningen publiceras.');
    expect(await page.getByLabel('Titel').inputValue()).toBe(TITLE);
    await axe(page, 'designer, publish refused');
    await summary.getByRole('link', { name: /^Sista ansökningsdag/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('call-deadline');

    // Completing it: weights that do not add up to 100 are caught on the criteria first.
    await page.getByLabel('Sammanfattning').fill('Stöd till föreningar som ger läxhjälp till barn i Navestad och Hageby.');
    await page.getByLabel('Sista ansökningsdag').fill(deadline);
    await page.getByRole('button', { name: 'Lägg till bedömningsgrund' }).click();
    await page.getByRole('group', { name: 'Bedömningsgrund 1' }).getByLabel('Bedömningsgrund', { exact: true }).fill('Behov i området');
    await page.getByRole('group', { name: 'Bedömningsgrund 1' }).getByLabel('Vikt (%)').fill('60');
    await page.getByRole('button', { name: 'Lägg till bedömningsgrund' }).click();
    await page.getByRole('group', { name: 'Bedömningsgrund 2' }).getByLabel('Bedömningsgrund', { exact: true }).fill('Förmåga att genomföra');
    await page.getByRole('group', { name: 'Bedömningsgrund 2' }).getByLabel('Vikt (%)').fill('30');
    await page.getByText('Vikterna blir tillsammans 90 % – de ska bli 100 %.').waitFor();
    // The form's own checks come before the confirmation: nothing is asked while they fail.
    await page.getByRole('button', { name: 'Publicera utlysningen' }).click();
    await summary.getByRole('link', { name: 'Bedömningsgrunder och vikter: Vikterna ska tillsammans bli 100 %; nu blir de 90 %.' }).waitFor();
    expect(await confirmPublish.count()).toBe(0);
    await page.getByRole('group', { name: 'Bedömningsgrund 2' }).getByLabel('Vikt (%)').fill('40');
    await page.getByText('Vikterna blir tillsammans 100 %.').waitFor();

    await page.getByRole('button', { name: 'Publicera utlysningen' }).click();
    await confirmPublish.getByRole('button', { name: 'Ja, publicera nu' }).click();
    await page.getByText('Utlysningen är publicerad och syns nu för alla.').waitFor();
    await settledAndAccessible(page, `Ändra utlysningen: ${TITLE}`);
    expect(await page.locator('.designer-status .badge').textContent()).toBe('Öppen');
    const history = page.getByRole('region', { name: 'Historik' });
    await history.getByText('Utlysningen publicerades').waitFor();
    await history.getByText('Utlysningen skapades som utkast').waitFor();
    expect(await history.textContent()).toContain(`Sista ansökningsdag: ${swedish(deadline)}`);

    // The funder's list now has it among the published calls.
    await page.getByRole('link', { name: 'Visa den publicerade sidan' }).click();
    await settledAndAccessible(page, TITLE);
    await page.getByText('Öppen för ansökningar').waitFor();
    expect(await page.getByRole('region', { name: 'Frågorna i ansökan' }).textContent()).toContain(
      'Visas bara om svaret på ”Vilka årskurser gäller läxhjälpen?” är ”Årskurs 7–9”.',
    );
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('amends the published call with a reason, and shows what changed and the history', { timeout: 120_000 }, async () => {
    expect(editUrl).not.toBe('');
    const { context, page } = await openPage(browser, server.url);
    await signIn(page, 'handlaggare@norrkoping.example', 'Hanna Handläggare');
    await page.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Utlysningar och utkast' }).click();
    await settledAndAccessible(page, 'Utlysningar och utkast');
    await page
      .getByRole('region', { name: /^Publicerade/ })
      .getByRole('link', { name: new RegExp(`^Ändra utlysningen\\s?: ${TITLE}$`) })
      .click();
    await settledAndAccessible(page, `Ändra utlysningen: ${TITLE}`);
    expect(new URL(page.url()).pathname).toBe(editUrl);
    await page.getByRole('region', { name: 'Ändringar' }).getByText('Utlysningen har inte ändrats sedan den publicerades.').waitFor();

    // A later deadline without a reason: the reason is asked for, and the new date stays.
    await page.getByLabel('Sista ansökningsdag').fill(laterDeadline);
    // A published call is not saved as it is typed: leaving by the menu asks first, and staying keeps the change.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Utlysningar', exact: true }).click();
    const warning = page.getByRole('dialog', { name: 'Det du skrivit är inte sparat' });
    await warning.waitFor();
    await axe(page, 'amendment not saved, leaving');
    await warning.getByRole('button', { name: 'Stanna kvar' }).click();
    await warning.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(editUrl);
    expect(await page.getByLabel('Sista ansökningsdag').inputValue()).toBe(laterDeadline);
    await page.getByRole('button', { name: 'Spara ändringen' }).click();
    await page.locator('.error-summary').getByRole('link', { name: 'Varför ändras utlysningen?: Fyll i det här fältet.' }).waitFor();
    expect(await fieldError(page, 'call-reason')).toBe('Fyll i det här fältet.');
    expect(await page.getByLabel('Sista ansökningsdag').inputValue()).toBe(laterDeadline);
    await axe(page, 'amendment without a reason');

    const reason = 'Fler föreningar behöver tid att söka efter sommaruppehållet.';
    await page.getByLabel('Varför ändras utlysningen?').fill(reason);
    await page.getByRole('button', { name: 'Spara ändringen' }).click();
    await page.getByText('Ändringen är sparad och syns på utlysningens sida.').waitFor();
    await settledAndAccessible(page, `Ändra utlysningen: ${TITLE}`);
    expect(await page.getByLabel('Varför ändras utlysningen?').inputValue()).toBe('');
    expect(await page.getByLabel('Sista ansökningsdag').inputValue()).toBe(laterDeadline);

    const amendments = page.getByRole('region', { name: 'Ändringar' });
    await amendments.getByRole('heading', { name: /^Ändring 1/ }).waitFor();
    const text = await amendments.textContent();
    expect(text).toContain(`Motivering: ${reason}`);
    expect(text).toContain(`Sista ansökningsdag: ${swedish(deadline)} → ${swedish(laterDeadline)}`);
    const history = page.getByRole('region', { name: 'Historik' });
    const entry = history.locator('.audit-entry').filter({ hasText: 'Utlysningen ändrades' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain(`Motivering: ${reason}`);
    expect(await entry.textContent()).toContain(`Sista ansökningsdag: ${swedish(deadline)} → ${swedish(laterDeadline)}`);
    expect(await entry.textContent()).toContain('av handlaggare@norrkoping.example');
    await axe(page, 'amended call');
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('saves a new draft as it is typed, warns before a menu link leaves what is not saved yet, and keeps the text after leaving and a reload', {
    timeout: 120_000,
  }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signIn(page, 'handlaggare@norrkoping.example', 'Hanna Handläggare');
    await page.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Utlysningar och utkast' }).click();
    await settledAndAccessible(page, 'Utlysningar och utkast');
    await page.getByRole('link', { name: 'Ny utlysning' }).click();
    await settledAndAccessible(page, 'Ny utlysning');

    // Opening the form saves nothing: a call is created by the first thing typed.
    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' && new URL(r.url()).pathname.includes('/calls')) writes.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    await page.waitForTimeout(1500);
    expect(writes).toEqual([]);
    expect(await page.locator('.save-status').textContent()).toBe('');

    // The first save creates the call; the form stays as it is, now at the call's own address.
    const title = 'Sommarkvällar för unga i Klockaretorpet och Hageby';
    await page.getByLabel('Titel').fill(title);
    await saved(page);
    await page.waitForURL(/\/funders\/[0-9a-f-]{36}\/calls\/[0-9a-f-]{36}\/edit$/);
    const edit = new URL(page.url()).pathname;
    const callId = edit.split('/')[4] as string;
    expect(await page.getByLabel('Titel').inputValue()).toBe(title);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('call-title');
    await axe(page, 'new call saved as typed');

    // Typed, and straight to a menu link before the save: a warning, and staying keeps the text.
    const summary = 'Kvällsaktiviteter med Çağla Łukasiewicz och Åsa Öberg för unga 13–17 år.';
    const put = page.waitForResponse((r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === `/api/calls/${callId}`);
    await page.getByLabel('Sammanfattning').fill(summary);
    const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
    await menu.getByRole('link', { name: 'Utlysningar', exact: true }).click();
    const warning = page.getByRole('dialog', { name: 'Det du skrivit är inte sparat' });
    await warning.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stanna kvar');
    await axe(page, 'warned before leaving unsaved work');
    await warning.getByRole('button', { name: 'Stanna kvar' }).click();
    await warning.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(edit);
    expect(await page.getByLabel('Sammanfattning').inputValue()).toBe(summary);

    // Once saved, the same link leaves without a word, and the text is there on return.
    expect((await put).status()).toBe(200);
    await saved(page);
    await axe(page, 'draft saved after the warning');
    await menu.getByRole('link', { name: 'Utlysningar', exact: true }).click();
    await settledAndAccessible(page, 'Utlysningar');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.goto('/');
    await settledAndAccessible(page, 'Hej Hanna Handläggare');
    await page.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Utlysningar och utkast' }).click();
    await settledAndAccessible(page, 'Utlysningar och utkast');
    await page.getByRole('link', { name: new RegExp(`^Fortsätt med utkastet\\s?: ${title}$`) }).click();
    await settledAndAccessible(page, `Utkast: ${title}`);
    expect(await page.getByLabel('Sammanfattning').inputValue()).toBe(summary);

    await page.reload();
    await settledAndAccessible(page, `Utkast: ${title}`);
    writes.length = 0;
    await page.waitForTimeout(1500);
    expect(writes).toEqual([]);
    expect(await page.getByLabel('Titel').inputValue()).toBe(title);
    expect(await page.getByLabel('Sammanfattning').inputValue()).toBe(summary);
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('creates a programme whose budget lines must add up to its amount', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signIn(page, 'handlaggare@norrkoping.example', 'Hanna Handläggare');
    await page.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Satsningar och budgetposter' }).click();
    await settledAndAccessible(page, 'Satsningar och budgetposter');
    // The demo programme: its one line is fully set aside for the 2022 call.
    const demo = page.getByRole('region', { name: 'Budgetposter i Trygghet och brottsförebyggande 2022' });
    expect(
      await demo
        .getByRole('row', { name: /Uppdragsbidrag till civilsamhället/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['3\u00a0000\u00a0000 kr', '3\u00a0000\u00a0000 kr', '0 kr', 'Konto 4590, ansvar 3100, verksamhet 760, projekt BRA22']);

    const form = page.getByRole('region', { name: 'Ny satsning' });
    await form.getByLabel('Satsningens namn').fill('Social sammanhållning 2027');
    await form.getByLabel('Satsningens belopp').fill('7 000 000');
    const line1 = form.getByRole('group', { name: 'Budgetpost 1' });
    await line1.getByLabel('Namn på budgetposten').fill('Fältarbete');
    await line1.getByLabel('Belopp').fill('2 000 000');
    await form.getByRole('button', { name: 'Lägg till budgetpost' }).click();
    const line2 = form.getByRole('group', { name: 'Budgetpost 2' });
    await line2.getByLabel('Namn på budgetposten').fill('Brobyggare');
    await line2.getByLabel('Belopp').fill('2 500 000');
    await form
      .getByText('Budgetposterna blir tillsammans 4\u00a0500\u00a0000 kr av 7\u00a0000\u00a0000 kr. 2\u00a0500\u00a0000 kr återstår att fördela.')
      .waitFor();
    await form.getByRole('button', { name: 'Skapa satsningen' }).click();
    await page
      .locator('#programme-lines-error')
      .getByText('Budgetposterna blir tillsammans 4\u00a0500\u00a0000 kr men satsningen är på 7\u00a0000\u00a0000 kr. De ska bli lika mycket.')
      .waitFor();
    expect(await page.locator('#programme-lines').getAttribute('aria-invalid')).toBe('true');
    await axe(page, 'programme lines that do not add up');

    await form.getByRole('button', { name: 'Lägg till budgetpost' }).click();
    const line3 = form.getByRole('group', { name: 'Budgetpost 3' });
    await line3.getByLabel('Namn på budgetposten').fill('Sommaraktiviteter');
    await line3.getByLabel('Belopp').fill('2 500 000');
    await form.getByText('Budgetposterna blir tillsammans 7\u00a0000\u00a0000 kr – lika mycket som satsningen.').waitFor();
    await form.getByRole('button', { name: 'Skapa satsningen' }).click();
    await page.getByText('Satsningen ”Social sammanhållning 2027” är skapad.').waitFor();
    const created = page.getByRole('region', { name: 'Budgetposter i Social sammanhållning 2027' });
    // The list refetches after the flash message: wait for the new programme's row before reading it.
    await created.getByRole('row', { name: /Brobyggare/ }).waitFor();
    expect(
      await created
        .getByRole('row', { name: /Brobyggare/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['2\u00a0500\u00a0000 kr', '0 kr', '2\u00a0500\u00a0000 kr', 'Bidragsgivarens standardkontering']);
    await axe(page, 'programme created');
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });
});
