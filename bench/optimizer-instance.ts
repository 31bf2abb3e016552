// A deterministic, call-like optimizer instance for the benchmark and the tests: the same seed
// gives the same applications and constraints on every machine.
import { ore } from '../src/domain/money.ts';
import type { OptimizerApplication, OptimizerConstraint, OptimizerInput } from '../src/domain/optimizer/types.ts';

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FOCUS_AREAS = ['F1', 'F2', 'F3', 'F4', 'F5'];
export const AREAS = Array.from({ length: 100 }, (_, i) => `A${i + 1}`);
const KR = 100;
const CALL_MIN = 20_000 * KR;
const CALL_MAX = 400_000 * KR;

/**
 * n applications from about n/2.5 organisations, asking 20 000–500 000 kr (whole thousands), a
 * weighted score 1–5 around 3.2, one or two focus areas and one to three of 20 areas; each may be
 * granted between half its request (at least the call's 20 000 kr) and the call's 400 000 kr.
 * The budget is 30 % of what is asked for. Five constraints: at least 20 % of the budget to F1,
 * at least 15 % to F2, every area covered, no organisation above 2 % of the budget, and one
 * low-scoring application locked in.
 */
export function callInstance(n: number, seed = 1): OptimizerInput {
  const rnd = prng(seed);
  // Skewed towards the front of the list: the first focus areas, areas and organisations are common, the last ones rare.
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() ** 2 * xs.length)];
  const pickRare = <T>(xs: readonly T[]) => xs[Math.floor(rnd() ** 3 * xs.length)];
  const orgs = Array.from({ length: Math.max(1, Math.round(n / 2.5)) }, (_, i) => `org-${i}`);
  const applications: OptimizerApplication[] = [];
  for (let i = 0; i < n; i++) {
    const requested = ore(Math.round(20 + rnd() * rnd() * 480) * 1000 * KR);
    const score = Math.min(5, Math.max(1, Math.round((3.2 + (rnd() + rnd() + rnd() - 1.5) * 1.6) * 100) / 100));
    const focus = new Set([pick(FOCUS_AREAS)]);
    if (rnd() < 0.3) focus.add(pick(FOCUS_AREAS));
    const areas = new Set([pickRare(AREAS)]);
    while (rnd() < 0.4 && areas.size < 3) areas.add(pickRare(AREAS));
    applications.push({
      id: `app-${i}`,
      organisationId: pick(orgs),
      score,
      requested,
      min: ore(Math.max(CALL_MIN, Math.ceil(requested / 2))),
      max: ore(CALL_MAX),
      focusAreas: [...focus],
      areas: [...areas],
    });
  }
  const budget = ore(Math.round((applications.reduce((s, a) => s + a.requested, 0) * 0.2) / (1000 * KR)) * 1000 * KR);
  const weakest = applications.reduce((w, a) => (a.score < w.score ? a : w), applications[0]);
  const constraints: OptimizerConstraint[] = [
    { id: 'f4-at-least-20pc', kind: 'min_focus', focusArea: 'F4', amount: ore(Math.round(budget * 0.2)) },
    { id: 'f5-at-least-20pc', kind: 'min_focus', focusArea: 'F5', amount: ore(Math.round(budget * 0.2)) },
    { id: 'every-area', kind: 'cover_area', areas: AREAS },
    { id: 'org-at-most-1.5pc', kind: 'max_org_share', share: 0.015 },
    ...(weakest ? [{ id: 'lock-in-weakest', kind: 'lock_in' as const, applicationId: weakest.id }] : []),
  ];
  return { budget, applications, constraints };
}
