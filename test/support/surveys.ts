// The participants' survey of a signed agreement, for the survey's tests. Signing an agreement whose call asks
// for a survey opens one; where it has not (an agreement signed before that, or a call that asks for none),
// the survey is opened here as signing would, with a token of 16 random bytes.
import { randomBytes } from 'node:crypto';
import type { TestApp } from './app.ts';

export interface TestSurvey {
  id: string;
  token: string;
  funderId: string;
}

export async function surveyOf(t: Pick<TestApp, 'db'>, agreementId: string): Promise<TestSurvey> {
  const db = t.db.kysely;
  const existing = await db.selectFrom('surveys').select(['id', 'token', 'funder_id']).where('agreement_id', '=', agreementId).executeTakeFirst();
  if (existing) return { id: existing.id, token: existing.token, funderId: existing.funder_id };
  const a = await db.selectFrom('agreements').select(['funder_id', 'organisation_id']).where('id', '=', agreementId).executeTakeFirstOrThrow();
  const row = await db
    .insertInto('surveys')
    .values({ funder_id: a.funder_id, agreement_id: agreementId, organisation_id: a.organisation_id, token: randomBytes(16).toString('base64url') })
    .onConflict((oc) => oc.column('agreement_id').doNothing())
    .returning(['id', 'token', 'funder_id'])
    .executeTakeFirst();
  if (row) return { id: row.id, token: row.token, funderId: row.funder_id };
  return surveyOf(t, agreementId);
}

let phones = 0;

/**
 * A participant's phone: its own address and user agent, and a cookie jar that keeps each cookie to its
 * path as a browser does (the answer's cookie goes back only to the survey's own addresses).
 */
export class Phone {
  readonly app: TestApp['app'];
  readonly ip: string;
  readonly userAgent: string;
  readonly cookies = new Map<string, { value: string; path: string }>();
  lang = 'sv-SE,sv;q=0.9';

  constructor(app: TestApp['app'], options: { ip?: string; userAgent?: string } = {}) {
    this.app = app;
    phones++;
    this.ip = options.ip ?? `10.${phones % 250}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
    this.userAgent =
      options.userAgent ?? `Mozilla/5.0 (Linux; Android 14; SM-A${100 + phones}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36`;
  }

  private cookieHeader(url: string): string | undefined {
    const path = url.split('?')[0] ?? '/';
    const sent = [...this.cookies].filter(([, c]) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`));
    return sent.length ? sent.map(([k, c]) => `${k}=${c.value}`).join('; ') : undefined;
  }

  async request(method: 'GET' | 'POST' | 'PUT', url: string, body?: { json?: unknown; form?: Record<string, string> }, headers: Record<string, string> = {}) {
    const cookie = this.cookieHeader(url);
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        'user-agent': this.userAgent,
        'accept-language': this.lang,
        ...(cookie ? { cookie } : {}),
        ...(body?.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(body?.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      payload: body?.json !== undefined ? JSON.stringify(body.json) : body?.form ? new URLSearchParams(body.form).toString() : undefined,
    });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, { value: c.value, path: c.path ?? '/' });
    }
    return res;
  }

  /** The survey's page. */
  page(token: string, lang?: string) {
    return this.request('GET', `/s/${token}${lang ? `?lang=${lang}` : ''}`);
  }

  /** Sends the page's form as a browser does (urlencoded), with the page's hidden questionsVersion unless given. */
  async send(token: string, fields: Record<string, string>, lang?: string) {
    const version = fields.questionsVersion ?? /name="questionsVersion" value="([^"]*)"/.exec((await this.page(token, lang)).body)?.[1] ?? '';
    return this.request('POST', `/s/${token}${lang ? `?lang=${lang}` : ''}`, { form: { questionsVersion: version, ...fields } });
  }

  /** The JSON twin. */
  answer(token: string, json: unknown, lang?: string) {
    return this.request('PUT', `/api/public/surveys/${token}/answer${lang ? `?lang=${lang}` : ''}`, { json });
  }
}
