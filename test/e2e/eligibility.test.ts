// An association asks to be approved as eligible for grants (bidragsberättigad):
// it uploads its documents, a wrong file and a wrong bankgiro are answered on their
// fields, the caseworker asks for more with a note, and the association reads it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const ORG = 'Vivalla Fritidsförening';
const YEAR = new Date().getFullYear();
const NOTE = 'Verksamhetsberättelsen saknar underskrifter. Skicka en version som styrelsen har skrivit under.';
const pdf = (title: string) => ({
  name: `${title}.pdf`,
  mimeType: 'application/pdf',
  buffer: Buffer.from(
    `%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n% ${title}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
  ),
});

describe('eligibility approval', () => {
  it('the Vivalla association sends its documents, the caseworker asks for more, and the association sees the note', { timeout: 120_000 }, async () => {
    const applicant = await openPage(browser, server.url);
    const a = applicant.page;
    await signIn(a, 'ledare@vivalla.example', 'Leo Ledare');
    await a.getByRole('region', { name: 'Dina organisationer' }).getByRole('link', { name: ORG, exact: true }).click();
    await settledAndAccessible(a, ORG);
    const section = a.getByRole('region', { name: 'Bidragsberättigad förening' });
    await section.getByText('Organisationen har inte ansökt om att vara bidragsberättigad ännu.').waitFor();
    await section.getByRole('link', { name: 'Ansök om att bli bidragsberättigad' }).click();
    await settledAndAccessible(a, 'Ansök om att vara bidragsberättigad');

    await a.getByLabel('Bidragsgivare').selectOption({ label: FUNDER });
    expect(await a.getByLabel('År', { exact: true }).inputValue()).toBe(String(YEAR));
    await a.getByLabel('Stadgar').setInputFiles(pdf('stadgar'));
    await a.getByText('stadgar.pdf är uppladdad.').waitFor();
    // A text file is not a document Samverka takes: the message sits on that file's field.
    await a
      .getByLabel('Verksamhetsberättelse')
      .setInputFiles({ name: 'verksamhetsberattelse.txt', mimeType: 'text/plain', buffer: Buffer.from('Verksamhetsberättelse') });
    await a
      .locator('#eligibility-annualReportFileId-error')
      .getByText('Filtypen stöds inte. Ladda upp PDF, Word, Excel, OpenDocument eller en bild (JPEG, PNG).')
      .waitFor();
    expect(await a.getByLabel('Verksamhetsberättelse').getAttribute('aria-invalid')).toBe('true');
    await axe(a, 'eligibility request, file refused');
    await a.getByLabel('Verksamhetsberättelse').setInputFiles(pdf('verksamhetsberattelse'));
    await a.getByText('verksamhetsberattelse.pdf är uppladdad.').waitFor();
    expect(await a.locator('#eligibility-annualReportFileId-error').count()).toBe(0);
    await a.getByLabel('Bokslut (ekonomisk redovisning)').setInputFiles(pdf('bokslut'));
    await a.getByText('bokslut.pdf är uppladdad.').waitFor();

    const first = a.getByRole('group', { name: 'Ledamot 1' });
    await first.getByLabel('Namn').fill('Leo Ledare');
    await first.getByLabel('Roll').fill('ordförande');
    const second = a.getByRole('group', { name: 'Ledamot 2' });
    await second.getByLabel('Namn').fill('Amira Andersson');
    await second.getByLabel('Roll').fill('kassör');
    await a.getByLabel('Antal medlemmar').fill('35');
    expect(await a.getByRole('radio', { name: 'Bankgiro' }).isChecked()).toBe(true);

    // A bankgiro number with a wrong check digit: the message is on the number, everything else stays.
    await a.getByLabel('Bankgironummer').fill('5050-1056');
    await a.getByRole('button', { name: 'Skicka ansökan' }).click();
    await a
      .locator('.error-summary')
      .getByRole('link', {
        name: 'Bankgironummer: Bankgironumret ”5050-1056” stämmer inte (kontrollsiffran är fel). Det har 7 eller 8 siffror, t.ex. 5050-1055.',
      })
      .waitFor();
    expect(await a.getByLabel('Bankgironummer').getAttribute('aria-invalid')).toBe('true');
    expect(await a.getByLabel('Bankgironummer').getAttribute('aria-describedby')).toContain('eligibility-payoutNumber-error');
    expect(await second.getByLabel('Namn').inputValue()).toBe('Amira Andersson');
    expect(await a.getByLabel('Antal medlemmar').inputValue()).toBe('35');
    await axe(a, 'eligibility request, wrong bankgiro');

    await a.getByLabel('Bankgironummer').fill('5050-1055');
    await a.getByRole('button', { name: 'Skicka ansökan' }).click();
    await a.getByText(`Ansökan om att vara bidragsberättigad ${YEAR} är skickad till ${FUNDER}.`).waitFor();
    await settledAndAccessible(a, ORG);
    const card = section.locator('.card').filter({ hasText: `${FUNDER}, ${YEAR}` });
    expect(await card.locator('.badge').textContent()).toBe('Inskickad – väntar på handläggare');

    // The caseworker sees the request with its documents and asks for more.
    const caseworker = await openPage(browser, server.url);
    const c = caseworker.page;
    await signIn(c, 'handlaggare@norrkoping.example', 'Hanna Handläggare');
    await c.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Ansökningar om att vara bidragsberättigad' }).click();
    await settledAndAccessible(c, 'Bidragsberättigade föreningar');
    await c.getByRole('link', { name: 'Väntar', exact: true }).click();
    const request = c.locator('.request').filter({ has: c.getByRole('heading', { name: `${ORG}, ${YEAR}` }) });
    await request.waitFor();
    // The card found may still be the unfiltered list's, about to give way to the filtered one: wait for its documents.
    await expect
      .poll(() => request.getByRole('link', { name: /^Ladda ned/ }).count(), { timeout: 10_000, message: 'the request lists its three documents' })
      .toBe(3);
    const href = await request.getByRole('link', { name: /^Ladda ned.*Stadgar/ }).getAttribute('href');
    const download = await c.request.get(href as string);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(await request.textContent()).toContain('Leo Ledare (ordförande)');
    expect(await request.textContent()).toContain('Bankgiro 5050-1055');
    await axe(c, 'eligibility requests');

    await request.getByRole('radio', { name: 'Be om komplettering' }).check();
    await request.getByRole('button', { name: /^Spara beslutet/ }).click();
    await request.getByText('Skriv vad föreningen behöver komplettera med.').first().waitFor();
    const noteField = request.getByLabel('Meddelande till föreningen');
    expect(await noteField.getAttribute('aria-invalid')).toBe('true');
    await axe(c, 'decision without a note');
    await noteField.fill(NOTE);
    await request.getByRole('button', { name: /^Spara beslutet/ }).click();
    await c.getByText(`${ORG} har fått en begäran om komplettering.`).waitFor();
    await request.waitFor({ state: 'detached' });
    expect(await c.evaluate(() => document.activeElement?.classList.contains('focus-target'))).toBe(true);
    await axe(c, 'decision saved');
    expect(scriptErrors(c)).toEqual([]);
    await caseworker.context.close();

    // The association reads the note and opens the request again to complete it.
    await a.reload();
    await settledAndAccessible(a, ORG);
    expect(await card.locator('.badge').textContent()).toBe('Behöver kompletteras');
    expect(await card.textContent()).toContain(`Meddelande från ${FUNDER}:`);
    expect(await card.textContent()).toContain(NOTE);
    await card.getByRole('link', { name: /^Komplettera ansökan/ }).click();
    await settledAndAccessible(a, 'Ansök om att vara bidragsberättigad');
    await a.getByText(NOTE).waitFor();
    expect(await a.getByLabel('Bankgironummer').inputValue()).toBe('5050-1055');
    expect(await a.getByRole('link', { name: /^Öppna filen/ }).count()).toBe(3);
    expect(scriptErrors(a)).toEqual([]);
    await applicant.context.close();
  });
});
