// Measures the first page on a cheap phone: the built app (dist/web: build first) with the demo data,
// opened in Chromium at 360×740 with a cold cache, the network throttled to 150 ms latency and
// 1.6 Mbit/s each way and the CPU slowed four times (Chrome DevTools' "slow 4G" phone). Reports, as
// the median of several runs, the largest and the first contentful paint, the bytes received and
// the number of requests, for the start page and a public call page. Run with
// `node bench/first-page.ts` (BENCH_RUNS=7 for more runs); copy the figures to docs/performance.md.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

const PORT = Number(process.env.BENCH_PORT ?? 3918);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LCP_TARGET_MS = 2500;

/** The throttling of Lighthouse's mobile run and DevTools' "slow 4G": 150 ms, 1.6 Mbit/s, CPU ×4. */
const NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (1.6 * 1024 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

interface Run {
  lcp: number;
  fcp: number;
  /** When the app had rendered the page in place of the server's first view (or of nothing). */
  app: number;
  bytes: number;
  requests: number;
}

async function startApp(dataDir: string) {
  const child = spawn(process.execPath, ['src/main.ts'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: '', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const started = performance.now();
  for (;;) {
    if (performance.now() - started > 120_000) throw new Error('the app was not ready within 120 s');
    try {
      if ((await fetch(`${BASE}/readyz`)).status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** One visit in a fresh browser profile (nothing cached), until the page has settled. */
async function visit(browser: Browser, path: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'sv-SE' });
  try {
    const page = await context.newPage();
    // Paint entries are kept from the first moment, whatever the page's own code does.
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: number; __fcp: number; __app: number };
      w.__lcp = 0;
      w.__fcp = 0;
      w.__app = 0;
      new MutationObserver((_, observer) => {
        const root = document.getElementById('root');
        if (root?.firstChild && !root.hasAttribute('data-first-view') && document.querySelector('h1')) {
          w.__app = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true, attributes: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__lcp = e.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') w.__fcp = e.startTime;
      }).observe({ type: 'paint', buffered: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let bytes = 0;
    let requests = 0;
    cdp.on('Network.requestWillBeSent', () => {
      requests++;
    });
    cdp.on('Network.loadingFinished', (e) => {
      bytes += e.encodedDataLength;
    });
    await page.goto(BASE + path, { waitUntil: 'load', timeout: 60_000 });
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle', { timeout: 60_000 });
    // A later, larger paint would still count: give it a moment after the network went quiet.
    await page.waitForTimeout(1000);
    const paints = await page.evaluate(() => {
      const w = window as unknown as { __lcp: number; __fcp: number; __app: number };
      return { lcp: w.__lcp, fcp: w.__fcp, app: w.__app };
    });
    return { ...paints, bytes, requests };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

if (!existsSync('dist/web/index.html')) throw new Error('build the web app first: npx vite build');
const dataDir = mkdtempSync(join(tmpdir(), 'samverka-first-page-'));
const app = await startApp(dataDir);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const { calls } = (await (await fetch(`${BASE}/api/public/calls`)).json()) as { calls: { id: string; title: string; phase: string }[] };
  const call = calls.find((c) => c.phase === 'open') ?? calls[0];
  if (!call) throw new Error('the demo has no published call');
  const pages = [
    { name: 'start page', path: '/' },
    { name: `public call page (${call.title})`, path: `/calls/${call.id}` },
  ];
  const chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, load ${loadavg()[0].toFixed(1)}, Node ${process.version}`,
  );
  console.log(`browser: ${chromiumVersion}; ${new Date().toISOString()}`);
  console.log(`throttling: latency ${NETWORK.latency} ms, 1.6 Mbit/s down and up, CPU ×${CPU_SLOWDOWN}; 360×740; cold cache; median of ${RUNS} runs`);
  for (const p of pages) {
    await visit(browser, p.path); // the server's first answer warms its caches; not counted
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, p.path));
    const lcp = median(runs.map((r) => r.lcp));
    console.log(`\n${p.name} ${p.path}`);
    console.log(
      `  largest contentful paint: ${s(lcp)} (runs: ${runs.map((r) => s(r.lcp)).join(', ')}) ${lcp <= LCP_TARGET_MS ? 'within' : 'OVER'} the ${s(LCP_TARGET_MS)} target`,
    );
    console.log(`  first contentful paint:   ${s(median(runs.map((r) => r.fcp)))} (runs: ${runs.map((r) => s(r.fcp)).join(', ')})`);
    console.log(`  app rendered:             ${s(median(runs.map((r) => r.app)))} (runs: ${runs.map((r) => s(r.app)).join(', ')})`);
    console.log(`  received: ${kib(median(runs.map((r) => r.bytes)))} in ${median(runs.map((r) => r.requests))} requests`);
  }
} finally {
  await browser.close();
  app.kill('SIGTERM');
  await new Promise((r) => app.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
