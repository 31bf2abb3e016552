import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operations', () => {
  it('answers /healthz and /readyz', async () => {
    const c = new Client(t.app);
    expect((await c.get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await c.get('/readyz')).body).toEqual({ status: 'ready' });
  });
});

describe('the local mailbox', () => {
  it('is closed in production even without an SMTP server', async () => {
    const env = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'a-secret-from-the-environment', DATA_DIR: '/tmp/samverka-prod-test' });
    expect(env.localMailbox).toBe(false);
    expect(loadConfig({ SESSION_SECRET: 'x', DATA_DIR: '/tmp/samverka-dev-test' }).localMailbox).toBe(true);
    const prod = await createTestApp({ seed: false, config: { production: true, localMailbox: env.localMailbox } });
    try {
      const res = await new Client(prod.app).get('/api/mailbox');
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('mailbox_disabled');
    } finally {
      await prod.close();
    }
  });
});

describe('the web app', () => {
  it('serves its shell at the root and at every page address, and its assets', async () => {
    const c = new Client(t.app);
    for (const path of ['/', '/calls', '/organisations/new']) {
      const res = await c.get(path);
      expect(res.status, path).toBe(200);
      expect(String(res.headers['content-type'])).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    const asset = /assets\/[^"]+\.js/.exec((await c.get('/')).body)?.[0];
    expect((await c.get(`/${asset}`)).status).toBe(200);
    expect((await c.get('/assets/no-such-file.js')).status).toBe(404);
  });
});
