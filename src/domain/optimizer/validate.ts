import { isOre } from '../money.ts';
import type { OptimizerInput, OptimizerProblem } from './types.ts';

/**
 * Problems with the input itself (what the caseworker or the route got wrong), as opposed to
 * constraints that are each sensible but cannot all hold: those are the optimizer's "infeasible"
 * answer, with the conflicting ids.
 */
export function validateOptimizerInput(input: OptimizerInput): OptimizerProblem[] {
  const p: OptimizerProblem[] = [];
  const money = (field: string, v: unknown, min: number) => {
    if (v === undefined || v === null) p.push({ field, code: 'required' });
    else if (!isOre(v)) p.push({ field, code: 'not_whole_ore', params: { value: v } });
    else if (v < min) p.push({ field, code: 'out_of_range', params: { value: v, min } });
  };
  const count = (field: string, v: unknown) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) p.push({ field, code: 'out_of_range', params: { value: v, min: 0 } });
  };

  money('budget', input.budget, 0);
  if (input.minScore !== undefined && !Number.isFinite(input.minScore)) p.push({ field: 'minScore', code: 'out_of_range', params: { value: input.minScore } });

  const ids = new Set<string>();
  input.applications.forEach((a, i) => {
    const at = `applications.${i}`;
    if (!a.id) p.push({ field: `${at}.id`, code: 'required' });
    else if (ids.has(a.id)) p.push({ field: `${at}.id`, code: 'duplicate_id', params: { id: a.id } });
    ids.add(a.id);
    if (!a.organisationId) p.push({ field: `${at}.organisationId`, code: 'required' });
    if (typeof a.score !== 'number' || !Number.isFinite(a.score) || a.score < 0)
      p.push({ field: `${at}.score`, code: 'out_of_range', params: { value: a.score, min: 0 } });
    money(`${at}.requested`, a.requested, 1);
    money(`${at}.min`, a.min, 1);
    money(`${at}.max`, a.max, 1);
    if (!Array.isArray(a.focusAreas)) p.push({ field: `${at}.focusAreas`, code: 'required' });
    if (!Array.isArray(a.areas)) p.push({ field: `${at}.areas`, code: 'required' });
  });

  const constraintIds = new Set<string>();
  input.constraints.forEach((c, k) => {
    const at = `constraints.${k}`;
    if (!c.id) p.push({ field: `${at}.id`, code: 'required' });
    else if (constraintIds.has(c.id)) p.push({ field: `${at}.id`, code: 'duplicate_id', params: { id: c.id } });
    constraintIds.add(c.id);
    switch (c.kind) {
      case 'min_focus':
      case 'max_focus':
        if (!c.focusArea) p.push({ field: `${at}.focusArea`, code: 'required' });
        if (c.amount === undefined && c.count === undefined) p.push({ field: `${at}.amount`, code: 'required' });
        if (c.amount !== undefined) money(`${at}.amount`, c.amount, 0);
        if (c.count !== undefined) count(`${at}.count`, c.count);
        break;
      case 'cover_area':
        if (!Array.isArray(c.areas) || c.areas.length === 0) p.push({ field: `${at}.areas`, code: 'required' });
        if (c.count !== undefined) count(`${at}.count`, c.count);
        break;
      case 'max_org_share':
        if (typeof c.share !== 'number' || !(c.share > 0 && c.share <= 1))
          p.push({ field: `${at}.share`, code: 'out_of_range', params: { value: c.share, min: 0, max: 1 } });
        break;
      case 'lock_in':
      case 'lock_out':
        if (!ids.has(c.applicationId)) p.push({ field: `${at}.applicationId`, code: 'unknown_application', params: { applicationId: c.applicationId } });
        if (c.kind === 'lock_in' && c.amount !== undefined) money(`${at}.amount`, c.amount, 1);
        break;
      default:
        p.push({ field: `${at}.kind`, code: 'out_of_range', params: { value: (c as { kind: unknown }).kind } });
    }
  });
  return p;
}
