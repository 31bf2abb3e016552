import { system } from '../db/scope.ts';
import type { ApplicationContent } from '../domain/applications/types.ts';
import { screenAutomatically } from '../domain/assessment/screening.ts';
import type { Reservation } from '../domain/assessment/types.ts';
import type { CallRules } from '../domain/calls/types.ts';
import { kronor, type Ore, ZERO_ORE } from '../domain/money.ts';
import type { LegalForm } from '../domain/organisation.ts';
import { assignReviewers } from '../server/assessment/assign-reviewers.ts';
import { declareConflict } from '../server/assessment/declare-conflict.ts';
import { proposeDecision } from '../server/assessment/propose-decision.ts';
import { recordScreening } from '../server/assessment/record-screening.ts';
import { saveReview } from '../server/assessment/save-review.ts';
import { recordDecision } from '../server/decisions/record-decision.ts';
import { type Demo, replayAt } from './replay.ts';

type Scored = Record<'need' | 'complement' | 'capacity', number>;

interface Plan {
  org: 'nattvandrarna' | 'vuxenskolan' | 'matteus' | 'laxhjalpen';
  scores: Record<string, Scored | 'conflict'>;
  amount: Ore;
  proposal: string;
  reasons: string;
  paragraph: string;
  reservations: Reservation[];
}

// The 2022 call assessed and decided by Socialnämnden within its 3 000 000 kr: two full grants,
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
    amount: ZERO_ORE,
    proposal: 'Avslag. Verksamheten finns redan i liknande form genom fritidsgården i Marielund och kompletterar inte socialkontorets arbete tillräckligt.',
    reasons:
      'Uppdraget bedöms inte komplettera socialkontorets arbete i tillräcklig grad, eftersom fritidsgården i Marielund redan erbjuder kvällsverksamhet för samma målgrupp. Bedömningen av behov och genomförandeförmåga ger inte företräde framför andra ansökningar.',
    paragraph: '§ 33',
    reservations: [{ kind: 'reservation', by: 'Karin Lind (KD)', text: 'Till förmån för eget yrkande om bifall med 150 000 kr.' }],
  },
  {
    org: 'laxhjalpen',
    scores: {
      'bedomare@norrkoping.example': { need: 4, complement: 4, capacity: 3 },
      'handlaggare@norrkoping.example': { need: 4, complement: 4, capacity: 4 },
      'namnd@norrkoping.example': { need: 4, complement: 3, capacity: 4 },
    },
    amount: kronor(120_000),
    proposal: 'Bifall. Läxhjälpen ger vuxennärvaro i Hageby de eftermiddagar då fältgruppen inte är ute.',
    reasons:
      'Uppdraget kompletterar socialkontorets uppsökande arbete i Hageby med vuxennärvaro på eftermiddagarna, och föreningen har volontärer som redan är kända i området. Budgeten är rimlig för uppdraget.',
    paragraph: '§ 34',
    reservations: [],
  },
];

const CONFLICT_NOTE = 'Ledamot i Matteus församlings kyrkoråd.';

/** Screening, reviews, proposals and the committee's decisions on the 2022 call, each by whoever did it then. */
export async function seedAssessment(demo: Demo, applications: Record<string, string>) {
  const { ctx } = demo;
  const caseworker = await demo.user('handlaggare@norrkoping.example');
  const apps = await system(ctx.db, (tx) =>
    tx
      .selectFrom('applications')
      .innerJoin('calls', 'calls.id', 'applications.call_id')
      .innerJoin('organisations', 'organisations.id', 'applications.organisation_id')
      .select(['applications.id', 'applications.submitted_content', 'applications.submitted_at', 'calls.rules', 'organisations.legal_form'])
      .where('applications.id', 'in', Object.values(applications))
      .execute(),
  );
  for (const plan of PLANS) {
    const a = apps.find((x) => x.id === applications[plan.org]);
    if (!a?.submitted_content || !a.submitted_at) throw new Error(`demo application ${plan.org} missing`);
    const content = a.submitted_content as ApplicationContent;
    const rules = a.rules as CallRules;
    // Every rule found met; those the automatic check could not confirm, after the completion round.
    const automatic = screenAutomatically(rules, { legalForm: a.legal_form as LegalForm, eligibleUntil: null }, content, a.submitted_at);
    const screened = automatic.map((r) => ({ rule: r.rule, ok: true, reason: r.ok ? null : 'Bedömt uppfyllt efter komplettering.' }));
    await recordScreening(ctx, caseworker, a.id, screened, replayAt(new Date('2022-03-10T10:00:00+01:00')));

    await assignReviewers(
      ctx,
      caseworker,
      a.id,
      await Promise.all(Object.keys(plan.scores).map(async (email) => (await demo.user(email)).userId)),
      replayAt(new Date('2022-03-10T11:00:00+01:00')),
    );
    for (const [email, scored] of Object.entries(plan.scores)) {
      const reviewer = await demo.user(email);
      const conflict = scored === 'conflict';
      await declareConflict(ctx, reviewer, a.id, { conflict, note: conflict ? CONFLICT_NOTE : null }, replayAt(new Date('2022-03-11T09:00:00+01:00')));
      if (!conflict) {
        const scores = Object.fromEntries(Object.entries(scored).map(([criterion, score]) => [criterion, { score, comment: '' }]));
        await saveReview(ctx, reviewer, a.id, { scores, submit: true }, replayAt(new Date('2022-03-15T15:00:00+01:00')));
      }
    }

    await proposeDecision(ctx, caseworker, a.id, { amount: plan.amount, reasons: plan.proposal }, replayAt(new Date('2022-03-16T14:00:00+01:00')));

    await recordDecision(
      ctx,
      caseworker,
      a.id,
      {
        amount: plan.amount,
        reasons: plan.reasons,
        conditions: plan.amount
          ? 'Uppdraget ska genomföras i samverkan med socialkontorets fältgrupp. Ändringar av uppdraget ska stämmas av med handläggaren i förväg.'
          : '',
        grantFrom: plan.amount ? '2022-04-01' : null,
        grantTo: plan.amount ? '2023-03-31' : null,
        madeBy: 'committee',
        decisionBody: 'Socialnämnden',
        paragraph: plan.paragraph,
        decidedOn: '2022-03-24',
        announcedOn: '2022-03-29',
        reservations: plan.reservations,
      },
      replayAt(new Date('2022-03-29T10:00:00+02:00')),
    );
  }
}
