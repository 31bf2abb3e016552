// Saving a draft: the one place that checks the user is the applicant, locks the application, refuses
// a save made from an older version (someone else saved since), writes the content, links the
// co-applicants registered in Samverka and appends the audit entry with what changed.
import { isDeepStrictEqual } from 'node:util';
import { auditDraftSave } from '../../db/audit.ts';
import type { Tx } from '../../db/connection.ts';
import type { ApplicationContent } from '../../domain/applications/types.ts';
import { normaliseOrgNumber } from '../../domain/organisation.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { type ApplicationRow, inScope, locate, requireApplicant } from './access.ts';
import { view } from './present.ts';

/** Links co-applicants registered in Samverka, so their members can read the application. */
async function syncPartners(tx: Tx, row: ApplicationRow, content: ApplicationContent) {
  const numbers = content.partners.map((p) => normaliseOrgNumber(p.orgNumber)).filter((n): n is string => !!n);
  await tx.deleteFrom('application_partners').where('application_id', '=', row.id).execute();
  if (!numbers.length) return;
  const orgs = await tx.selectFrom('organisations').select('id').where('org_number', 'in', numbers).where('id', '!=', row.organisation_id).execute();
  if (orgs.length) {
    await tx
      .insertInto('application_partners')
      .values(orgs.map((o) => ({ application_id: row.id, organisation_id: o.id, funder_id: row.funder_id })))
      .execute();
  }
}

/**
 * Saves the draft's content over `version`, the one the user started from; if someone saved since,
 * 409 edit_conflict carries their version. Answers the saved row.
 */
export async function saveDraft(
  ctx: AppContext,
  user: SignedInUser,
  id: string,
  { content, version }: { content: ApplicationContent; version: number },
  options: CommandOptions = {},
): Promise<ApplicationRow> {
  const located = await locate(ctx, user, id);
  requireApplicant(located);
  const now = clockOf(options);
  return inScope(ctx, located, async (tx) => {
    const row = await tx.selectFrom('applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (row.status !== 'draft') throw new Problem(409, 'application_not_draft');
    if (row.version !== version) {
      const current = await view(tx, row, 'applicant');
      const at = (lang: 'sv' | 'en') =>
        row.updated_at.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' });
      const name = current.updatedBy ?? { sv: 'Någon annan', en: 'Someone else' };
      throw new Problem(409, 'edit_conflict', { name, at: { sv: at('sv'), en: at('en') } }, [], { current });
    }
    const saved = await tx
      .updateTable('applications')
      .set({
        content: JSON.stringify(content),
        title: content.title.trim(),
        amount_requested: content.amountRequested,
        version: row.version + 1,
        updated_by: user.userId,
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await syncPartners(tx, saved, content);
    const before = row.content as unknown as Record<string, unknown>;
    // Compared as values: the database keeps JSON objects' keys in an order of its own.
    const changed = Object.keys(content).filter((k) => !isDeepStrictEqual(before[k], content[k as keyof ApplicationContent]));
    // Typing saves often: the saves are gathered into one entry instead of each taking the chain's head.
    await auditDraftSave(
      tx,
      actorOf(user),
      {
        action: 'application.draft_saved',
        objectType: 'application',
        objectId: id,
        funderId: located.funderId,
        organisationId: located.organisationId,
        reason: auditReason(options),
        data: { version: saved.version, changed },
      },
      now,
    );
    return saved;
  });
}
