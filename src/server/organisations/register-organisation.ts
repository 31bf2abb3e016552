// Registering an organisation: the one place that checks its legal form and organisationsnummer,
// refuses a number already registered (the unique index decides between two at once), writes the
// organisation with the signed-in user as its first member and appends the audit entry.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { checkOrgNumber, isLegalForm } from '../../domain/organisation.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { fieldProblem } from '../problem.ts';

/** Registers the organisation with the user as its first member; answers it as stored. */
export async function registerOrganisation(
  ctx: AppContext,
  user: SignedInUser,
  body: { orgNumber: string; name: string; legalForm: string; municipality?: string },
  options: CommandOptions = {},
) {
  if (!isLegalForm(body.legalForm)) throw fieldProblem(422, 'legalForm', 'legal_form_invalid');
  const verdict = checkOrgNumber(body.orgNumber, body.legalForm);
  if (!verdict.ok) throw fieldProblem(422, 'orgNumber', verdict.code, verdict.params);
  const { orgNumber } = verdict;
  const legalForm = body.legalForm;
  const now = clockOf(options);
  return scoped(ctx.db, scopeOf(user), async (tx) => {
    const existing = await tx.selectFrom('organisations').select('id').where('org_number', '=', orgNumber).executeTakeFirst();
    if (existing) throw fieldProblem(409, 'orgNumber', 'organisation_exists', { orgNumber });
    const created = await tx
      .insertInto('organisations')
      .values({ org_number: orgNumber, name: body.name.trim(), legal_form: legalForm, municipality: body.municipality?.trim() || null, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tx.insertInto('organisation_memberships').values({ organisation_id: created.id, user_id: user.userId }).execute();
    await audit(tx, actorOf(user), {
      action: 'organisation.registered',
      objectType: 'organisation',
      objectId: created.id,
      organisationId: created.id,
      reason: auditReason(options),
      data: { orgNumber, name: created.name, legalForm: created.legal_form, firstMember: user.email },
    });
    return created;
  }).catch((error: unknown) => {
    // Two people registering the same number at once: the unique index decides.
    if ((error as { code?: string }).code === '23505') throw fieldProblem(409, 'orgNumber', 'organisation_exists', { orgNumber });
    throw error;
  });
}
