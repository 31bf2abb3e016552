import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, dateInStockholm } from '../../src/domain/deadlines.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';
import { demoTemplate } from '../support/fixtures.ts';

// The public pages come with their first view in the HTML, in the visitor's language, so a phone shows
// them as soon as the page arrives rather than after the whole app has loaded.

let t: TestApp;
let callId: string;
const TITLE = 'Trygghet & "Unga" <i> Hageby – Çağla Łukasz';
const SUMMARY = 'Stöd till föreningar som <b>nattvandrar</b> & ger läxhjälp.';
const ESCAPED_TITLE = 'Trygghet &amp; &quot;Unga&quot; &lt;i&gt; Hageby – Çağla Łukasz';

beforeAll(async () => {
  t = await createTestApp();
  // A caseworker publishes a call whose title has the characters HTML gives meaning to.
  const caseworker = new Client(t.app);
  const user = await caseworker.login('handlaggare@norrkoping.example');
  const funderId = user.funders[0].funderId as string;
  const programmes = (await caseworker.get(`/api/funders/${funderId}/programmes`)).body.programmes;
  const line = programmes
    .flatMap((p: { lines: { id: string; name: string }[] }) => p.lines)
    .find((l: { name: string }) => l.name === 'Kontaktnät och handlingsplan');
  const today = dateInStockholm(new Date());
  const { rules } = await demoTemplate(t.db);
  const created = await caseworker.post(`/api/funders/${funderId}/calls`, {
    ...rules,
    title: TITLE,
    summary: SUMMARY,
    budgetLineId: line.id,
    amount: 10_000_000,
    minAmount: 100_000,
    maxAmount: 5_000_000,
    opensOn: addMonths(today, -1),
    deadline: addMonths(today, 1),
  });
  expect(created.status).toBe(201);
  callId = created.body.id;
  expect((await caseworker.post(`/api/calls/${callId}/publish`)).status).toBe(200);
});
afterAll(() => t.close());

const page = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const h1 = (body: string) => /<h1[^>]*>(.*?)<\/h1>/s.exec(body)?.[1];

describe('the first view of the public pages', () => {
  it('is the start page in the visitor’s language: the language cookie, else Accept-Language, else Swedish', async () => {
    const english = await page('/', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(english.statusCode).toBe(200);
    expect(english.headers['cache-control']).toBe('no-cache');
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('<title>Welcome to Samverka – Samverka</title>');
    expect(h1(english.body)).toBe('Welcome to Samverka');
    expect(english.body).toContain('<nav class="site-nav" aria-label="Main menu">');
    expect(english.body).toContain('<main id="main" class="container main" tabindex="-1">');

    const swedish = await page('/', { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.8' });
    expect(swedish.body).toContain('<html lang="sv">');
    expect(h1(swedish.body)).toBe('Välkommen till Samverka');
    expect(swedish.body).toContain('aria-label="Huvudmeny"');

    const chosen = await page('/', { 'accept-language': 'sv-SE', cookie: 'samverka_lang=en' });
    expect(chosen.body).toContain('<html lang="en">');
    expect(h1(chosen.body)).toBe('Welcome to Samverka');
    const unsaid = await page('/');
    expect(unsaid.body).toContain('<html lang="sv">');
    expect(h1(unsaid.body)).toBe('Välkommen till Samverka');
  });

  it('is a call’s page with its title and summary escaped, its status and the way to apply, compressed for a browser that takes it', async () => {
    const english = await page(`/calls/${callId}`, { 'accept-language': 'en', 'accept-encoding': 'gzip, br' });
    expect(english.statusCode).toBe(200);
    expect(english.headers['content-encoding']).toBe('br');
    expect(english.headers.vary).toMatch(/accept-language/);
    const body = brotliDecompressSync(english.rawPayload).toString('utf8');
    expect(body).toContain('<html lang="en">');
    // The funder's words are Swedish in the English interface, and marked so.
    expect(h1(body)).toBe(`<span lang="sv">${ESCAPED_TITLE}</span>`);
    expect(body).toContain(`<title>${ESCAPED_TITLE} – Samverka</title>`);
    expect(body).toContain('<p class="lead" lang="sv">Stöd till föreningar som &lt;b&gt;nattvandrar&lt;/b&gt; &amp; ger läxhjälp.</p>');
    expect(body).not.toContain('<i>');
    expect(body).not.toContain('<b>');
    expect(body).toContain('Open for applications');
    expect(body).toContain(`href="/calls/${callId}/apply">Apply</a>`);

    const swedish = await page(`/calls/${callId}`, { 'accept-language': 'sv' });
    expect(swedish.body).toContain('<html lang="sv">');
    expect(h1(swedish.body)).toBe(`<span>${ESCAPED_TITLE}</span>`);
    expect(swedish.body).toContain('Öppen för ansökningar');
  });

  it('is the list of calls, filtered as asked', async () => {
    const open = await page('/calls?phase=open', { 'accept-language': 'sv' });
    expect(open.statusCode).toBe(200);
    expect(h1(open.body)).toBe('Utlysningar');
    expect(open.body).toContain('<title>Utlysningar: Öppna – Samverka</title>');
    expect(open.body).toContain(`<a href="/calls/${callId}"><span>${ESCAPED_TITLE}</span></a>`);
    expect(open.body).not.toContain('Uppdragsbidrag för ökad trygghet 2022');
    const closed = await page('/calls?phase=closed', { 'accept-language': 'en' });
    expect(closed.body).toContain('<span lang="sv">Uppdragsbidrag för ökad trygghet 2022</span>');
    expect(closed.body).not.toContain(ESCAPED_TITLE);
  });

  it('says in words that a malformed call address is not valid, or that no call has it, with a link to the list', async () => {
    const malformed = await page('/calls/not-a-uuid', { 'accept-language': 'en' });
    expect(malformed.statusCode).toBe(404);
    expect(malformed.body).toContain('The address of the call is not valid.');
    expect(malformed.body).toContain('<a href="/calls">See all calls</a>');
    expect(malformed.body).not.toMatch(/check the form/i);
    const swedish = await page('/calls/%3Cscript%3E', { 'accept-language': 'sv' });
    expect(swedish.statusCode).toBe(404);
    expect(swedish.body).toContain('Adressen till utlysningen är inte giltig.');
    expect(swedish.body).not.toContain('<script>');
    const unknown = await page('/calls/00000000-0000-4000-8000-000000000000', { 'accept-language': 'sv' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Det finns ingen publicerad utlysning med den här adressen.');
  });

  it('is left to the app for someone signed in, whose pages depend on who they are, in their language', async () => {
    const caseworker = new Client(t.app);
    await caseworker.login('handlaggare@norrkoping.example');
    const start = await caseworker.get('/');
    expect(start.status).toBe(200);
    expect(start.body).toContain('<div id="root"></div>');
    expect(start.body).toMatch(/<html lang="(sv|en)">/);
    // Other pages keep their shell, with the language set.
    const signIn = await page('/sign-in', { 'accept-language': 'en' });
    expect(signIn.body).toContain('<html lang="en">');
    expect(signIn.body).toContain('<div id="root"></div>');
  });
});
