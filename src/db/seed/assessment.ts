import type { ApplicationContent } from '../../domain/applications/types.ts';
import { outcomeFor } from '../../domain/assessment/decisions.ts';
import { screenAutomatically } from '../../domain/assessment/screening.ts';
import type { Reservation } from '../../domain/assessment/types.ts';
import type { CallRules } from '../../domain/calls/types.ts';
import { kronor } from '../../domain/money.ts';
import type { LegalForm } from '../../domain/organisation.ts';
import { audit, SYSTEM_ACTOR } from '../audit.ts';
import type { Tx } from '../connection.ts';
import type { SeedIds } from './calls.ts';
import { DEMO_REASON } from './reason.ts';

type Scored = Record<'need' | 'complement' | 'capacity', number>;

interface Plan {
  org: 'nattvandrarna' | 'vuxenskolan' | 'matteus';
  scores: Record<string, Scored | 'conflict'>;
  amount: number;
  proposal: string;
  reasons: string;
  paragraph: string;
  reservations: Reservation[];
}

// The 2022 call assessed and decided by Socialnämnden within its 3 000 000 kr: one full grant,
// one partial grant, one rejection with reasons and a recorded reservation.
const PLANS: Plan[] = [
  {
    org: 'nattvandrarna',
    scores: {
      'bedomare@norrkoping.example': { need: 4, complement: 5, capacity: 4 },
      'handlaggare@norrkoping.example': { need: 4, complement: 4, capacity: 3 },
      'namnd@norrkoping.example': { need: 5, complement: 4, capacity: 4 },
    },
    amount: kronor(250_000),
    proposal: 'Väl förankrat i fältgruppens arbete. Samordnartjänsten bör rymmas inom 150 000 kr; utbildning och utrustning beviljas fullt.',
    reasons:
      'Uppdraget kompletterar socialkontorets uppsökande arbete i Navestad och Hageby och föreningen har visat att den kan genomföra det. Kostnaden för samordning bedöms vara högre än vad uppdraget kräver, och bidraget lämnas därför delvis.',
    paragraph: '§ 31',
    reservations: [],
  },
  {
    org: 'vuxenskolan',
    scores: {
      'bedomare@norrkoping.example': { need: 5, complement: 4, capacity: 5 },
      'handlaggare@norrkoping.example': { need: 5, complement: 5, capacity: 4 },
      'namnd@norrkoping.example': { need: 4, complement: 4, capacity: 5 },
    },
    amount: kronor(500_000),
    proposal: 'Bifall. Stödet till unga utsatta för våld i nära relation saknas i dag och studieförbundet har erfarenhet av liknande grupper.',
    reasons:
      'Uppdraget svarar mot inriktningen stöd till unga utsatta för våld i nära relation, inklusive hedersrelaterat våld, där socialkontoret saknar motsvarande insats. Budgeten är rimlig för uppdraget.',
    paragraph: '§ 32',
    reservations: [],
  },
  {
    org: 'matteus',
    scores: {
      'bedomare@norrkoping.example': { need: 3, complement: 2, capacity: 3 },
      'handlaggare@norrkoping.example': { need: 3, complement: 2, capacity: 2 },
      'namnd@norrkoping.example': 'conflict',
    },
    amount: 0,
    proposal: 'Avslag. Verksamheten finns redan i liknande form genom fritidsgården i Marielund och kompletterar inte socialkontorets arbete tillräckligt.',
    reasons:
      'Uppdraget bedöms inte komplettera socialkontorets arbete i tillräcklig grad, eftersom fritidsgården i Marielund redan erbjuder kvällsverksamhet för samma målgrupp. Bedömningen av behov och genomförandeförmåga ger inte företräde framför andra ansökningar.',
    paragraph: '§ 33',
    reservations: [{ kind: 'reservation', by: 'Karin Lind (KD)', text: 'Till förmån för eget yrkande om bifall med 150 000 kr.' }],
  },
];

export async function seedAssessment(tx: Tx, ids: SeedIds, applications: Record<string, string>) {
  const sn = ids.funders.sn;
  const caseworker = ids.users['handlaggare@norrkoping.example'] as string;
  const apps = await tx
    .selectFrom('applications')
    .innerJoin('calls', 'calls.id', 'applications.call_id')
    .innerJoin('organisations', 'organisations.id', 'applications.organisation_id')
    .select([
      'applications.id',
      'applications.call_id',
      'applications.organisation_id',
      'applications.submitted_content',
      'applications.submitted_at',
      'calls.rules',
      'organisations.legal_form',
    ])
    .where('applications.id', 'in', Object.values(applications))
    .execute();
  for (const plan of PLANS) {
    const a = apps.find((x) => x.id === applications[plan.org]);
    if (!a?.submitted_content || !a.submitted_at) throw new Error(`demo application ${plan.org} missing`);
    const content = a.submitted_content as ApplicationContent;
    const rules = a.rules as CallRules;
    const automatic = screenAutomatically(rules, { legalForm: a.legal_form as LegalForm, eligibleUntil: null }, content, a.submitted_at);
    const screened = automatic.map((r) => ({
      rule: r.rule,
      automatic: r.ok,
      ok: true,
      reason: r.ok ? null : 'Bedömt uppfyllt efter komplettering.',
      fields: r.fields,
    }));
    await tx
      .insertInto('screenings')
      .values({
        funder_id: sn,
        application_id: a.id,
        outcome: 'eligible',
        rules: JSON.stringify(screened),
        screened_by: caseworker,
        screened_at: new Date('2022-03-10T10:00:00+01:00'),
      })
      .execute();
    await audit(tx, SYSTEM_ACTOR, {
      action: 'application.screened',
      objectType: 'application',
      objectId: a.id,
      funderId: sn,
      reason: DEMO_REASON,
      data: { outcome: 'eligible' },
    });

    for (const [email, scored] of Object.entries(plan.scores)) {
      const reviewer = ids.users[email] as string;
      const conflict = scored === 'conflict';
      await tx
        .insertInto('review_assignments')
        .values({
          funder_id: sn,
          application_id: a.id,
          reviewer_id: reviewer,
          assigned_by: caseworker,
          assigned_at: new Date('2022-03-10T11:00:00+01:00'),
          conflict: conflict ? 'conflict' : 'none',
          conflict_note: conflict ? 'Ledamot i Matteus församlings kyrkoråd.' : null,
          declared_at: new Date('2022-03-11T09:00:00+01:00'),
          submitted_at: conflict ? null : new Date('2022-03-15T15:00:00+01:00'),
        })
        .execute();
      if (!conflict) {
        await tx
          .insertInto('review_scores')
          .values(
            Object.entries(scored).map(([criterion_id, score]) => ({
              funder_id: sn,
              application_id: a.id,
              reviewer_id: reviewer,
              criterion_id,
              score,
              comment: '',
            })),
          )
          .execute();
      }
      await audit(
        tx,
        { userId: reviewer, label: email },
        {
          action: conflict ? 'review.conflict_declared' : 'review.submitted',
          objectType: 'application',
          objectId: a.id,
          funderId: sn,
          reason: DEMO_REASON,
        },
      );
    }

    await tx
      .insertInto('decision_proposals')
      .values({
        funder_id: sn,
        call_id: a.call_id,
        application_id: a.id,
        amount: plan.amount,
        reasons: plan.proposal,
        proposed_by: caseworker,
        proposed_at: new Date('2022-03-16T14:00:00+01:00'),
      })
      .execute();
    await audit(tx, SYSTEM_ACTOR, {
      action: 'application.proposed',
      objectType: 'application',
      objectId: a.id,
      funderId: sn,
      reason: DEMO_REASON,
      data: { amount: plan.amount },
    });

    const outcome = outcomeFor(plan.amount, content.amountRequested);
    const decision = await tx
      .insertInto('decisions')
      .values({
        funder_id: sn,
        call_id: a.call_id,
        application_id: a.id,
        outcome,
        amount: plan.amount,
        amount_requested: content.amountRequested,
        reasons: plan.reasons,
        conditions: plan.amount
          ? 'Uppdraget ska genomföras i samverkan med socialkontorets fältgrupp. Ändringar av uppdraget ska stämmas av med handläggaren i förväg.'
          : '',
        grant_from: plan.amount ? '2022-04-01' : null,
        grant_to: plan.amount ? '2023-03-31' : null,
        made_by: 'committee',
        decision_body: 'Socialnämnden',
        paragraph: plan.paragraph,
        decided_on: '2022-03-24',
        announced_on: '2022-03-29',
        reservations: JSON.stringify(plan.reservations),
        recorded_by: caseworker,
        recorded_at: new Date('2022-03-29T10:00:00+02:00'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(tx, SYSTEM_ACTOR, {
      action: 'decision.recorded',
      objectType: 'application',
      objectId: a.id,
      funderId: sn,
      organisationId: a.organisation_id,
      reason: DEMO_REASON,
      data: { decisionId: decision.id, outcome, amount: plan.amount, paragraph: plan.paragraph, decidedOn: '2022-03-24' },
    });
  }
}
