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

describe('the local mailbox from another machine', () => {
  const from = (ip: string) => (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: ip, headers: { 'accept-language': 'sv' } });

  it('is served only to the machine itself, and says why to anyone else', async () => {
    for (const ip of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      expect((await from(ip)('/api/mailbox')).statusCode, ip).toBe(200);
      expect((await from(ip)('/api/session')).json().mailbox, ip).toBe(true);
    }
    for (const ip of ['203.0.113.7', '192.168.1.20', '10.0.0.5', '::ffff:192.0.2.1', '2001:db8::1', '128.0.0.1']) {
      const res = await from(ip)('/api/mailbox');
      expect(res.statusCode, ip).toBe(403);
      expect(res.json()).toMatchObject({ code: 'mailbox_local_only' });
      expect(res.json().title).toContain('bara läsas på datorn där Samverka körs');
      expect(res.body).not.toContain('@');
      expect((await from(ip)('/api/session')).json().mailbox, ip).toBe(false);
    }
  });

  it('is open to every address only when MAILBOX_FROM_ANYWHERE says so, and never in production', async () => {
    expect(loadConfig({ MAILBOX_FROM_ANYWHERE: 'true', SESSION_SECRET: 'x', DATA_DIR: '/tmp/samverka-dev-test' }).mailboxFromAnywhere).toBe(true);
    expect(loadConfig({ SESSION_SECRET: 'x', DATA_DIR: '/tmp/samverka-dev-test' }).mailboxFromAnywhere).toBe(false);
    const prod = loadConfig({ NODE_ENV: 'production', MAILBOX_FROM_ANYWHERE: 'true', SESSION_SECRET: 'a-secret', DATA_DIR: '/tmp/samverka-prod-test' });
    expect(prod.mailboxFromAnywhere).toBe(false);
    const open = await createTestApp({ seed: false, config: { mailboxFromAnywhere: true } });
    try {
      const res = await open.app.inject({ method: 'GET', url: '/api/mailbox', remoteAddress: '203.0.113.7' });
      expect(res.statusCode).toBe(200);
    } finally {
      await open.close();
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
