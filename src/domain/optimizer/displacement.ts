import { type Ore, subtractOre, sumOre, ZERO_ORE } from '../money.ts';
import type { Displacement, OptimizerInput, Shift } from './types.ts';

/** Below this a constraint's cost in score is read as none: the two solutions are equally good. */
const NO_COST = 1e-9;

const NONE: Displacement = { amount: ZERO_ORE, displaced: [], favoured: [] };

/**
 * What a constraint displaces: the proposal with it against the best one found without it, per
 * application. A constraint that costs no score displaces nothing, even when the solve without it
 * happened to land on another, equally good, combination.
 */
export function displacement(input: OptimizerInput, withIt: readonly Ore[], without: readonly Ore[] | null, cost: number): Displacement {
  if (without === null || cost <= NO_COST) return NONE;
  const displaced: Shift[] = [];
  const favoured: Shift[] = [];
  input.applications.forEach((a, i) => {
    const shift = { applicationId: a.id, with: withIt[i] ?? ZERO_ORE, without: without[i] ?? ZERO_ORE };
    if (shift.without > shift.with) displaced.push(shift);
    else if (shift.with > shift.without) favoured.push(shift);
  });
  const moved = (s: Shift) => Math.abs(s.without - s.with);
  displaced.sort((a, b) => moved(b) - moved(a));
  favoured.sort((a, b) => moved(b) - moved(a));
  return { amount: sumOre(displaced.map((s) => subtractOre(s.without, s.with))), displaced, favoured };
}
