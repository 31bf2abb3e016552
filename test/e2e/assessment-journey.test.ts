// A call from received applications to a decision: a reviewer scores the application the journey
// follows, which feeds the optimizer. Then the caseworker takes the call's assessment overview
// (the committee's decision basis), screening with an override that needs a reason, reviewers,
// the optimizer's suggestion carried into a proposal, a proposal above the amount applied for,
// and the committee's decision with a reservation, refused first for the budget. Then the
// applicant reads the decision and its letter.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENING_RULES } from '../../src/domain/assessment/types.ts';
import { dateInStockholm } from '../../src/domain/deadlines.ts';
import { kronor } from '../../src/domain/money.ts';
import { Client, startTestServer, type TestApp } from '../support/app.ts';
import { axe, launchBrowser, openPage, PHONE, scriptErrors, settledAndAccessible, signIn } from '../support/browser.ts';
import { asking, demoTemplate, publishedCall, receivedApplication } from '../support/fixtures.ts';

let server: TestApp & { url: string };
let browser: Browser;

const FUNDER = 'Socialnämnden, Norrköpings kommun';
const TITLE = `Bedömningsresan ${Math.floor(Math.random() * 1e6)}`;
const APPLICANT = { email: `ada.${Math.floor(Math.random() * 1e9)}@forening.example`, name: 'Ada Applikant', password: 'en lång fras för resan' };
const today = dateInStockholm(new Date());

/** The three applications: A is the one the journey follows; B is decided in setup; C scores lower. */
const apps = {} as Record<'A' | 'B' | 'C', { id: string; caseNumber: string; organisation: string; title: string }>;
let callId: string;

/** Amounts and dates are formatted with no-break spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/gu, ' ').trim();

async function signedIn(email: string, password = 'samverka-demo') {
  const client = new Client(server.app);
  await client.login(email, password);
  return client;
}

function ok<T extends { status: number; body: unknown }>(reply: T, status = 200): T {
  if (reply.status !== status) throw new Error(`expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  const db = server.db.kysely;
  const template = await demoTemplate(server.db);

  // A published call of 300 000 kr that requires an eligibility approval (which new associations lack).
  const call = await publishedCall(server.db, template, {
    title: TITLE,
    amount: kronor(300_000),
    minAmount: kronor(10_000),
    maxAmount: kronor(300_000),
    requiredAttachments: [],
    requiresEligibilityApproval: true,
  });
  callId = call.id;
  const series = Math.floor(Math.random() * 1e6);
  const requested = { A: kronor(200_000), B: kronor(150_000), C: kronor(100_000) } as const;
  for (const [i, key] of (['A', 'B', 'C'] as const).entries()) {
    const organisation = `Föreningen ${key} ${series}`;
    const title = `Uppdrag ${key}: nattvandring och läxhjälp`;
    const caseNumber = `SN 2099/${series}${i + 1}`;
    const row = await receivedApplication(server.db, template, callId, {
      organisation: { name: organisation, orgNumber: `test-${series}-${key}` },
      caseNumber,
      content: {
        ...asking(requested[key], title),
        focusAreas: [call.rules.focusAreas[0] as string],
        attachments: [],
        contacts: [{ name: 'Åsa Öberg', email: `asa.oberg.${key.toLowerCase()}@forening.example`, phone: '' }],
      },
    });
    apps[key] = { id: row.id, caseNumber, organisation, title };
  }

  // The applicant: an account of their own, a member of A's association.
  const applicant = await new Client(server.app).open();
  ok(await applicant.post('/api/auth/register', { name: APPLICANT.name, email: APPLICANT.email, password: APPLICANT.password }), 201);
  const user = await db.selectFrom('users').select('id').where('email', '=', APPLICANT.email).executeTakeFirstOrThrow();
  const orgA = await db.selectFrom('applications').select('organisation_id').where('id', '=', apps.A.id).executeTakeFirstOrThrow();
  await db.insertInto('organisation_memberships').values({ organisation_id: orgA.organisation_id, user_id: user.id }).execute();

  const [caseworker, reviewer, committee] = await Promise.all(
    ['handlaggare@norrkoping.example', 'bedomare@norrkoping.example', 'namnd@norrkoping.example'].map((e) => signedIn(e)),
  );
  // Only the eligibility approval fails automatically: the journey overrides it, with a reason.
  const automatic = ok(await caseworker.get(`/api/applications/${apps.A.id}/screening`)).body.automatic as { rule: string; ok: boolean }[];
  expect(automatic.filter((r) => !r.ok).map((r) => r.rule)).toEqual(['eligibility_approval']);
  const eligible = { rules: SCREENING_RULES.map((rule) => ({ rule, ok: true, reason: 'Godkännandet är under handläggning.' })) };
  for (const key of ['B', 'C'] as const) ok(await caseworker.post(`/api/applications/${apps[key].id}/screening`, eligible), 201);

  // Bo and Nils review all three; A scores highest. Bo reviews A in the browser, in the journey
  // (5, 5 and 4: 4.75); here Nils reviews A (4.65), so A's mean is 4.70 ± 0.05.
  const staff = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('email', 'in', ['bedomare@norrkoping.example', 'namnd@norrkoping.example'])
    .execute();
  const reviewerIds = staff.map((s) => s.id);
  const scores = (need: number, complement: number, capacity: number) => ({
    need: { score: need, comment: '' },
    complement: { score: complement, comment: '' },
    capacity: { score: capacity, comment: '' },
  });
  const given = {
    A: [null, scores(5, 4, 5)],
    B: [scores(4, 4, 4), scores(4, 3, 4)],
    C: [scores(2, 2, 2), scores(2, 3, 2)],
  };
  for (const key of ['A', 'B', 'C'] as const) {
    ok(await caseworker.put(`/api/applications/${apps[key].id}/reviewers`, { reviewerIds }));
    for (const [j, client] of [reviewer, committee].entries()) {
      const review = given[key][j];
      if (!review) continue;
      ok(await client.post(`/api/applications/${apps[key].id}/review/declaration`, { conflict: false }));
      ok(await client.put(`/api/applications/${apps[key].id}/review`, { scores: review, submit: true }));
    }
  }
  // B is decided at today's meeting: 150 000 kr of the 300 000 kr are left.
  ok(
    await committee.post(`/api/applications/${apps.B.id}/decisions`, {
      amount: kronor(150_000),
      reasons: 'Uppdraget kompletterar socialkontorets uppsökande arbete.',
      grantFrom: '2027-01-01',
      grantTo: '2027-12-31',
      madeBy: 'committee',
      decisionBody: 'Socialnämnden',
      paragraph: '§ 6',
      decidedOn: today,
    }),
    201,
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Fetches a link's target with the page's cookies and checks it is a PDF. */
async function expectPdf(page: Page, href: string | null) {
  expect(href).toBeTruthy();
  const response = await page.request.get(href as string);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
}

/** Nothing but the tables' own scrolling regions is wider than a phone's screen. */
async function fitsTheScreen(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

/** Waits for focus to land on the element with this id (or, for the error summary, this class). */
const focused = (page: Page, idOrClass: string) =>
  page.waitForFunction((x) => document.activeElement?.id === x || document.activeElement?.classList.contains(x), idOrClass, { timeout: 5000 });

describe('assessment and decision', () => {
  it('a reviewer scores; the caseworker screens, assigns reviewers, uses the optimizer, proposes and records the decision; the applicant reads the letter', {
    // The longest journey: four people, the optimizer and three PDFs; about a minute on a quiet machine.
    timeout: 300_000,
  }, async () => {
    // Bo reviews A: no conflict of interest, every criterion scored, then the others' scores.
    const reviewer = await openPage(browser, server.url);
    const r = reviewer.page;
    await signIn(r, 'bedomare@norrkoping.example', 'Bo Bedömare');
    await r.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina bedömningar' }).click();
    await settledAndAccessible(r, 'Mina bedömningar');
    const todo = r.getByRole('region', { name: 'Att bedöma' });
    // A, and the demo's application from Vuxenskolan on the open call, assigned to Bo and not yet reviewed.
    expect(await todo.getByRole('listitem').count()).toBe(2);
    await todo.getByRole('listitem').filter({ hasText: 'Läxläsning och nattfotboll i Ringdansen' }).waitFor();
    const card = plain(await todo.getByRole('listitem').filter({ hasText: apps.A.caseNumber }).textContent());
    expect(card).toContain(apps.A.organisation);
    expect(card).toContain(apps.A.caseNumber);
    expect(card).toContain('Jäv inte prövat');
    await todo.getByRole('link', { name: apps.A.title }).click();
    await settledAndAccessible(r, `Bedömning: ${apps.A.title}`);
    expect(await r.getByRole('heading', { name: 'Andra bedömares poäng' }).count()).toBe(0);
    await r.getByRole('group', { name: 'Är du jävig i det här ärendet?' }).getByLabel('Nej, jag är inte jävig').check();
    await r.getByRole('button', { name: 'Lämna jävsförklaringen' }).click();
    await r.getByRole('heading', { level: 2, name: 'Bedöm ansökan' }).waitFor();
    await focused(r, 'rubric-heading');
    await r.getByText(/^Du intygade .+ att du inte är jävig i ärendet\.$/).waitFor();
    await axe(r, 'rubric');
    const rubric = [
      ['Behov och målgrupp (vikt 40 %)', '5 – mycket god'],
      ['Kompletterar kommunens eget arbete (vikt 35 %)', '5 – mycket god'],
      ['Förmåga att genomföra (vikt 25 %)', '4 – god'],
    ] as const;
    for (const [criterion, score] of rubric) await r.getByRole('group', { name: criterion }).getByLabel(score).check();
    await r.getByLabel('Kommentar om Förmåga att genomföra').fill('Erfarna ledare, men få av dem.');
    await axe(r, 'rubric scored');
    // Submitting asks first: what it means and who sees it; cancelling sends nothing and returns to the button.
    await r.getByRole('button', { name: 'Skicka in bedömningen' }).click();
    const confirmReview = r.getByRole('region', { name: 'Skicka in bedömningen?' });
    await focused(r, 'review-confirm-heading');
    const reviewConfirmText = plain(await confirmReview.textContent());
    expect(reviewConfirmText).toContain('3 av 3 bedömningsgrunder har betyg.');
    expect(reviewConfirmText).toContain('Bedömningen kan inte ändras när den är inskickad.');
    expect(reviewConfirmText).toContain('Handläggaren och nämnden ser dina betyg och kommentarer i beslutsunderlaget.');
    await axe(r, 'confirming the review');
    await confirmReview.getByRole('button', { name: 'Avbryt' }).click();
    await r.waitForFunction(() => document.activeElement?.textContent === 'Skicka in bedömningen');
    expect(await r.getByRole('heading', { level: 2, name: 'Din bedömning' }).count()).toBe(0);
    expect(await r.getByRole('group', { name: rubric[0][0] }).getByLabel(rubric[0][1]).isChecked()).toBe(true);
    await r.getByRole('button', { name: 'Skicka in bedömningen' }).click();
    await confirmReview.getByRole('button', { name: 'Ja, skicka in bedömningen' }).click();
    // Submitted: 0.4·5 + 0.35·5 + 0.25·4 = 4.75; Nils's 4.65 beside it.
    await r.getByRole('heading', { level: 2, name: 'Din bedömning' }).waitFor();
    await focused(r, 'own-heading');
    await r
      .getByRole('status')
      .getByText(/Din bedömning skickades in .+\.$/)
      .waitFor();
    expect(await r.getByText('Din sammanvägda poäng: 4,75 av 5.').count()).toBe(1);
    expect(await r.getByRole('group', { name: rubric[0][0] }).count()).toBe(0);
    const own = r.getByRole('table', { name: 'Dina betyg per bedömningsgrund' }).locator('tbody tr');
    expect((await own.allTextContents()).map(plain)).toEqual([
      'Behov och målgrupp40 %5–',
      'Kompletterar kommunens eget arbete35 %5–',
      'Förmåga att genomföra25 %4Erfarna ledare, men få av dem.',
    ]);
    const others = r.getByRole('table', { name: 'Andra bedömares betyg' });
    expect(await others.getByRole('row').count()).toBe(2);
    expect(plain(await others.getByRole('row', { name: /Nils Nämndordförande/ }).textContent())).toBe('Nils Nämndordförande5454,65');
    const summaryFacts = r.getByRole('region', { name: 'Andra bedömares poäng' }).locator('dl > div');
    expect((await summaryFacts.allTextContents()).map(plain)).toEqual([
      'Antal bedömningar2',
      'Medelvärde4,70',
      'Spridning (standardavvikelse)0,05',
      'Lägst–högst4,65–4,75',
      'Avvikande bedömningarVisas när minst tre har skickat in',
    ]);
    await axe(r, 'review submitted, others’ scores');
    expect(scriptErrors(r)).toEqual([]);
    await reviewer.context.close();

    const caseworker = await openPage(browser, server.url);
    const c = caseworker.page;
    await signIn(c, 'handlaggare@norrkoping.example', 'Hanna Handläggare');

    // From the funder's calls to the call's assessment overview.
    await c.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Utlysningar och utkast' }).click();
    await settledAndAccessible(c, 'Utlysningar och utkast');
    await c
      .locator('.call-card', { hasText: TITLE })
      .getByRole('link', { name: /^Bedömning och beslut/ })
      .click();
    await settledAndAccessible(c, `Bedömning: ${TITLE}`);
    const budget = plain(await c.getByRole('region', { name: 'Budget', exact: true }).textContent());
    expect(budget).toContain('Utlysningens belopp300 000 kr');
    expect(budget).toContain('Beviljat150 000 kr');
    expect(budget).toContain('Kvar att besluta om150 000 kr');
    expect(budget).toContain('Kvar om förslagen antas150 000 kr');
    const table = c.getByRole('table', { name: 'Ansökningar i utlysningen' });
    const rowB = plain(await table.locator('tr', { hasText: apps.B.caseNumber }).textContent());
    expect(rowB).toContain('Beviljad 150 000 kr');
    expect(rowB).toContain('Bo Bedömare: inte jävig, inskickad');
    const rowA = plain(await table.locator('tr', { hasText: apps.A.caseNumber }).textContent());
    expect(rowA).toContain('Inte prövad');
    expect(rowA).toContain('Inte beslutad');
    expect(rowA).toContain('4,7 ± 0,05');
    await expectPdf(c, await c.getByRole('link', { name: 'Beslutsunderlag (PDF)' }).getAttribute('href'));
    const minutes = c.getByRole('link', { name: /^Protokollsutdrag .+ \(PDF\)$/ });
    expect(await minutes.count()).toBe(1);
    expect(await minutes.getAttribute('href')).toBe(`/api/calls/${callId}/minutes.pdf?decidedOn=${today}`);
    await expectPdf(c, await minutes.getAttribute('href'));

    // In English the decision basis comes in English too.
    await c.getByRole('button', { name: 'English', exact: true }).click();
    await settledAndAccessible(c, `Assessment: ${TITLE}`);
    expect(await c.getByRole('link', { name: 'Decision basis (PDF)' }).getAttribute('href')).toBe(`/api/calls/${callId}/decision-basis.pdf?lang=en`);
    await c.getByRole('button', { name: 'Svenska', exact: true }).click();
    await settledAndAccessible(c, `Bedömning: ${TITLE}`);

    // Screening: the eligibility approval is missing; overriding it needs a reason.
    await table.getByRole('link', { name: apps.A.caseNumber }).click();
    await settledAndAccessible(c, `Bedömning och beslut: ${apps.A.caseNumber}`);
    const screening = c.getByRole('region', { name: 'Prövning mot villkoren', exact: true });
    expect(plain(await screening.textContent())).toContain('Ansökan är inte prövad än.');
    const approval = screening.getByRole('group', { name: 'Godkänd som bidragsberättigad', exact: true });
    expect(plain(await approval.textContent())).toContain('Automatisk kontroll: uppfyller inte');
    await approval.getByLabel('Gör en annan bedömning: uppfyller').check();
    await screening.getByText('Om du sparar blir utfallet: Uppfyller villkoren.').waitFor();
    await screening.getByRole('button', { name: 'Spara prövningen' }).click();
    const reasonError = c.locator('#screening-rules-eligibility_approval-reason-error');
    await reasonError.waitFor();
    expect(plain(await reasonError.textContent())).toBe('Fel: Skriv varför du gör en annan bedömning än den automatiska kontrollen.');
    const reason = approval.getByLabel('Motivering');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await focused(c, 'error-summary');
    expect(await approval.getByLabel('Gör en annan bedömning: uppfyller').isChecked()).toBe(true);
    await axe(c, 'screening, override without a reason');
    await c
      .locator('.error-summary')
      .getByRole('link', { name: 'Godkänd som bidragsberättigad, Motivering: Skriv varför du gör en annan bedömning än den automatiska kontrollen.' })
      .click();
    await focused(c, 'screening-rules-eligibility_approval-reason');
    await reason.fill('Föreningen har ansökt om godkännande; stadgar och styrelse är granskade.');
    await screening.getByRole('button', { name: 'Spara prövningen' }).click();
    await screening.getByText('Prövningen är sparad. Utfall: Uppfyller villkoren.').waitFor();
    const settled = screening.getByRole('table', { name: 'Senaste prövningen, regel för regel' }).locator('tr', { hasText: 'Godkänd som bidragsberättigad' });
    expect((await settled.locator('td').allTextContents()).map(plain)).toEqual([
      'uppfyller inte',
      'uppfyller (ändrad)',
      'Föreningen har ansökt om godkännande; stadgar och styrelse är granskade.',
    ]);
    await axe(c, 'screening saved');

    // Reviewers: Bo has started and cannot be taken off; Hanna is added.
    const reviewers = c.getByRole('region', { name: 'Bedömare och poäng', exact: true });
    const who = reviewers.getByRole('group', { name: 'Vilka ska bedöma ansökan?' });
    await who.getByLabel('Bo Bedömare').uncheck();
    await reviewers.getByRole('button', { name: 'Spara bedömare' }).click();
    await c.locator('.error-summary').getByText('Bedömaren har redan börjat och kan inte tas bort.').waitFor();
    await axe(c, 'reviewers, one who has started removed');
    await who.getByLabel('Bo Bedömare').check();
    await who.getByLabel('Hanna Handläggare').check();
    await reviewers.getByRole('button', { name: 'Spara bedömare' }).click();
    await reviewers.getByText('Bedömarna är sparade.').waitFor();
    const scoresTable = reviewers.getByRole('table', { name: 'Varje bedömares poäng' });
    await scoresTable.locator('tr', { hasText: 'Hanna Handläggare' }).getByText('har inte angett jäv än').waitFor();
    expect(plain(await scoresTable.locator('tr', { hasText: 'Bo Bedömare' }).textContent())).toContain('inte jävig, inskickad');
    expect(plain(await reviewers.textContent())).toContain('Inskickade bedömningar2');
    // On a desktop the table fits its region: the weighted score, its last column, is in view.
    expect(await scoresTable.evaluate((table) => (table.parentElement as HTMLElement).scrollWidth - (table.parentElement as HTMLElement).clientWidth)).toBe(0);
    expect(await scoresTable.getByRole('columnheader', { name: 'Viktad poäng' }).isVisible()).toBe(true);
    await axe(c, 'reviewers saved');

    // The optimizer: a constraint that cannot hold is named; without it, A gets what is left.
    await c.getByRole('link', { name: `Alla ansökningar i utlysningen: ${TITLE}` }).click();
    await settledAndAccessible(c, `Bedömning: ${TITLE}`);
    await c.getByRole('link', { name: 'Förslag på fördelning (optimering)' }).click();
    await settledAndAccessible(c, `Förslag på fördelning: ${TITLE}`);
    expect(plain(await c.getByRole('region', { name: 'Vad som fördelas', exact: true }).textContent())).toContain(
      '2 ansökningar uppfyller villkoren och är inte beslutade. Kvar att fördela: 150 000 kr.',
    );
    await c.getByLabel('Slag av villkor').selectOption({ label: 'Minst till en inriktning' });
    await c.getByRole('button', { name: 'Lägg till villkoret' }).click();
    const first = c.getByRole('group', { name: 'Villkor 1: Minst till en inriktning' });
    await focused(c, 'optimizer-constraints-0-focusArea');
    await first.getByLabel('Inriktning').selectOption({ index: 1 });
    await first.getByLabel('Minst belopp').fill('200 000');
    await c.getByLabel('Slag av villkor').selectOption({ label: 'Lås ute en ansökan' });
    await c.getByRole('button', { name: 'Lägg till villkoret' }).click();
    const second = c.getByRole('group', { name: 'Villkor 2: Lås ute en ansökan' });
    await second.getByLabel('Ansökan').selectOption({ label: `${apps.C.caseNumber} ${apps.C.organisation} (100 000 kr)` });
    await axe(c, 'optimizer with two constraints');
    await c.getByRole('button', { name: 'Beräkna förslag' }).click();
    const summary = c.locator('.error-summary');
    await summary.getByText(/^Villkoren går inte att uppfylla samtidigt inom budgeten\. De som krockar: minst 200\s000\skr till ”/).waitFor();
    expect(plain(await c.locator('#optimizer-constraints-0-error').textContent())).toBe('Fel: Det här villkoret krockar med de andra markerade.');
    expect(await c.locator('#optimizer-constraints-1-error').count()).toBe(0);
    expect(await first.getByLabel('Minst belopp').inputValue()).toBe('200 000');
    await axe(c, 'optimizer, constraints in conflict');
    await first.getByRole('button', { name: 'Ta bort villkor 1' }).click();
    await focused(c, 'optimizer-constraints-add');
    await c.getByRole('group', { name: 'Villkor 1: Lås ute en ansökan' }).waitFor();
    await c.getByRole('button', { name: 'Beräkna förslag' }).click();
    await c.getByRole('heading', { name: 'Förslaget', level: 2 }).waitFor();
    await focused(c, 'optimizer-result-heading');
    const result = c.getByRole('table', { name: 'Föreslagen fördelning' });
    const suggestedA = plain(await result.locator('tr', { hasText: apps.A.caseNumber }).textContent());
    expect(plain(await result.locator('tr', { hasText: apps.A.caseNumber }).locator('td').nth(1).textContent())).toBe('4,7');
    expect(suggestedA).toContain('150 000 kr');
    expect(suggestedA).toContain('Föreslås delvis: 150 000 kr');
    const suggestedC = plain(await result.locator('tr', { hasText: apps.C.caseNumber }).textContent());
    expect(suggestedC).toContain('Utanför därför att du låste ute den:');
    expect(plain(await c.locator('.constraint-costs').textContent())).toMatch(
      /^Villkor 1: ”.+ ska inte beviljas” kostar ingenting: förslaget blir inte bättre utan villkoret\.$/,
    );
    expect(plain(await c.locator('.facts').first().textContent())).toContain('Använt i förslag till beslut0 av 2');
    await c.getByText(/^Den viktade poängen är bedömarnas medelbetyg för varje ansökan/).waitFor();
    await axe(c, 'optimizer suggestion');

    // Locking out A instead: the suggestion is marked out of date until recomputed; then the lock's
    // cost is told in kronor and in the application it displaces.
    await c
      .getByRole('group', { name: 'Villkor 1: Lås ute en ansökan' })
      .getByLabel('Ansökan')
      .selectOption({ label: `${apps.A.caseNumber} ${apps.A.organisation} (200 000 kr)` });
    const stale = c.locator('#optimizer-stale');
    await stale.getByText('Förslaget nedan är inte längre aktuellt.', { exact: false }).waitFor();
    expect(plain(await stale.textContent())).toContain('villkoren eller den lägsta poängen i formuläret ovan');
    await axe(c, 'optimizer suggestion out of date');
    await stale.getByRole('button', { name: 'Räkna om förslaget' }).click();
    await c
      .locator('.constraint-costs')
      .getByText(/tränger undan/)
      .waitFor();
    expect(await stale.count()).toBe(0);
    const lockCost = plain(await c.locator('.constraint-costs').textContent());
    expect(lockCost).toMatch(/^Villkor 1: ”.+ ska inte beviljas” tränger undan 150 000 kr: utan villkoret skulle de pengarna gå till andra ansökningar/);
    expect(lockCost).toContain('Utan villkoret skulle de här få mer:');
    expect(lockCost).toContain('I stället går pengarna till:');
    expect((await c.locator('.constraint-costs li li').allTextContents()).map(plain)).toEqual([
      `${apps.A.caseNumber} ${apps.A.organisation}, ”${apps.A.title}”: beviljas inte (skulle få 150 000 kr)`,
      `${apps.C.caseNumber} ${apps.C.organisation}, ”${apps.C.title}”: 100 000 kr (skulle inte beviljas utan villkoret)`,
    ]);
    await axe(c, 'optimizer, the cost of a lock in kronor and applications');
    // Back to locking out C, recomputed with the form's own button.
    await c
      .getByRole('group', { name: 'Villkor 1: Lås ute en ansökan' })
      .getByLabel('Ansökan')
      .selectOption({ label: `${apps.C.caseNumber} ${apps.C.organisation} (100 000 kr)` });
    await stale.waitFor();
    await c.getByRole('button', { name: 'Räkna om', exact: true }).click();
    await c
      .locator('.constraint-costs')
      .getByText(/kostar ingenting/)
      .waitFor();
    await focused(c, 'optimizer-result-heading');
    // In English the explanations follow at once, without solving again; then back to Swedish.
    await c.getByRole('button', { name: 'English' }).click();
    const inEnglish = c.getByRole('table', { name: 'Suggested allocation' });
    await inEnglish.waitFor();
    expect(plain(await inEnglish.locator('tr', { hasText: apps.A.caseNumber }).textContent())).toContain(
      'Proposed in part: SEK 150,000, 75% of what can be granted (score 4.7).',
    );
    expect(plain(await inEnglish.locator('tr', { hasText: apps.C.caseNumber }).textContent())).toContain('Out because you locked it out:');
    expect(plain(await c.locator('.constraint-costs').textContent())).toMatch(
      /^Constraint 1: “.+” costs nothing: the suggestion would be no better without it\.$/,
    );
    await axe(c, 'optimizer suggestion in English');
    await c.getByRole('button', { name: 'Svenska' }).click();
    await result.waitFor();
    await result
      .locator('tr', { hasText: apps.A.caseNumber })
      .getByRole('link', { name: /^Använd 150 000 kr i förslaget/ })
      .click();

    // The proposal: the optimizer's amount is filled in; above the amount applied for is refused on the field.
    await settledAndAccessible(c, `Bedömning och beslut: ${apps.A.caseNumber}`);
    const proposal = c.getByRole('region', { name: 'Förslag till beslut', exact: true });
    await proposal.getByText('Beloppet 150 000 kr kommer från optimeringens förslag.', { exact: false }).waitFor();
    const amount = proposal.getByLabel('Föreslaget belopp');
    expect(plain(await amount.inputValue())).toBe('150 000');
    await focused(c, 'proposal-amount');
    await amount.fill('250 000');
    const why = 'Högst poäng i utlysningen; budgeten räcker till 150 000 kr.';
    await proposal.getByLabel('Motivering').fill(why);
    await proposal.getByRole('button', { name: 'Spara förslaget' }).click();
    const amountError = c.locator('#proposal-amount-error');
    await amountError.waitFor();
    expect(plain(await amountError.textContent())).toBe('Fel: Beloppet får inte vara större än det sökta, 200 000 kr.');
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await proposal.getByLabel('Motivering').inputValue()).toBe(why);
    await axe(c, 'proposal above the amount applied for');
    await amount.fill('150 000');
    await proposal.getByRole('button', { name: 'Spara förslaget' }).click();
    await proposal.getByText('Förslaget är sparat: 150 000 kr.').waitFor({ state: 'attached' });
    await proposal.getByRole('heading', { name: 'Senaste förslaget' }).waitFor();
    await axe(c, 'proposal saved');

    // Back at the optimizer, the suggestion is still there, with A's marked as used; nothing was recomputed.
    await c.goBack();
    await settledAndAccessible(c, `Förslag på fördelning: ${TITLE}`);
    const kept = c.getByRole('table', { name: 'Föreslagen fördelning' });
    await kept.locator('tr', { hasText: apps.A.caseNumber }).getByText('Använt', { exact: true }).waitFor();
    expect(await kept.locator('tr', { hasText: apps.C.caseNumber }).getByText('Använt', { exact: true }).count()).toBe(0);
    expect(plain(await c.locator('.facts').first().textContent())).toContain('Använt i förslag till beslut1 av 2');
    expect(await c.locator('#optimizer-stale').count()).toBe(0);
    expect(await c.getByRole('button', { name: 'Räkna om', exact: true }).count()).toBe(1);
    await axe(c, 'optimizer suggestion kept, one used');
    await c.goForward();
    await settledAndAccessible(c, `Bedömning och beslut: ${apps.A.caseNumber}`);

    // The committee's decision: above what is left of the budget first, with a reservation that is kept.
    const decision = c.getByRole('region', { name: 'Beslut', exact: true });
    expect(plain(await decision.textContent())).toContain('Inget beslut är fattat.');
    await decision.getByRole('button', { name: 'Fyll i från förslaget (150 000 kr)' }).click();
    expect(plain(await decision.getByLabel('Beviljat belopp').inputValue())).toBe('150 000');
    expect(await decision.getByLabel('Motivering').inputValue()).toBe(why);
    expect(await decision.getByLabel('Beslutande organ').inputValue()).toBe('Socialnämnden');
    await decision.getByLabel('Beviljat belopp').fill('200 000');
    await decision.getByLabel('Bidragsperiod från och med').fill('2027-01-01');
    await decision.getByLabel('Bidragsperiod till och med').fill('2027-12-31');
    await decision.getByLabel('Villkor').fill('Redovisning senast tre månader efter bidragsperioden.');
    await decision.getByLabel('Paragraf').fill('§ 7');
    await decision.getByRole('button', { name: 'Lägg till reservation' }).click();
    const reservation = decision.getByRole('group', { name: 'Reservation 1' });
    await focused(c, 'decision-reservations-0-kind');
    await reservation.getByLabel('Ledamot eller parti').fill('Karin Lind (KD)');
    await reservation.getByLabel('Text').fill('Till förmån för eget yrkande om bifall med 200 000 kr.');
    await axe(c, 'decision form with a reservation');
    // Recording asks first: what is decided, that it cannot be changed, and who is mailed at once.
    await decision.getByRole('button', { name: 'Registrera beslutet' }).click();
    const confirmDecision = decision.getByRole('region', { name: 'Registrera beslutet och skicka det till sökanden?' });
    await focused(c, 'decision-confirm-heading');
    const decisionConfirmText = plain(await confirmDecision.textContent());
    expect(decisionConfirmText).toContain('Beslutet registreras: Beviljad, 200 000 kr. Det kan inte ändras i efterhand, bara ersättas av ett nytt beslut.');
    expect(decisionConfirmText).toContain(`${apps.A.organisation} får beslutsbrevet med e-post direkt, till asa.oberg.a@forening.example`);
    await axe(c, 'confirming the decision');
    await confirmDecision.getByRole('button', { name: 'Avbryt' }).click();
    await c.waitForFunction(() => document.activeElement?.textContent === 'Registrera beslutet');
    expect(plain(await decision.textContent())).toContain('Inget beslut är fattat.');
    expect(await decision.getByLabel('Beviljat belopp').inputValue()).toBe('200 000');
    await decision.getByRole('button', { name: 'Registrera beslutet' }).click();
    await confirmDecision.getByRole('button', { name: 'Registrera och skicka beslutet' }).click();
    const budgetError = c.locator('#decision-amount-error');
    await budgetError.waitFor();
    expect(plain(await budgetError.textContent())).toBe('Fel: Beloppet ryms inte i budgeten. Det finns 150 000 kr kvar att besluta om.');
    expect(await decision.getByLabel('Beviljat belopp').getAttribute('aria-invalid')).toBe('true');
    expect(await reservation.getByLabel('Ledamot eller parti').inputValue()).toBe('Karin Lind (KD)');
    await focused(c, 'error-summary');
    await axe(c, 'decision above the budget');
    await decision.getByLabel('Beviljat belopp').fill('150 000');
    await decision.getByRole('button', { name: 'Registrera beslutet' }).click();
    expect(plain(await confirmDecision.textContent())).toContain('Beslutet registreras: Delvis beviljad, 150 000 kr.');
    await confirmDecision.getByRole('button', { name: 'Registrera och skicka beslutet' }).click();
    await decision.getByText('Beslutet är registrerat: Delvis beviljad, 150 000 kr. Sökanden har fått besked.').waitFor();
    const recorded = decision.locator('.decision-history > li');
    expect(await recorded.count()).toBe(1);
    const facts = plain(await recorded.textContent());
    expect(facts).toContain('Delvis beviljad');
    expect(facts).toContain('Gällande');
    expect(facts).toContain('150 000 kr av sökta 200 000 kr');
    expect(facts).toContain('Socialnämnden § 7 (nämndbeslut)');
    expect(facts).toContain('Reservation: Karin Lind (KD)');
    await expectPdf(c, await recorded.getByRole('link', { name: 'Beslutsbrev (PDF)' }).getAttribute('href'));
    await axe(c, 'decision recorded');

    // A new decision would replace the current one: clearly so, and cancelling keeps the current.
    await decision.getByRole('button', { name: 'Fatta ett nytt beslut som ersätter det gällande' }).click();
    await decision.getByRole('heading', { name: /^Nytt beslut som ersätter beslutet .+ § 7$/ }).waitFor();
    await focused(c, 'decision-form-heading');
    expect(plain(await decision.textContent())).toContain('Det gällande beslutet ändras inte.');
    await axe(c, 'new decision replacing the current one');
    await decision.getByRole('button', { name: 'Avbryt' }).click();
    expect(await decision.getByRole('button', { name: 'Registrera det nya beslutet' }).count()).toBe(0);

    // The overview: the budget is spent.
    await c.getByRole('link', { name: `Alla ansökningar i utlysningen: ${TITLE}` }).click();
    await settledAndAccessible(c, `Bedömning: ${TITLE}`);
    expect(plain(await c.getByRole('region', { name: 'Budget', exact: true }).textContent())).toContain('Kvar att besluta om0 kr');
    expect(plain(await table.locator('tr', { hasText: apps.A.caseNumber }).textContent())).toContain('Delvis beviljad 150 000 kr');
    expect(scriptErrors(c)).toEqual([]);
    await caseworker.context.close();

    // The committee prepares its meeting from the same overview: it records decisions, but neither screens, assigns nor proposes.
    const committee = await openPage(browser, server.url, PHONE);
    const n = committee.page;
    await signIn(n, 'namnd@norrkoping.example', 'Nils Nämndordförande');
    await n.getByRole('region', { name: FUNDER }).getByRole('link', { name: 'Utlysningar och utkast' }).click();
    await settledAndAccessible(n, 'Utlysningar och utkast');
    await n
      .locator('.call-card', { hasText: TITLE })
      .getByRole('link', { name: /^Bedömning och beslut/ })
      .click();
    await settledAndAccessible(n, `Bedömning: ${TITLE}`);
    expect(await n.getByRole('link', { name: 'Förslag på fördelning (optimering)' }).count()).toBe(0);
    await fitsTheScreen(n);
    await n.getByRole('table', { name: 'Ansökningar i utlysningen' }).getByRole('link', { name: apps.A.caseNumber }).click();
    await settledAndAccessible(n, `Bedömning och beslut: ${apps.A.caseNumber}`);
    for (const button of ['Spara prövningen', 'Pröva ansökan igen', 'Spara bedömare', 'Spara förslaget'])
      expect(await n.getByRole('button', { name: button }).count()).toBe(0);
    expect(plain(await n.getByRole('region', { name: 'Förslag till beslut', exact: true }).textContent())).toContain('Högst poäng i utlysningen');
    await n.getByRole('button', { name: 'Fatta ett nytt beslut som ersätter det gällande' }).click();
    await n.getByRole('group', { name: 'Vem fattar beslutet?' }).getByLabel('Jag, på delegation').waitFor();
    await axe(n, 'the committee’s view of a decided application');
    await fitsTheScreen(n);
    expect(scriptErrors(n)).toEqual([]);
    await committee.context.close();

    // The applicant reads the decision and its letter.
    const applicant = await openPage(browser, server.url);
    const a = applicant.page;
    await signIn(a, APPLICANT.email, APPLICANT.name, APPLICANT.password);
    await a.goto(`/applications/${apps.A.id}`);
    await settledAndAccessible(a, `${apps.A.title} (${apps.A.caseNumber})`);
    const letter = a.getByRole('link', { name: 'Läs beslutsbrevet (PDF)', exact: true });
    await letter.waitFor();
    await expectPdf(a, await letter.getAttribute('href'));
    await axe(a, 'the applicant’s decision');
    expect(await a.getByRole('link', { name: 'Bedömning och beslut' }).count()).toBe(0);
    expect(scriptErrors(a)).toEqual([]);
    await applicant.context.close();
  });
});
