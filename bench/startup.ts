// Measures what a newcomer waits for: `npm start` on an empty data directory until /readyz
// answers 200 (migrations and demo included), the same again on the kept data, and how much
// JavaScript the first page loads (in Chromium, from dist/web: build first). Run with
// `npm run bench:startup`; copy the figures to docs/performance.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const PORT = Number(process.env.BENCH_PORT ?? 3917);

async function timeToReady(dataDir: string, whileUp?: () => Promise<void>): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['src/main.ts'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: '', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    let ready: number | undefined;
    while (ready === undefined) {
      if (performance.now() - started > 60_000) throw new Error('not ready within 60 s');
      try {
        const res = await fetch(`http://127.0.0.1:${PORT}/readyz`);
        if (res.status === 200) ready = performance.now() - started;
      } catch {
        // not listening yet
      }
      if (ready === undefined) await new Promise((r) => setTimeout(r, 50));
    }
    await whileUp?.();
    return ready;
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

/**
 * Every script the start page fetches, as a first-time visitor in Swedish: the entry, what it
 * modulepreloads, and what it imports on the way (the texts), whether or not it is executed.
 * Sizes are the built files' (gzip at the default level), as the server sends them.
 */
async function firstPageJs() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ locale: 'sv-SE' });
    const scripts = new Set<string>();
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.endsWith('.js')) scripts.add(pathname);
    });
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const files = [...scripts].map((path) => {
      const bytes = readFileSync(join('dist/web', path));
      return { path, raw: bytes.length, gzip: gzipSync(bytes).length };
    });
    return files.sort((a, b) => b.gzip - a.gzip);
  } finally {
    await browser.close();
  }
}

const runs = Number(process.env.BENCH_RUNS ?? 3);
const fresh: number[] = [];
const reopen: number[] = [];
let js: Awaited<ReturnType<typeof firstPageJs>> = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'samverka-bench-'));
  fresh.push(await timeToReady(dir));
  reopen.push(
    await timeToReady(dir, async () => {
      if (i === 0) js = await firstPageJs();
    }),
  );
  rmSync(dir, { recursive: true, force: true });
}
const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const sum = (key: 'raw' | 'gzip') => js.reduce((total, f) => total + f[key], 0);
const fmt = (xs: number[]) => `median ${Math.round(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)])} ms (runs: ${xs.map(Math.round).join(', ')})`;
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}`);
console.log(`start to /readyz 200, empty data dir (migrate + demo seed): ${fmt(fresh)}`);
console.log(`start to /readyz 200, existing data dir: ${fmt(reopen)}`);
console.log(`first page JavaScript: ${js.length} file(s), ${kib(sum('raw'))} KiB raw, ${kib(sum('gzip'))} KiB gzip`);
for (const f of js) console.log(`  ${f.path}: ${kib(f.raw)} KiB, ${kib(f.gzip)} KiB gzip`);
