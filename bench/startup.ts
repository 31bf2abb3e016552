// Measures what a newcomer waits for: `npm start` on an empty data directory until /readyz
// answers 200 (migrations and demo included), the same again on the kept data, and how much
// JavaScript the first page loads. Run with `npm run bench:startup`; copy the figures to docs/performance.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const PORT = Number(process.env.BENCH_PORT ?? 3917);

async function timeToReady(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['src/main.ts'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: '', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (performance.now() - started > 60_000) throw new Error('not ready within 60 s');
      try {
        const res = await fetch(`http://127.0.0.1:${PORT}/readyz`);
        if (res.status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

function firstPageJs() {
  const html = readFileSync('dist/web/index.html', 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => join('dist/web', m[1]));
  // The interface's texts come in a chunk of their own per language; the first page fetches Swedish's.
  files.push(
    ...readdirSync('dist/web/assets')
      .filter((f) => /^sv-[\w-]+\.js$/.test(f))
      .map((f) => join('dist/web/assets', f)),
  );
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    raw += statSync(f).size;
    gzip += gzipSync(readFileSync(f)).length;
  }
  return { files: files.length, raw, gzip };
}

const runs = Number(process.env.BENCH_RUNS ?? 3);
const fresh: number[] = [];
const reopen: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'samverka-bench-'));
  fresh.push(await timeToReady(dir));
  reopen.push(await timeToReady(dir));
  rmSync(dir, { recursive: true, force: true });
}
const js = firstPageJs();
const fmt = (xs: number[]) => `median ${Math.round(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)])} ms (runs: ${xs.map(Math.round).join(', ')})`;
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString()}`);
console.log(`start to /readyz 200, empty data dir (migrate + demo seed): ${fmt(fresh)}`);
console.log(`start to /readyz 200, existing data dir: ${fmt(reopen)}`);
console.log(`first page JavaScript: ${js.files} file(s), ${(js.raw / 1024).toFixed(1)} KiB raw, ${(js.gzip / 1024).toFixed(1)} KiB gzip`);
