// Recording the decision on an application that has none: the guarded write is decide.ts, shared with
// superseding; an application already decided answers 409 already_decided naming the current decision.
import type { DecisionInput } from '../../domain/assessment/types.ts';
import type { CommandOptions } from '../command.ts';
import type { AppContext } from '../context.ts';
import type { SignedInUser } from '../plugins/session.ts';
import { decide } from './decide.ts';
import type { DecisionRow } from './store.ts';

/** Records the application's decision; answers it as stored. */
export function recordDecision(
  ctx: AppContext,
  user: SignedInUser,
  applicationId: string,
  input: DecisionInput,
  options: CommandOptions = {},
): Promise<DecisionRow> {
  return decide(ctx, user, applicationId, { ...input, supersedes: null }, options);
}
