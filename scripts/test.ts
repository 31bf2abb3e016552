// The one test command: type-check, build the web app if its sources changed, then every vitest suite.
// Without Chromium the browser tests cannot run: outside CI that is said loudly, in CI it fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ci = process.env.CI === 'true' || process.env.CI === '1';

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const bin = (name: string) => join('node_modules', '.bin', name);

run(bin('tsc'), ['--noEmit']);
run(bin('biome'), ['check', 'src', 'test', 'bench', 'scripts']);
const built = 'dist/web/index.html';
if (!existsSync(built) || newest('src/web') > statSync(built).mtimeMs || newest('src/i18n') > statSync(built).mtimeMs) {
  run(bin('vite'), ['build', '--logLevel', 'warn']);
}

const args = ['run', ...process.argv.slice(2)];
if (!existsSync(CHROMIUM)) {
  if (ci) {
    console.error(`\n!!! CI=true but Chromium is missing at ${CHROMIUM}: the browser tests cannot run. Failing.\n`);
    process.exit(1);
  }
  console.error(`\n!!!!!!!! Chromium not found at ${CHROMIUM}: the end-to-end browser tests are NOT run. Install it with: apt-get install chromium !!!!!!!!\n`);
  args.push('--exclude', 'test/e2e/**');
}
run(bin('vitest'), args);
