import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  databaseUrl?: string;
  smtpUrl?: string;
  mailFrom: string;
  /** The address users reach the service at; links in mails point here. */
  publicUrl: string;
  /** Keys CSRF tokens; from the environment, or made once and kept in the data directory for local use. */
  sessionSecret: string;
  /** Sessions end after this long without use. */
  sessionIdleMinutes: number;
  production: boolean;
  logLevel: string;
  webDir: string;
  /** Mails kept in a local mailbox page instead of sent: only without SMTP and outside production. */
  localMailbox: boolean;
  /** The local mailbox readable from other machines too (a shared demo server); otherwise only from this one. */
  mailboxFromAnywhere: boolean;
  /** How many answers the participants' survey takes per client and per link in each window; SURVEY_RATE_LIMIT unless set. */
  surveyRateLimit?: SurveyRateLimit;
}

export interface SurveyRateLimit {
  /** Answers (and changes) one client may send to one link per window: a client is an address and a user agent together. */
  perClient: number;
  /** Answers one link takes per window from everyone together: the ceiling a script changing its user agent meets. */
  perLink: number;
  windowSeconds: number;
}

/**
 * A sports hall of 200 phones behind one NAT shares one address, and phones of one model and browser
 * version send the same user agent, so one "client" can be dozens of people: 30 a minute per client and
 * 300 a minute per link let the whole hall answer within a minute or two, and still stop a flood.
 */
export const SURVEY_RATE_LIMIT: SurveyRateLimit = { perClient: 30, perLink: 300, windowSeconds: 60 };

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : fallback;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const dataDir = resolve(env.DATA_DIR ?? 'data');
  const production = env.NODE_ENV === 'production';
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Samverka <no-reply@samverka.localhost>',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    sessionSecret: env.SESSION_SECRET ?? localSecret(dataDir, production),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 120),
    production,
    logLevel: env.LOG_LEVEL ?? 'info',
    webDir: resolve(env.WEB_DIR ?? 'dist/web'),
    localMailbox: !env.SMTP_URL && !production,
    mailboxFromAnywhere: env.MAILBOX_FROM_ANYWHERE === 'true' && !production,
    surveyRateLimit: {
      perClient: positive(env.SURVEY_RATE_PER_CLIENT, SURVEY_RATE_LIMIT.perClient),
      perLink: positive(env.SURVEY_RATE_PER_LINK, SURVEY_RATE_LIMIT.perLink),
      windowSeconds: positive(env.SURVEY_RATE_WINDOW_SECONDS, SURVEY_RATE_LIMIT.windowSeconds),
    },
  };
}

function localSecret(dataDir: string, production: boolean): string {
  if (production) throw new Error('SESSION_SECRET must be set when NODE_ENV=production');
  const file = join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
