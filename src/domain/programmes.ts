import type { RuleProblem } from './calls/types.ts';
import { type Ore, subtractOre, sumOre } from './money.ts';

export interface ProgrammeDraft {
  name: string;
  startYear: number;
  endYear: number;
  amount: Ore;
  lines: { name: string; amount: Ore }[];
}

/** A programme's budget lines always sum to the programme: nothing unallocated, nothing extra. */
export function programmeProblems(p: ProgrammeDraft): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (!p.name.trim()) problems.push({ field: 'name', code: 'required' });
  if (p.endYear < p.startYear) problems.push({ field: 'endYear', code: 'end_before_start', params: { start: p.startYear } });
  if (p.lines.length === 0) problems.push({ field: 'lines', code: 'lines_needed' });
  p.lines.forEach((l, i) => {
    if (!l.name.trim()) problems.push({ field: `lines.${i}.name`, code: 'required' });
    if (l.amount < 0) problems.push({ field: `lines.${i}.amount`, code: 'amount_negative' });
  });
  const sum = sumOre(p.lines.map((l) => l.amount));
  if (p.lines.length && sum !== p.amount) problems.push({ field: 'lines', code: 'lines_must_sum', params: { sum, total: p.amount } });
  return problems;
}

/** What is left on a budget line for new calls, given the calls already on it. */
export function lineAvailable(lineAmount: Ore, committedToOtherCalls: Ore): Ore {
  return subtractOre(lineAmount, committedToOtherCalls);
}
