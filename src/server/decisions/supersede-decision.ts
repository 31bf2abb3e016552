// Superseding a decision: a decision is never edited; a new one replaces the current one, within the
// budget less what the current one granted. The guarded write is decide.ts, shared with recording; a
// decision that is no longer the current one answers 409 already_decided naming the one that is.
import type { DecisionInput } from '../../domain/assessment/types.ts';
import type { CommandOptions } from '../command.ts';
import type { AppContext } from '../context.ts';
import type { SignedInUser } from '../plugins/session.ts';
import { decide } from './decide.ts';
import type { DecisionRow } from './store.ts';

/** Replaces the application's current decision (`supersedes`) by a new one; answers the new one as stored. */
export function supersedeDecision(
  ctx: AppContext,
  user: SignedInUser,
  applicationId: string,
  supersedes: string,
  input: DecisionInput,
  options: CommandOptions = {},
): Promise<DecisionRow> {
  return decide(ctx, user, applicationId, { ...input, supersedes }, options);
}
