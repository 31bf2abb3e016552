// Creating a programme: the one place that checks who may, checks that its budget lines sum exactly to
// its amount, writes the programme and its lines and appends the audit entry.

import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import type { Ore } from '../../domain/money.ts';
import { programmeProblems } from '../../domain/programmes.ts';
import { policy } from '../../domain/roles.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';

export interface ProgrammeInput {
  name: string;
  description?: string;
  startYear: number;
  endYear: number;
  amount: Ore;
  fundingSource?: string;
  lines: { name: string; amount: Ore }[];
}

/** Creates a programme with its budget lines; answers its id and the lines' ids in order. */
export async function createProgramme(ctx: AppContext, user: SignedInUser, funderId: string, input: ProgrammeInput, options: CommandOptions = {}) {
  if (!policy.designCalls(user, funderId)) throw new Problem(403, 'forbidden');
  const problems = programmeProblems(input);
  if (problems.length) throw rulesProblem(problems);
  const now = clockOf(options);
  return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
    const p = await tx
      .insertInto('programmes')
      .values({
        funder_id: funderId,
        name: input.name.trim(),
        description: input.description ?? '',
        start_year: input.startYear,
        end_year: input.endYear,
        amount: input.amount,
        funding_source: input.fundingSource ?? '',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lines = await tx
      .insertInto('budget_lines')
      .values(input.lines.map((l, i) => ({ funder_id: funderId, programme_id: p.id, name: l.name.trim(), amount: l.amount, position: i })))
      .returning(['id', 'position'])
      .execute();
    await audit(tx, actorOf(user), {
      action: 'programme.created',
      objectType: 'programme',
      objectId: p.id,
      funderId,
      reason: auditReason(options),
      data: { name: input.name, amount: input.amount, lines: input.lines },
    });
    return { id: p.id, lineIds: lines.sort((a, b) => a.position - b.position).map((l) => l.id) };
  });
}
