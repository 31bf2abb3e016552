// The caseworker drafts the agreement from a granted decision, with the application's content filled in:
// what is to be done, activities, areas, target groups, participants, the period, the decision's
// conditions, contacts on both sides and a first matrix of who does what. The call says whether it is
// an assignment (uppdrag) or a partnership (IOP).
import { audit } from '../../db/audit.ts';
import { type AgreementContent, type AgreementParty, DEFAULT_PARTIES, defaultResponsibilities } from '../../domain/agreements.ts';
import type { TargetGroup } from '../../domain/calls/types.ts';
import { addDays, addMonths, dateInStockholm } from '../../domain/deadlines.ts';
import type { ScheduleSpec } from '../../domain/payments/schedule.ts';
import { policy } from '../../domain/roles.ts';
import { inScope } from '../applications/access.ts';
import { locateAsStaff } from '../assessment/access.ts';
import { isCurrent, lockApplication } from '../budget/guard.ts';
import { auditReason, type CommandOptions, clockOf } from '../command.ts';
import type { AppContext } from '../context.ts';
import { nextNumber } from '../numbering.ts';
import { actorOf, type SignedInUser } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { type AgreementRow, contentHash } from './store.ts';

export async function draftAgreement(ctx: AppContext, user: SignedInUser, applicationId: string, options: CommandOptions = {}): Promise<AgreementRow> {
  const located = await locateAsStaff(ctx, user, applicationId, policy.draftAgreement);
  const now = clockOf(options);
  return inScope(ctx, located, async (tx) => {
    // The decision's locks (budget line, call, application): a superseding decision cannot slip in between.
    const call = await lockApplication(tx, located.callId, located.id);
    const existing = await tx.selectFrom('agreements').select('id').where('application_id', '=', located.id).executeTakeFirst();
    if (existing) throw new Problem(409, 'agreement_exists', {}, [], { agreementId: existing.id });
    const decision = await tx.selectFrom('decisions as d').selectAll().where('d.application_id', '=', located.id).where(isCurrent).executeTakeFirst();
    if (!decision || decision.amount <= 0) throw new Problem(409, 'no_grant_to_agree');
    const app = await tx.selectFrom('applications').selectAll().where('id', '=', located.id).executeTakeFirstOrThrow();
    const content = app.submitted_content ?? app.content;
    const types = await tx.selectFrom('activity_types').select(['key', 'label_sv']).execute();
    const label = new Map(types.map((t) => [t.key, t.label_sv]));
    const union = <T>(xs: T[][]) => [...new Set(xs.flat())];
    const periodFrom = decision.grant_from ?? decision.decided_on;
    const periodTo = decision.grant_to ?? addDays(addMonths(periodFrom, call.rules.grantPeriodMonths || 12), -1);
    const partners: AgreementParty[] = [
      ...DEFAULT_PARTIES.map((p) => ({ ...p })),
      ...(call.rules.agreement?.partners ?? []).map((label, i) => ({ key: `partner_${i + 1}`, label })),
      ...content.partners.filter((p) => p.name.trim()).map((p, i) => ({ key: `co_applicant_${i + 1}`, label: p.name.trim() })),
    ];
    const kind = call.rules.agreement?.kind ?? 'assignment';
    const participants = content.activities.map((a) => a.expectedParticipants).filter((n): n is number => typeof n === 'number');
    const agreementContent: AgreementContent = {
      description: content.description,
      activities: content.activities.map((a) => (a.typeKey ? (label.get(a.typeKey) ?? a.typeKey) : (a.proposedType ?? a.description))).filter(Boolean),
      areas: union(content.activities.map((a) => a.areas)),
      targetGroups: union<TargetGroup>(content.activities.map((a) => a.targetGroups)),
      expectedParticipants: participants.length ? participants.reduce((a, b) => a + b, 0) : null,
      periodFrom,
      periodTo,
      conditions: decision.conditions,
      contacts: [
        { party: 'funder', name: user.name, role: 'Handläggare', email: user.email, phone: '' },
        ...content.contacts
          .filter((c) => c.name.trim())
          .map((c) => ({ party: 'organisation' as const, name: c.name, role: 'Kontaktperson', email: c.email ?? '', phone: c.phone ?? '' })),
      ],
      parties: partners,
      responsibilities: defaultResponsibilities(partners),
      ownContribution: kind === 'iop' ? content.ownContribution : null,
      jointFollowUp: kind === 'iop' ? 'Parterna följer upp partnerskapet tillsammans vid två dialogmöten per år och i en gemensam slutuppföljning.' : '',
    };
    const schedule: ScheduleSpec = { kind: 'on_signing' };
    const number = await nextNumber(tx, located.funderId, 'agreement', Number(dateInStockholm(now).slice(0, 4)));
    const row = await tx
      .insertInto('agreements')
      .values({
        funder_id: located.funderId,
        application_id: located.id,
        decision_id: decision.id,
        organisation_id: located.organisationId,
        call_id: located.callId,
        number,
        kind,
        amount: decision.amount,
        content: JSON.stringify(agreementContent),
        schedule: JSON.stringify(schedule),
        content_sha256: contentHash({ kind, amount: decision.amount, content: agreementContent, schedule }),
        created_by: user.userId,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(tx, actorOf(user), {
      action: 'agreement.drafted',
      objectType: 'agreement',
      objectId: row.id,
      funderId: located.funderId,
      organisationId: located.organisationId,
      reason: auditReason(options),
      data: { number, kind, amount: decision.amount, applicationId: located.id, decisionId: decision.id },
    });
    return row;
  });
}
