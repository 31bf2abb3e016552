import { system } from '../db/scope.ts';
import type { ApplicationContent } from '../domain/applications/types.ts';
import { kronor, ZERO_ORE } from '../domain/money.ts';
import { answerCompletion } from '../server/applications/answer-completion.ts';
import { requestCompletion } from '../server/applications/request-completion.ts';
import { saveDraft } from '../server/applications/save-draft.ts';
import { startApplication } from '../server/applications/start-application.ts';
import { submitApplication } from '../server/applications/submit-application.ts';
import { type Demo, replayAt } from './replay.ts';

export function content(over: Partial<ApplicationContent> & Pick<ApplicationContent, 'title' | 'amountRequested'>): ApplicationContent {
  return {
    description: '',
    complement: '',
    focusAreas: [],
    activities: [],
    budget: [{ label: 'Verksamhet', amount: over.amountRequested }],
    ownContribution: ZERO_ORE,
    otherFunding: ZERO_ORE,
    partners: [],
    contacts: [],
    declarations: { religious_or_political: true, for_profit: true, already_completed: true },
    answers: {},
    attachments: [],
    ...over,
  };
}

const HOUR = 3_600_000;

/** An application started and written a week before it was submitted, by the organisation's member. */
export async function apply(demo: Demo, email: string, callId: string, organisationId: string, content: ApplicationContent, submittedAt: Date) {
  const user = await demo.user(email);
  const { row } = await startApplication(demo.ctx, user, { callId, organisationId }, replayAt(new Date(submittedAt.getTime() - 7 * 24 * HOUR)));
  await saveDraft(demo.ctx, user, row.id, { content, version: row.version }, replayAt(new Date(submittedAt.getTime() - HOUR)));
  await submitApplication(demo.ctx, user, row.id, null, replayAt(submittedAt));
  return row.id;
}

/** The organisation's documents from its eligibility approval, attached as statutes, annual report and budget. */
export async function attachmentsOf(demo: Demo, orgKey: string): Promise<ApplicationContent['attachments']> {
  const files = await system(demo.ctx.db, (tx) =>
    tx.selectFrom('files').select(['id', 'name']).where('organisation_id', '=', demo.ids.organisations[orgKey]).orderBy('name').execute(),
  );
  const attachments = files.map((f) => ({
    kind: f.name.startsWith('stadgar') ? ('statutes' as const) : ('annual_report' as const),
    fileId: f.id,
    name: f.name,
  }));
  return [...attachments, { ...attachments[0], kind: 'budget' as const, name: 'budget.pdf' }];
}

/**
 * A draft started through the command, its content then written as it is: the demo shows a draft
 * begun and never saved since (version 1, history "started"), which no command makes, since starting
 * takes no content and every save is a new version with its own entry.
 */
async function startedDraft(demo: Demo, email: string, callId: string, organisationId: string, content: ApplicationContent) {
  const user = await demo.user(email);
  const { row } = await startApplication(demo.ctx, user, { callId, organisationId }, replayAt(new Date()));
  await system(demo.ctx.db, (tx) =>
    tx
      .updateTable('applications')
      .set({ content: JSON.stringify(content), title: content.title, amount_requested: content.amountRequested })
      .where('id', '=', row.id)
      .execute(),
  );
}

/** Applications to the Norrköping 2022 call (one with a completion round) and a draft on the open call. */
export async function seedApplications(demo: Demo, calls: { norrkoping2022: string; associationSupport: string }) {
  const ids = demo.ids;

  // In this order they take the case numbers SN 2022/00001 to 00004.
  const submitted: { org: string; member: string; at: string; c: ApplicationContent }[] = [
    {
      org: 'nattvandrarna',
      member: 'forening@nattvandrarna.example',
      at: '2022-02-24T19:42:00+01:00',
      c: content({
        title: 'Fler vuxna ute på kvällarna i Navestad och Hageby',
        description:
          'Vi utökar nattvandringen till fyra kvällar i veckan och utbildar 30 nya vandrare, med fokus på att möta unga som riskerar att dras in i kriminalitet.',
        complement: 'Vi rapporterar varje vecka till socialkontorets fältgrupp och slussar unga vidare till fältassistenterna.',
        focusAreas: ['Uppsökande verksamhet'],
        activities: [
          {
            typeKey: 'night_walks',
            proposedType: null,
            description: 'Nattvandring fredag–söndag och onsdagar',
            targetGroups: ['young_people'],
            areas: ['Navestad', 'Hageby'],
            from: '2022-04-01',
            to: '2023-03-31',
            expectedParticipants: 400,
          },
        ],
        budget: [
          { label: 'Utbildning av vandrare', amount: kronor(90_000) },
          { label: 'Västar, lampor och telefoner', amount: kronor(60_000) },
          { label: 'Samordnare 25 %', amount: kronor(250_000) },
        ],
        ownContribution: kronor(50_000),
        amountRequested: kronor(350_000),
        contacts: [{ name: 'Fatima Föreningsaktiv', email: 'forening@nattvandrarna.example', phone: '070-123 45 67' }],
        answers: { focus: 'outreach', complement: 'Vi ser till att fältgruppen får veta var unga samlas.', reach: 400 },
      }),
    },
    {
      org: 'vuxenskolan',
      member: 'vera@vuxenskolan.example',
      at: '2022-03-03T10:15:00+01:00',
      c: content({
        title: 'Studiecirklar om relationer och våld för unga',
        description:
          'Studiecirklar för unga 15–20 år om relationer, gränser och våld i nära relation, inklusive hedersrelaterat våld, med cirkelledare med särskild utbildning.',
        complement: 'Cirklarna når unga innan de behöver socialtjänstens stöd, och ledarna vet när och hur de ska hänvisa till socialkontoret.',
        focusAreas: ['Stöd till unga utsatta för våld i nära relation, inklusive hedersrelaterat våld'],
        activities: [
          {
            typeKey: 'mentoring',
            proposedType: null,
            description: '12 studiecirklar med 8 deltagare vardera',
            targetGroups: ['young_people'],
            areas: ['Ringdansen', 'Klockaretorpet'],
            from: '2022-05-01',
            to: '2023-04-30',
            expectedParticipants: 96,
          },
        ],
        budget: [
          { label: 'Cirkelledararvoden', amount: kronor(420_000) },
          { label: 'Utbildning om hedersrelaterat våld', amount: kronor(80_000) },
        ],
        amountRequested: kronor(500_000),
        contacts: [{ name: 'Vera Verksamhetsutvecklare', email: 'vera@vuxenskolan.example', phone: '' }],
        answers: {
          focus: 'violence',
          honour_competence: 'Alla ledare går länsstyrelsens utbildning om hedersrelaterat våld och förtryck.',
          complement: 'Tidiga samtal.',
          reach: 96,
        },
      }),
    },
    {
      org: 'matteus',
      member: 'diakon@matteus.example',
      at: '2022-03-06T22:31:00+01:00',
      c: content({
        title: 'Öppen kväll för unga i Matteus',
        description: 'En öppen kväll i veckan med samtal, läxhjälp och fotboll i kyrkans lokaler, öppen för alla unga oavsett tro.',
        complement: 'Kvällarna är en mötesplats där socialkontorets fältassistenter kan träffa unga.',
        focusAreas: ['Uppsökande verksamhet'],
        activities: [
          {
            typeKey: 'mentoring',
            proposedType: null,
            description: 'Öppen kväll varje torsdag',
            targetGroups: ['young_people'],
            areas: ['Marielund'],
            from: '2022-04-15',
            to: '2023-04-14',
            expectedParticipants: 60,
          },
        ],
        budget: [{ label: 'Ledare och material', amount: kronor(300_000) }],
        amountRequested: kronor(300_000),
        contacts: [{ name: 'Maja Diakon', email: 'diakon@matteus.example', phone: '' }],
        answers: { focus: 'outreach', complement: 'Fältassistenterna är välkomna.', reach: 60 },
      }),
    },
    {
      org: 'laxhjalpen',
      member: 'lina@laxhjalpen.example',
      at: '2022-03-06T23:05:00+01:00',
      c: content({
        title: 'Läxhjälp och trygga eftermiddagar i Hageby',
        description:
          'Läxhjälp tre eftermiddagar i veckan i Hageby bibliotek, med vuxna volontärer som också finns där när unga annars är ensamma efter skolan.',
        complement: 'Volontärerna ser tidigt unga som far illa och vet hur de når socialkontorets fältassistenter.',
        focusAreas: ['Uppsökande verksamhet'],
        activities: [
          {
            typeKey: 'mentoring',
            proposedType: null,
            description: 'Vuxna volontärer och läxhjälp måndag, tisdag och torsdag kl. 15–18',
            targetGroups: ['children', 'young_people'],
            areas: ['Hageby'],
            from: '2022-04-01',
            to: '2023-03-31',
            expectedParticipants: 80,
          },
        ],
        budget: [
          { label: 'Samordnare 20 %', amount: kronor(90_000) },
          { label: 'Fika och material', amount: kronor(30_000) },
        ],
        amountRequested: kronor(120_000),
        contacts: [{ name: 'Lina Läxhjälpare', email: 'lina@laxhjalpen.example', phone: '073-555 12 34' }],
        answers: { focus: 'outreach', complement: 'Volontärerna lotsar unga vidare till fältassistenterna.', reach: 80 },
      }),
    },
  ];

  const ids2: Record<string, string> = {};
  for (const s of submitted) {
    const c = { ...s.c, attachments: await attachmentsOf(demo, s.org) };
    ids2[s.org] = await apply(demo, s.member, calls.norrkoping2022, ids.organisations[s.org], c, new Date(s.at));
  }

  // A completion round: the caseworker asked Matteus församling for more, and got an answer.
  const { round } = await requestCompletion(
    demo.ctx,
    await demo.user('handlaggare@norrkoping.example'),
    ids2.matteus,
    {
      message: 'Beskriv hur ni säkerställer att verksamheten inte har en övervägande religiös karaktär, och vem som leder kvällarna.',
      replyBy: '2022-03-18',
    },
    null,
    replayAt(new Date('2022-03-09T09:00:00+01:00')),
  );
  await answerCompletion(
    demo.ctx,
    await demo.user('diakon@matteus.example'),
    round.id,
    {
      answer: 'Kvällarna leds av två fritidsledare utan religiöst uppdrag; inga andakter eller religiösa inslag ingår. Programmet bifogas.',
      files: [],
    },
    replayAt(new Date('2022-03-14T16:20:00+01:00')),
  );

  // A draft on the call that is open now.
  const draft = content({
    title: 'Nattfotboll och läxhjälp i Navestad',
    amountRequested: kronor(80_000),
    description: 'Nattfotboll fredagar och läxhjälp tisdagar i Navestadsskolans lokaler.',
    contacts: [{ name: 'Fatima Föreningsaktiv', email: 'forening@nattvandrarna.example', phone: '' }],
  });
  await startedDraft(demo, 'forening@nattvandrarna.example', calls.associationSupport, ids.organisations.nattvandrarna, draft);
  return ids2;
}
