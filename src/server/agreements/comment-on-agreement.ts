// Either party comments on the agreement: the association on the caseworker's draft, the caseworker back.
import { audit } from '../../db/audit.ts';
import { scoped } from '../../db/scope.ts';
import { auditReason, type CommandOptions, clockOf, mailFor } from '../command.ts';
import type { AppContext } from '../context.ts';
import { organisationMembers } from '../eligibility/store.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { fieldProblem } from '../problem.ts';
import { locateAgreement } from './store.ts';

export async function commentOnAgreement(ctx: AppContext, user: SignedInUser, agreementId: string, body: string, options: CommandOptions = {}) {
  const located = await locateAgreement(ctx, user, agreementId);
  const text = body.trim();
  if (!text) throw fieldProblem(422, 'body', 'required');
  const now = clockOf(options);
  const members = located.access === 'staff' ? await organisationMembers(ctx, located.organisationId) : [];
  return scoped(ctx.db, located.scope, async (tx) => {
    const a = await tx
      .selectFrom('agreements')
      .select(['id', 'number', 'funder_id', 'organisation_id', 'application_id', 'created_by'])
      .where('id', '=', agreementId)
      .executeTakeFirstOrThrow();
    const party = located.access === 'staff' ? 'funder' : 'organisation';
    const row = await tx
      .insertInto('agreement_comments')
      .values({ funder_id: a.funder_id, agreement_id: a.id, party, author_id: user.userId, author_name: user.name, body: text, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    // The other side hears of it: the association's members, or the caseworker who drafted the agreement.
    const url = `${ctx.config.publicUrl}/agreements/${a.id}`;
    const to =
      party === 'funder'
        ? members.map((m) => ({ email: m.email, lang: m.locale === 'en' ? ('en' as const) : ('sv' as const) }))
        : await tx
            .selectFrom('users')
            .select(['email', 'locale'])
            .where('id', '=', a.created_by ?? '00000000-0000-0000-0000-000000000000')
            .execute()
            .then((r) => r.map((u) => ({ email: u.email, lang: u.locale })));
    await mailFor(
      ctx,
      tx,
      options,
      to.map((r) => ({
        to: r.email,
        // An association's own mail is not the funder's (the outbox's funder rows are the funder's staff's).
        funderId: party === 'funder' ? a.funder_id : null,
        subject: r.lang === 'en' ? `A comment on the agreement ${a.number}` : `En kommentar till överenskommelsen ${a.number}`,
        text:
          r.lang === 'en'
            ? `${user.name} has commented on the agreement ${a.number}:\n\n${text}\n\nRead and answer in Samverka: ${url}\n\n— Samverka`
            : `${user.name} har kommenterat överenskommelsen ${a.number}:\n\n${text}\n\nLäs och svara i Samverka: ${url}\n\n— Samverka`,
      })),
    );
    await audit(tx, actorOf(user), {
      action: 'agreement.commented',
      objectType: 'agreement',
      objectId: a.id,
      funderId: a.funder_id,
      organisationId: a.organisation_id,
      reason: auditReason(options),
      data: { number: a.number, party, commentId: row.id },
    });
    return row;
  });
}
