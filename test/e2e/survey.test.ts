// A participant answers the survey on a small phone (320 px wide) in easy Swedish with the keyboard alone:
// Tab, Space, the arrow keys and Enter, never a click; every page is scanned with axe. Then they come back
// with the same phone, change their answer, and find it changed, not doubled. The agreement is made through
// the API as the people involved would (support/agreements.ts); its survey is the one signing opens (or, for
// an agreement signed without one, opened by support/surveys.ts as signing does).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kronor } from '../../src/domain/money.ts';
import { world } from '../support/agreements.ts';
import { startTestServer, type TestApp } from '../support/app.ts';
import { axe, DESKTOP, launchBrowser, openPage, scriptErrors, settledAndAccessible, signIn } from '../support/browser.ts';
import { Phone, surveyOf } from '../support/surveys.ts';

let server: TestApp & { url: string };
let browser: Browser;

/** The smallest phone the page is made for (WCAG 1.4.10: 320 CSS px). */
const SMALL_PHONE = { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What has the keyboard's focus: a radio's group and value, a link's or button's text, or the element's tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return 'body';
    if (el.type === 'radio') return `${el.name}=${el.value}`;
    return `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}`;
  });

/** Presses Tab until `target` has the focus (at most `max` times), so the journey never skips ahead by clicking. */
async function tabTo(page: Page, target: string, max = 20) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === target) return;
  }
  throw new Error(`Tab never reached ${target}; the focus is on ${await focused(page)}`);
}

/** The focus ring shows: whatever has the keyboard's focus is outlined. */
async function focusVisible(page: Page) {
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el.closest('label') ?? el);
    const own = getComputedStyle(el);
    return [style.outlineStyle, own.outlineStyle];
  });
  expect(outline.some((o) => o !== 'none')).toBe(true);
}

/** Nothing on the page scrolls sideways at 320 px. */
async function fitsNarrow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

/** Picks `value` (1–5) in the group whose first radio has the focus and nothing chosen: Space chooses the first, arrows move on. */
async function choose(page: Page, group: string, value: number) {
  expect(await focused(page)).toBe(`${group}=1`);
  await page.keyboard.press('Space');
  for (let v = 1; v < value; v++) await page.keyboard.press('ArrowRight');
  expect(await focused(page)).toBe(`${group}=${value}`);
  expect(await page.locator(`input[name="${group}"][value="${value}"]`).isChecked()).toBe(true);
}

describe('a participant answers the survey', () => {
  it('at 320 px in easy Swedish with the keyboard alone, and then changes the answer', { timeout: 180_000 }, async () => {
    const w = await world(server);
    const org = await w.organisation('Nattfotboll i Hageby – Çağla & Łukasz 🌙');
    const { applicationId } = await w.granted(org, kronor(60_000));
    const agreement = await w.signed(org, applicationId);
    const survey = await surveyOf(server, agreement.id);
    const questions = await org.member.put(`/api/surveys/${survey.id}/questions`, {
      questions: [{ text: { sv: 'Vill du spela fler matcher?', easy: 'Vill du spela mer?' } }],
    });
    expect(questions.status, JSON.stringify(questions.body)).toBe(200);

    const { context, page } = await openPage(browser, server.url, SMALL_PHONE);
    const errors = scriptErrors(page);
    // The poster's QR code leads here; the page comes in Swedish first.
    await page.goto(`/s/${survey.token}`);
    await page.getByRole('heading', { level: 1, name: 'Vad tyckte du?' }).waitFor();
    await axe(page, 'the survey in Swedish');
    await fitsNarrow(page);

    // To easy Swedish by the language links, with the keyboard.
    await tabTo(page, 'a:Lättläst');
    await focusVisible(page);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Vad tycker du?' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(page.url()).toContain('lang=easy');
    await axe(page, 'the survey in easy Swedish');
    await fitsNarrow(page);
    await page.getByText('Ingen vet vem du är').waitFor();

    // Sending nothing says what to do, on the first question, and keeps the page as it was.
    await tabTo(page, 'button:Skicka', 40);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Titta en gång till' }).waitFor();
    await page.getByText('Svara på minst en fråga. Sen kan du skicka.').first().waitFor();
    await axe(page, 'the survey with an error');
    await fitsNarrow(page);

    await tabTo(page, 'ratings.safe=1', 40);
    await focusVisible(page);
    await choose(page, 'ratings.safe', 4);
    await page.keyboard.press('Tab');
    await choose(page, 'ratings.welcome', 5);
    await page.keyboard.press('Tab');
    await choose(page, 'ratings.come_back', 5);
    await page.keyboard.press('Tab');
    await choose(page, 'ratings.learned', 3);
    await page.keyboard.press('Tab');
    await choose(page, 'ratings.listened', 4);
    await page.keyboard.press('Tab');
    await choose(page, 'extra.x1', 5);
    // The age band: the second choice, 13–15.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('ageBand=under_13');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('input[name="ageBand"][value="13_15"]').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('textarea:');
    await page.keyboard.type('Roligt! <b>Mer</b> fotboll =1+1');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('button:Skicka');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Tack för att du svarade!' }).waitFor();
    await axe(page, 'thanks in easy Swedish');
    await fitsNarrow(page);
    const stored = await server.db.kysely.selectFrom('survey_answers').selectAll().where('survey_id', '=', survey.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      age_band: '13_15',
      ratings: { safe: 4, welcome: 5, come_back: 5, learned: 3, listened: 4 },
      extra_ratings: { x1: 5 },
      free_text: 'Roligt! <b>Mer</b> fotboll =1+1',
    });
    // The one cookie, for the survey's own address only.
    const cookies = await context.cookies();
    expect(cookies.map((c) => [c.name, c.path, c.httpOnly, c.sameSite])).toEqual([[`sv_${survey.id}`, `/s/${survey.token}`, true, 'Lax']]);

    // Back to the answer, and a change: learned something after all.
    await tabTo(page, 'a:Ändra ditt svar');
    await page.keyboard.press('Enter');
    await page.getByText('Du har redan svarat. Du kan ändra ditt svar här.').waitFor();
    await axe(page, 'the own answer in easy Swedish');
    await fitsNarrow(page);
    expect(await page.locator('textarea').inputValue()).toBe('Roligt! <b>Mer</b> fotboll =1+1');
    // In a group with a choice, Tab lands on the chosen radio.
    await tabTo(page, 'ratings.learned=3', 40);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('ratings.learned=5');
    await tabTo(page, 'button:Ändra', 20);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Tack för att du svarade!' }).waitFor();

    const after = await server.db.kysely.selectFrom('survey_answers').selectAll().where('survey_id', '=', survey.id).execute();
    expect(after).toHaveLength(1);
    expect(after[0]?.ratings).toEqual({ safe: 4, welcome: 5, come_back: 5, learned: 5, listened: 4 });
    expect(after[0]?.free_text).toBe('Roligt! <b>Mer</b> fotboll =1+1');

    // Once the association closes the survey, the link says so, in all three languages.
    expect((await org.member.post(`/api/surveys/${survey.id}/close`)).status).toBe(200);
    const closed = await page.goto(`/s/${survey.token}?lang=easy`);
    expect(closed?.status()).toBe(410);
    await page.getByRole('heading', { level: 1, name: 'Enkäten är stängd' }).waitFor();
    await page.getByText('The survey is closed').waitFor();
    await axe(page, 'the closed survey');
    await fitsNarrow(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the association and the caseworker manage the survey', () => {
  it('shares the link and the poster, adds a question of its own, and the caseworker reads and masks free texts', { timeout: 180_000 }, async () => {
    const w = await world(server);
    const org = await w.organisation('Läxhjälpen Çağla & Łukasz 🌙');
    const { applicationId } = await w.granted(org, kronor(45_000));
    const agreement = await w.signed(org, applicationId);
    const survey = await surveyOf(server, agreement.id);

    // The association, on a phone.
    const phone = await openPage(browser, server.url, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const errors = scriptErrors(phone.page);
    await signIn(phone.page, org.signatoryEmail, org.signatoryName);
    await phone.page.goto(`/agreements/${agreement.id}`);
    const section = phone.page.getByRole('region', { name: 'Deltagarenkät' });
    await section.getByLabel('Länk till enkäten').waitFor();
    await settledAndAccessible(phone.page, new RegExp(agreement.number));
    expect(await section.getByLabel('Länk till enkäten').inputValue()).toBe(`${server.url}/s/${survey.token}`);
    expect(await section.getByRole('link', { name: /Affischen att skriva ut/ }).getAttribute('href')).toBe(`/api/surveys/${survey.id}/poster.pdf`);
    await section.getByRole('button', { name: 'Kopiera länken' }).click();
    await section.getByText(/Länken är kopierad|Det gick inte att kopiera automatiskt/).waitFor();

    await section.getByRole('button', { name: 'Lägg till en fråga' }).click();
    await section.getByLabel('På svenska').fill('Fick du vara med och bestämma?');
    await section.getByLabel(/På engelska/).fill('Did you get a say?');
    await section.getByRole('button', { name: 'Spara frågorna' }).click();
    await section.getByText('Frågorna är sparade.').waitFor();
    await axe(phone.page, 'the survey section with a question of its own');
    await section.getByRole('button', { name: 'Stäng enkäten' }).click();
    await section.getByText('Stängd', { exact: true }).waitFor();
    await section.getByRole('button', { name: 'Öppna enkäten igen' }).click();
    await section.getByText('Öppen för svar').waitFor();
    // The association never sees free texts.
    expect(await section.getByRole('heading', { name: 'Fritextsvar' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await phone.context.close();

    // Five participants answer, one naming someone.
    const texts = ['Ledaren Kalle Svensson var snäll mot mig', 'Bra läxhjälp!', 'Mer fika tack 🍪', 'Lugnt och tryggt', 'Vill komma varje vecka'];
    for (const text of texts)
      expect((await new Phone(server.app).answer(survey.token, { ratings: { safe: 5 }, extra: { x1: 4 }, freeText: text })).statusCode).toBe(201);

    // The caseworker reads them first, and masks the name.
    const desk = await openPage(browser, server.url, DESKTOP);
    await signIn(desk.page, 'handlaggare@norrkoping.example', 'Hanna Handläggare');
    await desk.page.goto(`/agreements/${agreement.id}`);
    const staff = desk.page.getByRole('region', { name: 'Deltagarenkät' });
    await staff.getByRole('heading', { name: 'Fritextsvar' }).waitFor();
    await staff.getByText('Bra läxhjälp!').waitFor();
    await settledAndAccessible(desk.page, new RegExp(agreement.number));
    const named = staff.getByRole('listitem').filter({ hasText: 'Kalle Svensson' });
    await named.getByRole('button', { name: 'Maskera' }).click();
    await named.getByLabel(/Texten som visas i stället/).fill('Ledaren [namn] var snäll mot mig');
    await named.getByRole('button', { name: 'Spara maskerad text' }).click();
    await staff.getByText('Ledaren [namn] var snäll mot mig').waitFor();
    const good = staff.getByRole('listitem').filter({ hasText: 'Bra läxhjälp!' });
    await good.getByRole('button', { name: 'Markera som läst' }).click();
    await good.getByText('Läst', { exact: true }).waitFor();
    // The button used is gone; the keyboard stays on that answer, at the one that remains.
    await expect.poll(() => desk.page.evaluate(() => document.activeElement?.textContent)).toBe('Maskera');
    expect(await good.getByRole('button', { name: 'Maskera' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await axe(desk.page, 'the free texts after reading and masking');
    expect(await staff.getByText('Kalle Svensson').count()).toBe(0);
    expect(scriptErrors(desk.page)).toEqual([]);
    await desk.context.close();
  });
});
