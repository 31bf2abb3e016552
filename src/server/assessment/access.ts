import { type Located, locate } from '../applications/access.ts';
import type { AppContext } from '../context.ts';
import type { SignedInUser } from '../plugins/session.ts';
import { Problem } from '../problem.ts';

/** The funder's staff member with this capability on a submitted application, or 403. */
export async function locateAsStaff(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  allowed: (u: SignedInUser, funderId: string) => boolean,
): Promise<Located> {
  const located = await locate(ctx, user, id);
  if (located.access !== 'staff' || !allowed(user, located.funderId)) throw new Problem(403, 'forbidden');
  return located;
}
