import { canonicalJson } from '../audit-chain.ts';
import type { CallRules } from './types.ts';

export type Changes = Record<string, { before: unknown; after: unknown }>;

/** The parts of a call an amendment changed, with their values before and after. */
export function diffRules(before: CallRules, after: CallRules): Changes {
  const changes: Changes = {};
  for (const key of Object.keys({ ...before, ...after }) as (keyof CallRules)[]) {
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) changes[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return changes;
}
