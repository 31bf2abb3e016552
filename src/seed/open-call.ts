import { system } from '../db/scope.ts';
import type { ApplicationContent } from '../domain/applications/types.ts';
import { screenAutomatically } from '../domain/assessment/screening.ts';
import type { CallRules } from '../domain/calls/types.ts';
import { addMonths, dateInStockholm } from '../domain/deadlines.ts';
import { kronor } from '../domain/money.ts';
import type { LegalForm } from '../domain/organisation.ts';
import { assignReviewers } from '../server/assessment/assign-reviewers.ts';
import { declareConflict } from '../server/assessment/declare-conflict.ts';
import { proposeDecision } from '../server/assessment/propose-decision.ts';
import { recordScreening } from '../server/assessment/record-screening.ts';
import { saveReview } from '../server/assessment/save-review.ts';
import { apply, attachmentsOf, content } from './applications.ts';
import { type Demo, replayAt } from './replay.ts';

const DAY = 86_400_000;

/**
 * This year's work on the call that is open now, so that the staff's work queues have something in
 * them: Vuxenskolan's application screened, reviewed by the caseworker, waiting for Bo Bedömare's review
 * and proposed to Socialnämnden (above the delegation limit, so the committee decides); and Läxhjälpen
 * i Hageby's application received two days ago and not yet screened. Both organisations hold this
 * year's eligibility approval, which the call requires.
 */
export async function seedOpenCall(demo: Demo, callId: string, now: Date) {
  // Days ago, in this year's case-number series: early in January the days shrink to fit since New Year.
  const start = dateInStockholm(now);
  const newYear = new Date(`${start.slice(0, 4)}-01-01T00:00:00+01:00`).getTime();
  const day = Math.min(DAY, (now.getTime() - newYear) / 16);
  const ago = (days: number) => new Date(now.getTime() - days * day);
  // In this order they take this year's case numbers SN <year>/00001 and 00002.
  const vuxenskolan = await apply(
    demo,
    'vera@vuxenskolan.example',
    callId,
    demo.ids.organisations.vuxenskolan,
    content({
      title: 'Läxläsning och nattfotboll i Ringdansen',
      description:
        'Läxläsning två eftermiddagar i veckan i Ringdansens bibliotek och nattfotboll på lördagskvällar i Navestadshallen, med studieförbundets cirkelledare och föräldrar som vuxna förebilder.',
      complement:
        'Skolans elevhälsa och socialtjänstens fältassistenter hänvisar unga till läxläsningen, och nattfotbollen hålls de kvällar fältgruppen ser flest unga ute.',
      focusAreas: ['Förebygga utanförskap bland barn och unga'],
      activities: [
        {
          typeKey: 'homework_help',
          proposedType: null,
          description: 'Läxläsning tisdagar och torsdagar för elever i årskurs 4–9',
          targetGroups: ['children', 'young_people'],
          areas: ['Ringdansen'],
          from: start,
          to: addMonths(start, 12),
          expectedParticipants: 60,
        },
        {
          typeKey: 'night_football',
          proposedType: null,
          description: 'Nattfotboll lördagar kl. 21–01',
          targetGroups: ['young_people'],
          areas: ['Navestad', 'Ringdansen'],
          from: start,
          to: addMonths(start, 12),
          expectedParticipants: 80,
        },
      ],
      budget: [
        { label: 'Cirkelledararvoden för läxläsningen', amount: kronor(72_000) },
        { label: 'Hyra av Navestadshallen', amount: kronor(38_000) },
        { label: 'Ledare och domare för nattfotbollen', amount: kronor(30_000) },
      ],
      amountRequested: kronor(140_000),
      contacts: [{ name: 'Vera Verksamhetsutvecklare', email: 'vera@vuxenskolan.example', phone: '011-12 34 56' }],
      attachments: await attachmentsOf(demo, 'vuxenskolan'),
    }),
    ago(12),
  );
  await apply(
    demo,
    'lina@laxhjalpen.example',
    callId,
    demo.ids.organisations.laxhjalpen,
    content({
      title: 'Läxhjälp i Hageby hela läsåret',
      description:
        'Frivilliga läxhjälpare, många själva tidigare elever i Hageby, hjälper barn och unga med läxorna tre kvällar i veckan i Hageby centrums föreningslokal.',
      complement: 'Läxhjälpen är öppen de kvällar skolans studiestöd är stängt, och föräldrar får träffa läxhjälparna en gång i månaden.',
      focusAreas: ['Förebygga utanförskap bland barn och unga'],
      activities: [
        {
          typeKey: 'homework_help',
          proposedType: null,
          description: 'Läxhjälp måndag, tisdag och onsdag kl. 17–19',
          targetGroups: ['children', 'young_people'],
          areas: ['Hageby'],
          from: start,
          to: addMonths(start, 12),
          expectedParticipants: 45,
        },
      ],
      budget: [
        { label: 'Lokalhyra', amount: kronor(24_000) },
        { label: 'Utbildning av läxhjälpare', amount: kronor(12_000) },
        { label: 'Fika och material', amount: kronor(9_000) },
      ],
      amountRequested: kronor(45_000),
      contacts: [{ name: 'Lina Läxhjälpare', email: 'lina@laxhjalpen.example', phone: '070-987 65 43' }],
      attachments: await attachmentsOf(demo, 'laxhjalpen'),
    }),
    ago(2),
  );

  // Vuxenskolan's: screened, the caseworker's review in, Bo Bedömare's still to come, and proposed.
  const caseworker = await demo.user('handlaggare@norrkoping.example');
  const a = await system(demo.ctx.db, (tx) =>
    tx
      .selectFrom('applications')
      .innerJoin('calls', 'calls.id', 'applications.call_id')
      .innerJoin('organisations', 'organisations.id', 'applications.organisation_id')
      .select(['applications.submitted_content', 'applications.submitted_at', 'calls.rules', 'organisations.legal_form'])
      .where('applications.id', '=', vuxenskolan)
      .executeTakeFirstOrThrow(),
  );
  if (!a.submitted_content || !a.submitted_at) throw new Error('demo application vuxenskolan not submitted');
  const automatic = screenAutomatically(
    a.rules as CallRules,
    { legalForm: a.legal_form as LegalForm, eligibleUntil: `${start.slice(0, 4)}-12-31` },
    a.submitted_content as ApplicationContent,
    a.submitted_at,
  );
  const screened = automatic.map((r) => ({ rule: r.rule, ok: true, reason: r.ok ? null : 'Godkänd som bidragsberättigad av socialnämnden i år.' }));
  await recordScreening(demo.ctx, caseworker, vuxenskolan, screened, replayAt(ago(9)));
  const bo = await demo.user('bedomare@norrkoping.example');
  await assignReviewers(demo.ctx, caseworker, vuxenskolan, [caseworker.userId, bo.userId], replayAt(ago(8.9)));
  await declareConflict(demo.ctx, caseworker, vuxenskolan, { conflict: false, note: null }, replayAt(ago(8)));
  const scores = { need: 4, complement: 5, capacity: 4 };
  await saveReview(
    demo.ctx,
    caseworker,
    vuxenskolan,
    { scores: Object.fromEntries(Object.entries(scores).map(([criterion, score]) => [criterion, { score, comment: '' }])), submit: true },
    replayAt(ago(6)),
  );
  await proposeDecision(
    demo.ctx,
    caseworker,
    vuxenskolan,
    {
      amount: kronor(120_000),
      reasons:
        'Bifall med 120 000 kr. Läxläsningen och nattfotbollen når unga i Ringdansen och Navestad som skolan och fältgruppen har svårt att nå; hallhyran bör kunna delas med en idrottsförening som hyr hallen samma kvällar. Beloppet är över delegationen och avgörs av socialnämnden.',
    },
    replayAt(ago(3)),
  );
}
