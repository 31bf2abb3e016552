import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

// The web app's files as a phone on a slow line gets them: compressed, and kept by the browser for as
// long as they cannot change. npm test builds dist/web before it runs this.

const ASSETS = resolve('dist/web/assets');
let t: TestApp;
let entry: string;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  const html = readFileSync(resolve('dist/web/index.html'), 'utf8');
  entry = (/src="\/assets\/([^"]+\.js)"/.exec(html) as RegExpExecArray)[1];
});
afterAll(() => t.close());

const get = (url: string, encoding?: string) => t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('the web app’s files', () => {
  it('come brotli-compressed to a browser that takes it, gzip to one that takes only that, and whole to one that takes neither', async () => {
    const whole = readFileSync(join(ASSETS, entry));
    const br = await get(`/assets/${entry}`, 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(whole.length / 3);
    expect(brotliDecompressSync(br.rawPayload).equals(whole)).toBe(true);
    const gz = await get(`/assets/${entry}`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(whole)).toBe(true);
    const plain = await get(`/assets/${entry}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(whole)).toBe(true);
  });

  it('are kept for a year when their names carry their content’s hash, and the page that names them is asked for each time', async () => {
    const asset = await get(`/assets/${entry}`, 'br');
    expect(asset.headers['cache-control']).toMatch(/max-age=31536000/);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    const shell = await get('/', 'br');
    expect(shell.statusCode).toBe(200);
    expect(shell.headers['cache-control']).toBe('no-cache');
    const page = await get('/calls', 'br');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('are each compressed beside themselves at build time, every script of the app', () => {
    const scripts = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(10);
    const files = new Set(readdirSync(ASSETS));
    const small = (f: string) => readFileSync(join(ASSETS, f)).length < 1024;
    expect(scripts.filter((f) => !small(f) && !(files.has(`${f}.br`) && files.has(`${f}.gz`)))).toEqual([]);
  });

  it('include an icon for the browser’s tab and bookmarks, which every page names', async () => {
    const icon = await get('/favicon.svg');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect((await get('/')).body).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"');
  });
});
