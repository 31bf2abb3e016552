// Reviewers declare conflict of interest before they see anything else, score on the
// call's rubric and then see the others' scores; the association reads its decision and
// the letter; anyone sees the awarded grants, on a phone.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, type TestApp } from '../support/app.ts';
import { axe, expireSession, launchBrowser, openPage, PHONE, scriptErrors, settledAndAccessible, signIn, signInAgain } from '../support/browser.ts';
import { demoTemplate, publishedCall, receivedApplication } from '../support/fixtures.ts';

let server: TestApp & { url: string };
let browser: Browser;
/** A submitted application on a new call of Socialnämnden's, with three reviewers assigned by the caseworker. */
let fresh: { id: string; caseNumber: string; title: string; organisation: string };
/** Another, with Nils alone as reviewer: he finds his conflict of interest only after declaring none. */
let later: { id: string; title: string };

const DEMO_TITLE = 'Fler vuxna ute på kvällarna i Navestad och Hageby';
const NEED = 'Behov och målgrupp (vikt 40 %)';
const COMPLEMENT = 'Kompletterar kommunens eget arbete (vikt 35 %)';
const CAPACITY = 'Förmåga att genomföra (vikt 25 %)';

/** Amounts are formatted with no-break spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/gu, ' ').trim();

async function signedIn(email: string) {
  const client = new Client(server.app);
  await client.login(email);
  return client;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const db = server.db.kysely;
  const template = await demoTemplate(server.db);
  const call = await publishedCall(server.db, template, { title: 'Trygghetsbidrag hösten 2026', opensOn: '2026-01-01' });
  const organisation = 'Läxhjälpen i Hageby';
  const title = 'Läxhjälp tre kvällar i veckan i Hageby';
  const caseNumber = 'SN 2026/00042';
  const app = await receivedApplication(server.db, template, call.id, {
    organisation: { name: organisation, orgNumber: '802555-0001' },
    caseNumber,
    content: { title },
  });
  fresh = { id: app.id, caseNumber, title, organisation };
  const laterTitle = 'Fotboll på fredagskvällar i Marielund';
  const laterApp = await receivedApplication(server.db, template, call.id, {
    organisation: { name: 'Marielunds bollklubb', orgNumber: '802555-0002' },
    caseNumber: 'SN 2026/00043',
    content: { title: laterTitle },
  });
  later = { id: laterApp.id, title: laterTitle };

  // The caseworker asks Bo, Nils and herself to review, and scores it first.
  const users = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('email', 'in', ['bedomare@norrkoping.example', 'namnd@norrkoping.example', 'handlaggare@norrkoping.example'])
    .execute();
  const userId = (email: string) => users.find((u) => u.email === email)?.id as string;
  const caseworker = await signedIn('handlaggare@norrkoping.example');
  const assigned = await caseworker.put(`/api/applications/${app.id}/reviewers`, {
    reviewerIds: ['bedomare@norrkoping.example', 'namnd@norrkoping.example', 'handlaggare@norrkoping.example'].map(userId),
  });
  expect(assigned.status).toBe(200);
  expect((await caseworker.post(`/api/applications/${app.id}/review/declaration`, { conflict: false })).status).toBe(200);
  const scored = await caseworker.put(`/api/applications/${app.id}/review`, {
    scores: { need: { score: 2, comment: '' }, complement: { score: 2, comment: '' }, capacity: { score: 2, comment: '' } },
    submit: true,
  });
  expect(scored.status).toBe(200);
  const nils = users.find((u) => u.email === 'namnd@norrkoping.example')?.id as string;
  expect((await caseworker.put(`/api/applications/${laterApp.id}/reviewers`, { reviewerIds: [nils] })).status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const scoringForm = (page: Page) => page.getByRole('group', { name: NEED });

describe('reviewing an application', () => {
  it('declares no conflict first, is told what is missing, submits and then sees the others’ scores', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signIn(page, 'bedomare@norrkoping.example', 'Bo Bedömare');
    // The reviewer's start page and the main navigation both lead to the reviews.
    await page.getByRole('main').getByRole('link', { name: 'Mina bedömningar' }).waitFor();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina bedömningar' }).click();
    await settledAndAccessible(page, 'Mina bedömningar');
    const todo = page.getByRole('region', { name: 'Att bedöma' });
    const done = page.getByRole('region', { name: 'Avslutade' });
    // The demo's reviews of 2022 were submitted; left to do are this year's on the open call and the new one.
    expect(await todo.getByRole('listitem').count()).toBe(2);
    await todo.getByRole('listitem').filter({ hasText: 'Läxläsning och nattfotboll i Ringdansen' }).waitFor();
    const card = plain(await todo.getByRole('listitem').filter({ hasText: fresh.caseNumber }).textContent());
    expect(card).toContain(fresh.organisation);
    expect(card).toContain(fresh.caseNumber);
    expect(card).toContain('Jäv inte prövat');
    expect(await done.getByRole('link').count()).toBe(4);
    await todo.getByRole('link', { name: fresh.title }).click();

    // Before the declaration: the case, but no scoring form and nobody's scores.
    await settledAndAccessible(page, `Bedömning: ${fresh.title}`);
    expect(await page.getByRole('link', { name: `Läs ansökan ${fresh.caseNumber}` }).getAttribute('href')).toBe(`/applications/${fresh.id}`);
    expect(plain(await page.locator('dl.facts').first().textContent())).toBe(
      `Organisation${fresh.organisation}Diarienummer${fresh.caseNumber}StatusJäv inte prövat`,
    );
    expect(await scoringForm(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Skicka in bedömningen' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Andra bedömares poäng' }).count()).toBe(0);
    expect(await page.getByText('Hanna Handläggare').count()).toBe(0);

    // A declaration without a choice is refused on its question.
    await page.getByRole('button', { name: 'Lämna jävsförklaringen' }).click();
    const question = page.getByRole('group', { name: 'Är du jävig i det här ärendet?' });
    await page.locator('#declaration-conflict-error').getByText('Välj om du är jävig eller inte.').waitFor();
    expect(await question.getAttribute('aria-invalid')).toBe('true');
    await axe(page, 'declaration without a choice');
    await question.getByLabel('Nej, jag är inte jävig').check();
    await page.getByRole('button', { name: 'Lämna jävsförklaringen' }).click();

    // The rubric: a draft keeps what is scored so far.
    await page.getByRole('heading', { level: 2, name: 'Bedöm ansökan' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bedöm ansökan');
    await page.getByText(/^Du intygade .+ att du inte är jävig i ärendet\.$/).waitFor();
    await axe(page, 'rubric');
    await scoringForm(page).getByLabel('4 – god').check();
    await page.getByLabel('Kommentar om Behov och målgrupp').fill('Tydligt behov i Hageby, väl beskriven målgrupp.');
    await page.getByRole('group', { name: COMPLEMENT }).getByLabel('5 – mycket god').check();
    // A comment on a criterion not yet scored is kept with the draft too.
    await page.getByLabel('Kommentar om Förmåga att genomföra').fill('Få ledare nämns; fråga om fler.');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText(/^Utkastet sparades kl\. \d\d\.\d\d\.$/).waitFor();
    await page.reload();
    await settledAndAccessible(page, `Bedömning: ${fresh.title}`);
    expect(await scoringForm(page).getByLabel('4 – god').isChecked()).toBe(true);
    expect(await page.getByLabel('Kommentar om Behov och målgrupp').inputValue()).toBe('Tydligt behov i Hageby, väl beskriven målgrupp.');
    expect(await page.getByRole('group', { name: COMPLEMENT }).getByLabel('5 – mycket god').isChecked()).toBe(true);
    expect(await page.getByLabel('Kommentar om Förmåga att genomföra').inputValue()).toBe('Få ledare nämns; fråga om fler.');

    // Submitting with a criterion unscored: the confirmation counts the scores, and the server's message comes on that criterion.
    await page.getByRole('button', { name: 'Skicka in bedömningen' }).click();
    const confirmReview = page.getByRole('region', { name: 'Skicka in bedömningen?' });
    const confirmText = plain(await confirmReview.textContent());
    expect(confirmText).toContain('2 av 3 bedömningsgrunder har betyg.');
    expect(confirmText).toContain('Sökanden ser dem inte, och ingen får e-post om det.');
    await confirmReview.getByRole('button', { name: 'Ja, skicka in bedömningen' }).click();
    const capacity = page.getByRole('group', { name: CAPACITY });
    await page.locator('#review-scores-capacity-score-error').getByText('Välj ett betyg från 1 till 5.').waitFor();
    expect(await capacity.getAttribute('aria-invalid')).toBe('true');
    expect(await scoringForm(page).getAttribute('aria-invalid')).toBeNull();
    const summary = page.locator('.error-summary');
    expect(plain(await summary.getByRole('link').textContent())).toBe(`${CAPACITY}: Välj ett betyg från 1 till 5.`);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await axe(page, 'review with a criterion missing');
    await summary.getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('review-scores-capacity-score');

    await capacity.getByLabel('3 – godtagbar').check();
    await page.getByRole('button', { name: 'Skicka in bedömningen' }).click();
    expect(plain(await confirmReview.textContent())).toContain('3 av 3 bedömningsgrunder har betyg.');
    await confirmReview.getByRole('button', { name: 'Ja, skicka in bedömningen' }).click();

    // Submitted: the own weighted score (0.4·4 + 0.35·5 + 0.25·3 = 4.10), then the others' and the summary.
    await page.getByRole('heading', { level: 2, name: 'Din bedömning' }).waitFor();
    await page
      .getByRole('status')
      .getByText(/Din bedömning skickades in .+\./)
      .waitFor();
    expect(await page.getByText('Din sammanvägda poäng: 4,10 av 5.').count()).toBe(1);
    const own = page.getByRole('table', { name: 'Dina betyg per bedömningsgrund' }).getByRole('row', { name: /Förmåga att genomföra/ });
    expect(plain(await own.textContent())).toBe('Förmåga att genomföra25 %3Få ledare nämns; fråga om fler.');
    expect(await scoringForm(page).count()).toBe(0);
    const others = page.getByRole('table', { name: 'Andra bedömares betyg' });
    expect(plain(await others.getByRole('row', { name: /Hanna Handläggare/ }).textContent())).toBe('Hanna Handläggare2222,00');
    // Nils has not declared yet and is not shown.
    expect(await others.getByRole('row').count()).toBe(2);
    const facts = page.getByRole('region', { name: 'Andra bedömares poäng' }).locator('dl');
    const fact = async (term: string) =>
      plain(
        await facts
          .locator('div')
          .filter({ has: page.locator('dt', { hasText: term }) })
          .locator('dd')
          .textContent(),
      );
    expect(await fact('Antal bedömningar')).toBe('2');
    expect(await fact('Medelvärde')).toBe('3,05');
    expect(await fact('Spridning (standardavvikelse)')).toBe('1,05');
    expect(await fact('Lägst–högst')).toBe('2,00–4,10');
    expect(await fact('Avvikande bedömningar')).toBe('Visas när minst tre har skickat in');
    await axe(page, 'review submitted, others’ scores');

    // The list has it among the finished ones now.
    await page.getByRole('link', { name: 'Tillbaka till Mina bedömningar' }).click();
    await settledAndAccessible(page, 'Mina bedömningar');
    await done.getByRole('link', { name: fresh.title }).waitFor();
    expect(await done.getByRole('listitem').filter({ hasText: fresh.title }).getByText('Inskickad', { exact: true }).count()).toBe(1);
    // Only the demo's review on the open call is left to do.
    await expect.poll(() => todo.getByRole('listitem').count()).toBe(1);
    expect(await todo.getByRole('listitem').filter({ hasText: 'Läxläsning och nattfotboll i Ringdansen' }).count()).toBe(1);

    // Staff reading a decided application see its decision too.
    const decided = (await server.db.kysely.selectFrom('applications').select('id').where('case_number', '=', 'SN 2022/00001').executeTakeFirstOrThrow()).id;
    await page.goto(`/applications/${decided}`);
    await settledAndAccessible(page, `${DEMO_TITLE} (SN 2022/00001)`);
    await page.getByRole('region', { name: 'Beslut' }).getByRole('heading', { name: 'Delvis beviljad 250 000 kr' }).waitFor();
    // Not its case history: that has the other reviewers' scores.
    expect(await page.getByRole('heading', { name: 'Historik' }).count()).toBe(0);
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('a committee member who declares a conflict of interest must say what it is, and then cannot score', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url, PHONE);
    await signIn(page, 'namnd@norrkoping.example', 'Nils Nämndordförande');
    await page.goto('/reviews');
    await settledAndAccessible(page, 'Mina bedömningar');
    await page.getByRole('region', { name: 'Att bedöma' }).getByRole('link', { name: fresh.title }).click();
    await settledAndAccessible(page, `Bedömning: ${fresh.title}`);
    expect(await scoringForm(page).count()).toBe(0);

    await page.getByLabel('Ja, jag är jävig').check();
    const note = page.getByLabel('Beskriv vad jävet består i');
    await note.waitFor();
    await page.getByRole('button', { name: 'Lämna jävsförklaringen' }).click();
    await page.locator('#declaration-note-error').getByText('Beskriv kort vad jävet består i.').waitFor();
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    await axe(page, 'conflict declared without a note');

    await note.fill('Min dotter är ordförande i föreningen.');
    await page.getByRole('button', { name: 'Lämna jävsförklaringen' }).click();
    const notice = page.locator('.notice-warning');
    await notice.getByText('Du har anmält jäv').waitFor();
    expect(plain(await notice.innerText())).toBe(
      'Du har anmält jäv Därför kan du inte bedöma ansökan och får inte se andra bedömares poäng. Handläggaren ser din anmälan. Din beskrivning: Min dotter är ordförande i föreningen.',
    );
    expect(await scoringForm(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Skicka in bedömningen' }).count()).toBe(0);
    expect(await page.getByText('Bo Bedömare').count()).toBe(0);
    expect(await page.getByText('Hanna Handläggare').count()).toBe(0);
    await axe(page, 'conflict declared');
    // The same after a reload: nothing to score, nothing of the others'.
    await page.reload();
    await settledAndAccessible(page, `Bedömning: ${fresh.title}`);
    await page.getByText('Jävig – bedömer inte').waitFor();
    expect(await scoringForm(page).count()).toBe(0);
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(scroll).toBeLessThanOrEqual(width);
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });

  it('a reviewer who finds a conflict of interest after declaring none declares it, and the draft is not kept', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url);
    await signIn(page, 'namnd@norrkoping.example', 'Nils Nämndordförande');
    await page.goto(`/applications/${later.id}/review`);
    await settledAndAccessible(page, `Bedömning: ${later.title}`);
    await page.getByLabel('Nej, jag är inte jävig').check();
    await page.getByRole('button', { name: 'Lämna jävsförklaringen' }).click();
    await scoringForm(page).getByLabel('3 – godtagbar').check();
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText(/^Utkastet sparades kl\. \d\d\.\d\d\.$/).waitFor();

    // His session runs out while he writes a comment: after signing in again it is filled in.
    const comment = 'Tydligt behov på fredagskvällar.';
    await page.getByLabel('Kommentar om Behov och målgrupp').fill(comment);
    await expireSession(context, server.url);
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await signInAgain(page, 'namnd@norrkoping.example', `Bedömning: ${later.title}`);
    await page.getByText('Det du skrev innan du loggade in igen har fyllts i.').waitFor();
    expect(await page.getByLabel('Kommentar om Behov och målgrupp').inputValue()).toBe(comment);
    expect(await scoringForm(page).getByLabel('3 – godtagbar').isChecked()).toBe(true);
    await axe(page, 'review restored after signing in again');

    // Reading on, he sees his nephew is the club's chair.
    const late = page.getByRole('region', { name: 'Om du upptäcker att du är jävig' });
    await late.getByRole('button', { name: 'Anmäl jäv' }).click();
    const note = late.getByLabel('Beskriv vad jävet består i');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await note.getAttribute('id'));
    await late.getByText('Du kan inte ångra en jävsanmälan, och dina sparade poäng tas bort.').waitFor();
    // Cancelling leaves everything as it was, with focus back on the button.
    await late.getByRole('button', { name: 'Avbryt' }).click();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Anmäl jäv');
    expect(await scoringForm(page).getByLabel('3 – godtagbar').isChecked()).toBe(true);

    await late.getByRole('button', { name: 'Anmäl jäv' }).click();
    await late.getByRole('button', { name: 'Anmäl jäv och avstå från bedömningen' }).click();
    await late.locator('#late-conflict-note-error').getByText('Beskriv kort vad jävet består i.').waitFor();
    expect(await note.getAttribute('aria-invalid')).toBe('true');
    await axe(page, 'late conflict without a note');
    await note.fill('Min brorson är klubbens ordförande.');
    await late.getByRole('button', { name: 'Anmäl jäv och avstå från bedömningen' }).click();

    const notice = page.locator('.notice-warning');
    await notice.getByText('Du har anmält jäv').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Jäv');
    expect(plain(await notice.innerText())).toContain('Din beskrivning: Min brorson är klubbens ordförande.');
    expect(await scoringForm(page).count()).toBe(0);
    await axe(page, 'late conflict declared');
    const nils = (await server.db.kysely.selectFrom('users').select('id').where('email', '=', 'namnd@norrkoping.example').executeTakeFirstOrThrow()).id;
    const kept = await server.db.kysely
      .selectFrom('review_scores')
      .select('score')
      .where('application_id', '=', later.id)
      .where('reviewer_id', '=', nils)
      .execute();
    expect(kept).toEqual([]);
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('the decision and its letter', () => {
  it('the association reads the decision on its phone, with how to appeal, and opens the letter in Swedish and English', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url, PHONE);
    await signIn(page, 'forening@nattvandrarna.example', 'Fatima Föreningsaktiv');
    await page.getByRole('region', { name: 'Dina organisationer' }).getByRole('link', { name: 'Nattvandrarna Norrköping', exact: true }).click();
    await settledAndAccessible(page, 'Nattvandrarna Norrköping');
    // The list already says how it went.
    const card = page.getByRole('region', { name: 'Ansökningar' }).locator('.card').filter({ hasText: DEMO_TITLE });
    expect(plain(await card.locator('p').first().textContent())).toBe('Delvis beviljad 250 000 kr Sökande');
    await page.getByRole('region', { name: 'Ansökningar' }).getByRole('link', { name: DEMO_TITLE }).click();
    await settledAndAccessible(page, `${DEMO_TITLE} (SN 2022/00001)`);

    const decision = page.getByRole('region', { name: 'Beslut' });
    const current = decision.getByRole('article');
    await current.getByRole('heading', { level: 3, name: 'Delvis beviljad 250 000 kr' }).waitFor();
    const text = plain(await current.textContent());
    expect(text).toContain('250 000 kr av sökta');
    expect(text).toContain('Bidragsperiod1 april 2022 – 31 mars 2023');
    expect(text).toContain('Beslutat avSocialnämnden, § 31, 24 mars 2022');
    expect(text).toContain('Uppdraget ska genomföras i samverkan med socialkontorets fältgrupp.');
    expect(text).toContain('Kostnaden för samordning bedöms vara högre än vad uppdraget kräver');
    expect(text).toContain('laglighetsprövning enligt 13 kap. kommunallagen');
    expect(text).toContain('(29 mars 2022), det vill säga senast 19 april 2022.');
    expect(await current.locator('time[datetime="2022-04-19"]').textContent()).toBe('19 april 2022');
    expect(await decision.getByText('Ersatt', { exact: true }).count()).toBe(0);
    await axe(page, 'decision on a phone');
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(scroll).toBeLessThanOrEqual(width);

    const letter = decision.getByRole('link', { name: 'Läs beslutsbrevet (PDF)', exact: true });
    const href = (await letter.getAttribute('href')) as string;
    expect(href).toMatch(/^\/api\/decisions\/[0-9a-f-]{36}\/letter\.pdf$/);
    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // In English the section and the letter follow.
    await page.getByRole('button', { name: 'English' }).click();
    const english = page.getByRole('region', { name: 'Decision' });
    await english.getByRole('heading', { level: 3, name: 'Partly approved SEK 250,000' }).waitFor();
    expect(plain(await english.textContent())).toContain('no later than 19 April 2022.');
    const letterEn = english.getByRole('link', { name: 'Read the decision letter (PDF)', exact: true });
    expect(await letterEn.getAttribute('href')).toBe(`${href}?lang=en`);
    const pdfEn = await page.request.get(`${href}?lang=en`);
    expect(pdfEn.status()).toBe(200);
    expect((await pdfEn.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await axe(page, 'decision in English');
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('awarded grants', () => {
  it('anyone on a phone sees the awarded grants, their total and each year’s', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, server.url, PHONE);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Beviljade bidrag' }).click();
    await settledAndAccessible(page, 'Beviljade bidrag');
    const table = page.getByRole('table', { name: 'Beviljade bidrag, alla år' });
    await table.waitFor();
    expect(await table.getByRole('rowheader').allTextContents()).toEqual([
      'Nattvandrarna Norrköping',
      'Studieförbundet Vuxenskolan Östergötland',
      'Läxhjälpen i Hageby',
      'Totalt',
    ]);
    // Each cell says what it is (the column's name comes first on a phone, where the column headings are hidden).
    const first = table.getByRole('row', { name: /Nattvandrarna Norrköping/ });
    for (const name of [
      /^Belopp: 250\s000 kr$/,
      `Ändamål: ${DEMO_TITLE}`,
      'Områden: Navestad, Hageby',
      'Beslutsdatum: 24 mars 2022',
      'Bidragsgivare och utlysning: Socialnämnden, Norrköpings kommun: Uppdragsbidrag för ökad trygghet 2022',
    ]) {
      expect(await first.getByRole('cell', { name, exact: true }).count(), String(name)).toBe(1);
    }
    expect(
      await table
        .getByRole('row', { name: /Totalt/ })
        .getByRole('cell', { name: /^Belopp: 870\s000 kr$/ })
        .count(),
    ).toBe(1);
    expect(
      await page
        .locator('thead')
        .boundingBox()
        .then((box) => box?.height),
    ).toBeLessThanOrEqual(1);
    expect(plain(await page.locator('.grants-count').textContent())).toBe('3 beviljade bidrag, totalt 870 000 kr');
    // On a phone each grant is a block of labelled lines: nothing runs off the side.
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(scroll).toBeLessThanOrEqual(width);
    await axe(page, 'awarded grants on a phone');

    await page.getByLabel('År', { exact: true }).selectOption('2022');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.getByRole('table', { name: 'Beviljade bidrag 2022' }).waitFor();
    expect(new URL(page.url()).searchParams.get('year')).toBe('2022');
    expect(plain(await page.locator('.grants-count').textContent())).toBe('3 beviljade bidrag 2022, totalt 870 000 kr');
    await axe(page, 'awarded grants in 2022');

    await page.goto('/grants?year=2021');
    await settledAndAccessible(page, 'Beviljade bidrag');
    await page.getByText('Inga bidrag beviljades 2021.').waitFor();
    expect(plain(await page.locator('.grants-count').textContent())).toBe('0 beviljade bidrag 2021, totalt 0 kr');
    expect(await page.getByRole('table').count()).toBe(0);

    await page.goto('/grants');
    await settledAndAccessible(page, 'Beviljade bidrag');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Awarded grants' }).waitFor();
    await page.getByRole('table', { name: 'Awarded grants, all years' }).waitFor();
    expect(plain(await page.locator('.grants-count').textContent())).toBe('3 grants awarded, SEK 870,000 in total');
    await axe(page, 'awarded grants in English');
    expect(scriptErrors(page)).toEqual([]);
    await context.close();
  });
});
