import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../src/config.ts';
import type { Database } from '../../src/db/connection.ts';
import { type Jobs, type JobsOptions, startJobs } from '../../src/jobs/index.ts';
import { seedIfEmpty } from '../../src/seed/demo.ts';
import { buildApp } from '../../src/server/app.ts';
import { createTestDatabase } from './db.ts';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: mkdtempSync(join(tmpdir(), 'samverka-test-')),
    mailFrom: 'Samverka <no-reply@samverka.test>',
    publicUrl: 'http://127.0.0.1',
    sessionSecret: randomBytes(32).toString('base64url'),
    sessionIdleMinutes: 120,
    production: false,
    logLevel: 'silent',
    webDir: resolve('dist/web'),
    ...overrides,
    localMailbox: overrides.localMailbox ?? !overrides.smtpUrl,
    mailboxFromAnywhere: overrides.mailboxFromAnywhere ?? false,
  };
}

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  config: Config;
  jobs?: Jobs;
  close(): Promise<void>;
}

export interface TestAppOptions {
  config?: Partial<Config>;
  /** Load the demo data (default true). */
  seed?: boolean;
  /** Run the job queue and mail worker, with these options. */
  jobs?: JobsOptions | false;
}

/** The real app on a fresh database of the engine under test. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase({ demo: options.seed !== false });
  const config = testConfig(options.config);
  // The demo comes loaded in the template; this only checks that it is there.
  if (options.seed !== false) await seedIfEmpty(db, config);
  const jobs = options.jobs ? await startJobs(db, config, { pollingIntervalSeconds: 0.5, log: () => {}, ...options.jobs }) : undefined;
  const app = await buildApp({ db, config, jobs: jobs?.queue }, { logger: process.env.TEST_LOG ? { level: 'error' } : false });
  await app.ready();
  return {
    app,
    db,
    config,
    jobs,
    close: async () => {
      await app.close();
      await jobs?.stop();
      await db.close();
    },
  };
}

/** The app listening on a free loopback port, for browsers and real HTTP clients. */
export async function startTestServer(options: TestAppOptions = {}): Promise<TestApp & { url: string }> {
  const t = await createTestApp(options);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  t.config.publicUrl = url;
  return { ...t, url };
}

/** The smallest file that passes for a PDF. */
export const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A browser-like API client over app.inject: keeps cookies and sends the CSRF header. */
export class Client {
  readonly app: FastifyInstance;
  cookies = new Map<string, string>();
  lang: 'sv' | 'en' = 'sv';
  /** Each client comes from its own loopback address, as separate people would. */
  readonly ip = `127.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

  constructor(app: FastifyInstance) {
    this.app = app;
  }

  get csrf() {
    return this.cookies.get('samverka_csrf');
  }

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: this.ip,
      headers: {
        'accept-language': this.lang,
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const text = res.body;
    const type = String(res.headers['content-type'] ?? '');
    return { status: res.statusCode, body: type.includes('json') && text ? JSON.parse(text) : text, headers: res.headers };
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, headers);
  }
  put<T = any>(url: string, body?: unknown) {
    return this.request<T>('PUT', url, body ?? {});
  }

  /** Uploads one file for the organisation as the browser's form does (multipart, in the field "file"). */
  async upload(organisationId: string, name: string, data: Buffer = MINIMAL_PDF, type = 'application/pdf'): Promise<Reply> {
    const boundary = '----samverkaTest';
    const res = await this.app.inject({
      method: 'POST',
      url: `/api/organisations/${organisationId}/files`,
      remoteAddress: this.ip,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-csrf-token': this.csrf as string,
      },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    return { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers };
  }

  /** Fetches a CSRF token as a page load would. */
  async open() {
    await this.get('/api/session');
    return this;
  }

  async login(email: string, password = 'samverka-demo') {
    await this.open();
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.user;
  }
}
