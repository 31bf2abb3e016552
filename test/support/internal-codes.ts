// The service's internal codes, which people must never be shown: what the API's values and fields are
// called, the catalogue's activity-type keys, the attachment kinds and the time zone's database name.
import type { Page } from 'playwright-core';
import { ATTACHMENT_KIND_LABELS, CALL_FIELD_LABELS, DECISION_OUTCOME_LABELS, EVIDENCE_LABELS, LEGAL_FORM_LABELS } from '../../src/i18n/labels.ts';
import { BASE_ACTIVITY_TYPES } from '../../src/seed/calls.ts';

/**
 * A code that cannot be an ordinary word: snake_case (`night_walks`, `partially_approved`) or camelCase
 * (`maxAmount`). Codes that are words as well ("other", "draft", "budget", "statutes") are left out, since
 * a page or letter may well say them; so are codes with a capital first letter or a digit first.
 */
const IDENTIFIER = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$|^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/;

/** Names an OpenAPI document gives to values and fields: every enum value and constant, and every property name. */
function namesIn(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const n of node) namesIn(n, into);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (Array.isArray(o.enum)) for (const v of o.enum) if (typeof v === 'string') into.add(v);
  if (typeof o.const === 'string') into.add(o.const);
  if (o.properties && typeof o.properties === 'object') for (const key of Object.keys(o.properties)) into.add(key);
  for (const value of Object.values(o)) namesIn(value, into);
}

/** The codes in the OpenAPI document (as /api/openapi.json serves it) and the server's own tables of codes, plus the time zone. */
export function internalCodes(openapi: unknown): Set<string> {
  const names = new Set<string>();
  namesIn(openapi, names);
  for (const table of [ATTACHMENT_KIND_LABELS, CALL_FIELD_LABELS, DECISION_OUTCOME_LABELS, EVIDENCE_LABELS, LEGAL_FORM_LABELS])
    for (const key of Object.keys(table)) names.add(key);
  for (const [key] of BASE_ACTIVITY_TYPES) names.add(key);
  const codes = new Set([...names].filter((n) => IDENTIFIER.test(n)));
  codes.add('Europe/Stockholm');
  return codes;
}

/** A piece of text that is an address, where codes may stand as they are: a URL or an e-mail address. */
const ADDRESS = /\b(?:https?:\/\/|www\.)\S+|[^\s@<>()]+@[^\s@<>()]+/g;

/**
 * The codes that stand in a text as whole words: `maxAmount` in "What changed: maxAmount, deadline", not the
 * `amount` in "the amount"; and not inside a URL or an e-mail address, which may legitimately hold them.
 */
export function codesIn(text: string, codes: Set<string>): string[] {
  const prose = text.replace(ADDRESS, ' ');
  const found = new Set<string>();
  for (const m of prose.matchAll(/[A-Za-z][A-Za-z0-9_]*(?:\/[A-Za-z][A-Za-z0-9_]*)*/g)) {
    if (codes.has(m[0])) found.add(m[0]);
    else for (const part of m[0].split('/')) if (codes.has(part)) found.add(part);
  }
  return [...found];
}

const codesByOrigin = new Map<string, Promise<Set<string>>>();

/** The codes a page of the app shows as words in its text, the codes read once per server from its /api/openapi.json. */
export async function codesOnPage(page: Page): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  let codes = codesByOrigin.get(origin);
  if (!codes) {
    codes = page.request.get(`${origin}/api/openapi.json`).then(async (res) => {
      if (!res.ok()) throw new Error(`${origin}/api/openapi.json answered ${res.status()}`);
      return internalCodes(await res.json());
    });
    codesByOrigin.set(origin, codes);
  }
  return codesIn(await page.evaluate(() => document.body.innerText), await codes);
}
