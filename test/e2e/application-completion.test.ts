// The caseworker works the inbox: filters, searches, opens SN 2022/00001 and asks
// for completion; the association reads the request and answers it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, SYSTEM_ACTOR } from '../../src/db/audit.ts';
import { addMonths, dateInStockholm } from '../../src/domain/deadlines.ts';
import { AUDIT_PAGE } from '../../src/server/audit/access.ts';
import { startTestServer, type TestApp } from '../support/app.ts';
import { axe, expireSession, launchBrowser, openPage, PHONE, scriptErrors, settledAndAccessible, signIn, signInAgain } from '../support/browser.ts';

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
const TITLE = 'Fler vuxna ute på kvällarna i Navestad och Hageby';
const MESSAGE = 'Skicka en tidsplan för utbildningen av de nya vandrarna.';

// This year's applications in the demo, on the call that is open now: Vuxenskolan's, then Läxhjälpen i Hageby's.
const year = dateInStockholm(new Date()).slice(0, 4);
const VUXENSKOLAN = `SN ${year}/00001`;
const LAXHJALPEN = `SN ${year}/00002`;

const caseNumbers = async (page: Page) => page.locator('.inbox-table tbody th').allTextContents();

describe('completion of an application', () => {
  it('the caseworker filters the inbox and asks for completion, and the association answers', { timeout: 120_000 }, async () => {
    const caseworker = await openPage(browser, server.url);
    const c = caseworker.page;
    await signIn(c, 'handlaggare@norrkoping.example', 'Hanna Handläggare');
    await c.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Inkomna ansökningar' }).click();
    await settledAndAccessible(c, 'Inkomna ansökningar');
    expect(await caseNumbers(c)).toEqual([LAXHJALPEN, VUXENSKOLAN, 'SN 2022/00004', 'SN 2022/00003', 'SN 2022/00002', 'SN 2022/00001']);
    await c.getByRole('table', { name: 'Ansökningar' }).waitFor();
    const csv = await c.getByRole('link', { name: 'Ladda ned som CSV' }).getAttribute('href');

    await c.getByLabel('Organisationsform').selectOption({ label: 'Studieförbund' });
    await c.getByRole('button', { name: 'Visa' }).click();
    await c.getByText('2 ansökningar', { exact: true }).waitFor();
    expect(await caseNumbers(c)).toEqual([VUXENSKOLAN, 'SN 2022/00002']);
    expect(await c.getByRole('link', { name: 'Ladda ned som Excel' }).getAttribute('href')).toContain('orgType=studieforbund');
    await axe(c, 'inbox filtered');
    const file = await c.request.get(csv as string);
    expect(file.headers()['content-type']).toContain('text/csv');

    await c.getByRole('link', { name: 'Rensa filter' }).click();
    await c.getByText('6 ansökningar', { exact: true }).waitFor();
    // The area filter offers the areas the received applications name.
    await c.getByLabel('Område').selectOption({ label: 'Ringdansen' });
    await c.getByRole('button', { name: 'Visa' }).click();
    await c.getByText('2 ansökningar', { exact: true }).waitFor();
    expect(await caseNumbers(c)).toEqual([VUXENSKOLAN, 'SN 2022/00002']);
    await c.getByRole('link', { name: 'Rensa filter' }).click();
    await c.getByText('6 ansökningar', { exact: true }).waitFor();
    // Each row says how it was decided; the status filter takes the outcome too.
    const row = (caseNumber: string) => c.getByRole('table', { name: 'Ansökningar' }).getByRole('row').filter({ hasText: caseNumber });
    expect((await row('SN 2022/00001').getByRole('cell').last().innerText()).replace(/\s+/gu, ' ')).toBe('Delvis beviljad 250 000 kr');
    expect((await row('SN 2022/00003').getByRole('cell').last().innerText()).trim()).toBe('Avslag');
    await c.getByLabel('Status').selectOption({ label: 'Avslag' });
    await c.getByRole('button', { name: 'Visa' }).click();
    await c.getByText('1 ansökan', { exact: true }).waitFor();
    expect(await caseNumbers(c)).toEqual(['SN 2022/00003']);
    await axe(c, 'inbox, rejected');
    await c.getByRole('link', { name: 'Rensa filter' }).click();
    await c.getByText('6 ansökningar', { exact: true }).waitFor();
    await c.getByRole('searchbox', { name: 'Sök' }).fill('nattvandrarna');
    await c.getByLabel('Sortering').selectOption({ label: 'Högst belopp först' });
    await c.getByRole('button', { name: 'Visa' }).click();
    await c.getByText('1 ansökan', { exact: true }).waitFor();
    expect(new URL(c.url()).searchParams.get('q')).toBe('nattvandrarna');
    await c.getByRole('link', { name: 'SN 2022/00001' }).click();
    await settledAndAccessible(c, `${TITLE} (SN 2022/00001)`);
    expect(await c.getByRole('region', { name: 'Det som kom in' }).textContent()).toContain('Nattvandring fredag–söndag och onsdagar');

    // A reply-by date that has passed is refused on its field.
    const ask = c.getByRole('region', { name: 'Begär komplettering' });
    await ask.getByLabel('Vad behöver kompletteras?').fill(MESSAGE);
    await ask.getByLabel('Svara senast').fill(dateInStockholm(new Date()));
    await ask.getByRole('button', { name: 'Skicka begäran' }).click();
    await c.locator('#completion-replyBy-error').getByText('Svarsdatumet måste ligga efter i dag.').waitFor();
    expect(await ask.getByLabel('Svara senast').getAttribute('aria-invalid')).toBe('true');
    expect(await ask.getByLabel('Vad behöver kompletteras?').inputValue()).toBe(MESSAGE);
    await axe(c, 'completion request, date passed');
    const replyBy = addMonths(dateInStockholm(new Date()), 1);
    await ask.getByLabel('Svara senast').fill(replyBy);
    await ask.getByRole('button', { name: 'Skicka begäran' }).click();
    await c.getByText('Nattvandrarna Norrköping har fått en begäran om komplettering.').waitFor();
    const rounds = c.getByRole('region', { name: 'Kompletteringar' });
    await rounds.locator('.completion-round').filter({ hasText: MESSAGE }).getByText('Väntar på svar').waitFor();
    // The history has it at once, without reloading the page.
    const latest = (page: typeof c) => page.getByRole('region', { name: 'Historik' }).locator('.audit-entry .audit-what').first();
    await expect.poll(() => latest(c).textContent()).toBe('Handläggaren begärde komplettering');
    // The caseworker's history has the assessment too, in words: the demo's 2022 decision among it.
    const decided = c.getByRole('region', { name: 'Historik' }).locator('.audit-entry').filter({ hasText: 'Beslut fattades' });
    expect((await decided.innerText()).replace(/\s+/gu, ' ')).toContain('Delvis beviljad 250 000 kr Beslutsdatum: 24 mars 2022');
    expect(await decided.locator('.audit-reason').textContent()).toBe('Motivering: Exempeldata, inlagd när Samverka startade första gången');
    await axe(c, 'completion requested');
    expect(scriptErrors(c)).toEqual([]);

    // The association, on a phone, finds the request from its organisation page and answers.
    const applicant = await openPage(browser, server.url, PHONE);
    const a = applicant.page;
    await signIn(a, 'forening@nattvandrarna.example', 'Fatima Föreningsaktiv');
    await a.getByRole('region', { name: 'Dina organisationer' }).getByRole('link', { name: 'Nattvandrarna Norrköping', exact: true }).click();
    await settledAndAccessible(a, 'Nattvandrarna Norrköping');
    await a.getByRole('region', { name: 'Ansökningar' }).getByRole('link', { name: TITLE }).click();
    await settledAndAccessible(a, `${TITLE} (SN 2022/00001)`);
    const round = a.locator('.completion-round').filter({ hasText: MESSAGE });
    await round.getByText(`svar senast ${replyBy}`).waitFor();
    await round.getByRole('button', { name: 'Skicka kompletteringen' }).click();
    await a.locator(`[id^="answer-"][id$="-answer-error"]`).waitFor();
    await axe(a, 'completion answer, empty');
    await round.getByLabel('Ditt svar').fill('Utbildningen hålls i april och maj; tidsplanen är bifogad.');
    await round
      .getByLabel('Handlingar')
      .setInputFiles({ name: 'tidsplan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% tidsplan\ntrailer <</Root 1 0 R>>\n%%EOF\n') });
    await round.getByText('tidsplan.pdf').waitFor();
    // The session runs out before she sends: after signing in again, the answer and the file are still there.
    await expireSession(applicant.context, server.url);
    await round.getByRole('button', { name: 'Skicka kompletteringen' }).click();
    await signInAgain(a, 'forening@nattvandrarna.example', `${TITLE} (SN 2022/00001)`);
    await round.getByText('Det du skrev innan du loggade in igen har fyllts i.').waitFor();
    expect(await round.getByLabel('Ditt svar').inputValue()).toBe('Utbildningen hålls i april och maj; tidsplanen är bifogad.');
    await round.getByText('tidsplan.pdf').waitFor();
    await round.getByRole('button', { name: 'Skicka kompletteringen' }).click();
    await round.getByText('Besvarad').waitFor();
    expect(await round.textContent()).toContain('Utbildningen hålls i april och maj');
    await expect.poll(() => latest(a).textContent()).toBe('Kompletteringen besvarades');
    await round.getByRole('link', { name: 'tidsplan.pdf' }).waitFor();
    await axe(a, 'completion answered');
    const { scroll, width } = await a.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(scroll).toBeLessThanOrEqual(width);
    expect(scriptErrors(a)).toEqual([]);

    // The caseworker sees the answer.
    await c.reload();
    await settledAndAccessible(c, `${TITLE} (SN 2022/00001)`);
    await rounds.locator('.completion-round').filter({ hasText: MESSAGE }).getByText('Besvarad').waitFor();

    // A long history comes a page at a time, newest first; older events on request.
    const app = await server.db.kysely
      .selectFrom('applications')
      .select(['id', 'funder_id', 'organisation_id'])
      .where('case_number', '=', 'SN 2022/00001')
      .executeTakeFirstOrThrow();
    await server.db.kysely.transaction().execute(async (tx) => {
      for (let i = 0; i < AUDIT_PAGE; i++) {
        await audit(tx, SYSTEM_ACTOR, {
          action: 'application.draft_saved',
          objectType: 'application',
          objectId: app.id,
          funderId: app.funder_id,
          organisationId: app.organisation_id,
          data: { changed: ['budget'] },
        });
      }
    });
    await c.reload();
    await settledAndAccessible(c, `${TITLE} (SN 2022/00001)`);
    const history = c.getByRole('region', { name: 'Historik' });
    await history.locator('.audit-entry').first().waitFor();
    // The saves read as one line.
    expect(await history.locator('.audit-entry').count()).toBe(1);
    await history.getByText(/^500 gånger, första gången /).waitFor();
    expect(await history.getByText('Kompletteringen besvarades').count()).toBe(0);
    await history.getByRole('button', { name: 'Visa äldre händelser' }).click();
    await history.getByText('Kompletteringen besvarades').waitFor();
    await history.getByText('Ansökan skickades in').waitFor();
    expect(await history.getByRole('button', { name: 'Visa äldre händelser' }).count()).toBe(0);
    await axe(c, 'history, older events');
    await caseworker.context.close();
    await applicant.context.close();
  });
});
