import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import sv from '../../src/web/i18n/sv.json' with { type: 'json' };
import { codesOnPage } from './internal-codes.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless; one per test file (launching takes about a second). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/**
 * A fresh browser profile (own cookies and storage) on the test server, in
 * Swedish unless told otherwise. axe needs a page from a context, not browser.newPage().
 */
export async function openPage(browser: Browser, baseURL: string, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: 'sv-SE', timezoneId: 'Europe/Stockholm', ...DESKTOP, ...options });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  // Only Samverka's own pages count: an identity provider's pages are not ours to judge.
  const ours = () => page.url().startsWith(baseURL);
  page.on('pageerror', (error) => {
    if (ours()) problems.push(`page error: ${error.message}`);
  });
  page.on('console', (message) => {
    if (ours() && message.type() === 'error' && !/status of (4\d\d)/.test(message.text())) problems.push(`console error: ${message.text()}`);
  });
  pageProblems.set(page, problems);
  return { context, page };
}

const pageProblems = new WeakMap<Page, string[]>();

/** JavaScript errors Samverka's pages logged (failed 4xx requests are expected in error journeys and left out). */
export function scriptErrors(page: Page): string[] {
  return pageProblems.get(page) ?? [];
}

type Catalogue = { [key: string]: string | Catalogue };
const keysOf = (c: Catalogue, prefix = ''): string[] =>
  Object.entries(c).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? [key] : [key, ...keysOf(v, key)];
  });
const TEXT_KEYS = new Set(keysOf(sv as Catalogue));
const NAMESPACES = new Set(Object.keys(sv));

/**
 * Throws when the page shows a text key instead of its text: a key of the catalogue, or one that looks
 * like a key of its namespaces (`eligibility.boardRoleHint`) though the catalogue lacks it.
 */
async function noTextKeys(page: Page, label: string): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  const shown = [...text.matchAll(/\b[a-z][A-Za-z]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+\b/g)].map((m) => m[0]);
  const keys = shown.filter((token) => {
    const [first, ...rest] = token.split('.');
    return TEXT_KEYS.has(token) || (NAMESPACES.has(first) && rest.some((part) => /[a-z][A-Z]/.test(part)));
  });
  if (keys.length) throw new Error(`${label} shows text keys instead of texts: ${[...new Set(keys)].join(', ')}`);
}

/** The narrowest screen the service is made for (WCAG 1.4.10 reflow: 320 CSS px; common phones are 360). */
const NARROW = 360;

/**
 * Throws when the page scrolls sideways on a 360 px wide screen, naming the elements that stick out
 * (those whose parent does not). Wide content belongs in its own scrolling region (`.table-wrap`),
 * which clips it and so is not counted. A wider viewport is narrowed for the check and restored.
 */
async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const viewport = page.viewportSize();
  const resize = viewport !== null && viewport.width !== NARROW;
  if (resize) {
    await page.setViewportSize({ width: NARROW, height: viewport.height });
    // Overlays placed by script (the account menu's popover) move on the resize event's next frames.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))));
  }
  try {
    const found = await page.evaluate(() => {
      const root = document.documentElement;
      if (root.scrollWidth <= root.clientWidth) return null;
      const edge = root.clientWidth + 0.5;
      /**
       * Inside an element that clips or scrolls its own overflow and itself fits, nothing shows past the
       * page's edge. An absolutely positioned element (a visually hidden text) escapes every such box
       * up to its containing block, the nearest positioned ancestor.
       */
      const clipped = (el: Element) => {
        let escaping = getComputedStyle(el).position === 'absolute';
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          const style = getComputedStyle(p);
          const positioned = style.position !== 'static';
          if ((!escaping || positioned) && style.overflowX !== 'visible' && window.scrollX + p.getBoundingClientRect().right <= edge) return true;
          if (escaping && positioned) escaping = style.position === 'absolute';
        }
        return false;
      };
      /** Where an element's content ends, in the page's coordinates: its box, or its own content that overflows it unclipped. */
      const right = (el: Element) => {
        const box = el.getBoundingClientRect();
        const content = getComputedStyle(el).overflowX === 'visible' ? box.left + el.scrollWidth : box.right;
        return window.scrollX + Math.max(box.right, content);
      };
      const sticksOut = (el: Element) => right(el) > edge;
      const name = (el: Element) => {
        const cls = [...el.classList].map((c) => `.${c}`).join('');
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
        return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} (right edge ${Math.round(right(el))} px) “${text}”`;
      };
      const culprits = [...document.body.querySelectorAll('*')].filter(
        (el) => sticksOut(el) && !clipped(el) && !(el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement)),
      );
      return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, culprits: culprits.slice(0, 8).map(name) };
    });
    if (found)
      throw new Error(
        `${label} scrolls sideways at ${NARROW} px (${found.scrollWidth} px wide content in ${found.clientWidth} px); sticking out:\n${found.culprits.map((c) => `  - ${c}`).join('\n')}`,
      );
  } finally {
    if (resize) await page.setViewportSize(viewport);
  }
}

/**
 * Scans the page with axe for WCAG 2.1 A and AA and throws with a readable
 * list of every violation: the rule, its help text and the offending elements. Then checks the page
 * does not scroll sideways at 360 px.
 */
export async function axe(page: Page, label = page.url()): Promise<void> {
  await noTextKeys(page, label);
  const codes = await codesOnPage(page);
  if (codes.length) throw new Error(`${label} shows internal codes instead of words: ${codes.join(', ')}`);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  if (results.violations.length === 0) return noSidewaysScroll(page, label);
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replaceAll('\n', '\n      ')}`)
        .join('\n');
      return `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
  throw new Error(`axe found ${results.violations.length} accessibility violation(s) on ${label}:\n${report}`);
}

/** Waits for a page of the app to be rendered (its h1) and scans it. */
export async function settledAndAccessible(page: Page, heading: string | RegExp) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForFunction(() => ![...document.querySelectorAll('[role=status]')].some((el) => /^(Hämtar|Loading)/.test(el.textContent ?? '')));
  await axe(page);
}

/** Signs a demo user in through the sign-in page and waits for their start page (scanned). */
export async function signIn(page: Page, email: string, name: string, password = 'samverka-demo') {
  await page.goto('/sign-in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await settledAndAccessible(page, `Hej ${name}`);
}

/** Ends the session on the server's side, as after the idle time: the browser's cookie no longer matches one. */
export async function expireSession(context: BrowserContext, baseUrl: string) {
  const url = new URL(baseUrl);
  await context.addCookies([{ name: 'samverka_session', value: 'expired-session-token', domain: url.hostname, path: '/' }]);
}

/** After a form has said the session ran out: its link to sign in again, the sign-in, and back on the page titled `title`. */
export async function signInAgain(page: Page, email: string, title: string, password = 'samverka-demo') {
  const summary = page.locator('.error-summary');
  await summary.getByText('Du har blivit utloggad eftersom sessionen gick ut.').waitFor();
  await summary.getByRole('link', { name: 'Logga in igen' }).click();
  await settledAndAccessible(page, 'Logga in');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await settledAndAccessible(page, title);
}
