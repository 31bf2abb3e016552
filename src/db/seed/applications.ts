import { formatCaseNumber } from '../../domain/applications/rules.ts';
import type { ApplicationContent } from '../../domain/applications/types.ts';
import { kronor } from '../../domain/money.ts';
import { audit, SYSTEM_ACTOR } from '../audit.ts';
import type { Tx } from '../connection.ts';
import type { SeedIds } from './calls.ts';
import { DEMO_REASON } from './reason.ts';

function content(over: Partial<ApplicationContent> & Pick<ApplicationContent, 'title' | 'amountRequested'>): ApplicationContent {
  return {
    description: '',
    complement: '',
    focusAreas: [],
    activities: [],
    budget: [{ label: 'Verksamhet', amount: over.amountRequested }],
    ownContribution: 0,
    otherFunding: 0,
    partners: [],
    contacts: [],
    declarations: { religious_or_political: true, for_profit: true, already_completed: true },
    answers: {},
    attachments: [],
    ...over,
  };
}

/** Applications to the Norrköping 2022 call (one with a completion round) and a draft on the open call. */
export async function seedApplications(tx: Tx, ids: SeedIds, calls: { norrkoping2022: string; associationSupport: string }) {
  const sn = ids.funders.sn;
  const files = async (orgKey: string) =>
    tx.selectFrom('files').select(['id', 'name']).where('organisation_id', '=', ids.organisations[orgKey]).orderBy('name').execute();

  const submitted: { org: string; name: string; seq: number; at: string; c: ApplicationContent }[] = [
    {
      org: 'nattvandrarna',
      name: 'Nattvandrarna Norrköping',
      seq: 1,
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
      name: 'Studieförbundet Vuxenskolan Östergötland',
      seq: 2,
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
      name: 'Matteus församling Norrköping',
      seq: 3,
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
  ];

  const ids2: Record<string, string> = {};
  for (const s of submitted) {
    const attachments = (await files(s.org)).map((f) => ({
      kind: f.name.startsWith('stadgar') ? ('statutes' as const) : ('annual_report' as const),
      fileId: f.id,
      name: f.name,
    }));
    const c = { ...s.c, attachments: [...attachments, { ...attachments[0], kind: 'budget' as const, name: 'budget.pdf' }] };
    const caseNumber = formatCaseNumber('SN', 2022, s.seq);
    const row = await tx
      .insertInto('applications')
      .values({
        funder_id: sn,
        call_id: calls.norrkoping2022,
        organisation_id: ids.organisations[s.org],
        organisation_name: s.name,
        status: 'submitted',
        title: c.title,
        amount_requested: c.amountRequested,
        content: JSON.stringify(c),
        case_number: caseNumber,
        submitted_at: new Date(s.at),
        submitted_content: JSON.stringify(c),
        updated_at: new Date(s.at),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids2[s.org] = row.id;
    await audit(tx, SYSTEM_ACTOR, {
      action: 'application.submitted',
      objectType: 'application',
      objectId: row.id,
      funderId: sn,
      organisationId: ids.organisations[s.org],
      reason: DEMO_REASON,
      data: { caseNumber },
    });
  }
  await tx.insertInto('numbered_series').values({ funder_id: sn, kind: 'application', year: 2022, last: submitted.length }).execute();

  // A completion round: the caseworker asked Matteus församling for more, and got an answer.
  const round = await tx
    .insertInto('completion_requests')
    .values({
      funder_id: sn,
      application_id: ids2.matteus,
      message: 'Beskriv hur ni säkerställer att verksamheten inte har en övervägande religiös karaktär, och vem som leder kvällarna.',
      reply_by: '2022-03-18',
      created_by: ids.users['handlaggare@norrkoping.example'],
      created_at: new Date('2022-03-09T09:00:00+01:00'),
      answer: 'Kvällarna leds av två fritidsledare utan religiöst uppdrag; inga andakter eller religiösa inslag ingår. Programmet bifogas.',
      answer_files: JSON.stringify([]),
      answered_at: new Date('2022-03-14T16:20:00+01:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(tx, SYSTEM_ACTOR, {
    action: 'application.completion_requested',
    objectType: 'application',
    objectId: ids2.matteus,
    funderId: sn,
    reason: DEMO_REASON,
    data: { requestId: round.id },
  });
  await audit(tx, SYSTEM_ACTOR, {
    action: 'application.completion_answered',
    objectType: 'application',
    objectId: ids2.matteus,
    funderId: sn,
    reason: DEMO_REASON,
    data: { requestId: round.id },
  });

  // A draft on the call that is open now.
  const draft = content({
    title: 'Nattfotboll och läxhjälp i Navestad',
    amountRequested: kronor(80_000),
    description: 'Nattfotboll fredagar och läxhjälp tisdagar i Navestadsskolans lokaler.',
    contacts: [{ name: 'Fatima Föreningsaktiv', email: 'forening@nattvandrarna.example', phone: '' }],
  });
  const row = await tx
    .insertInto('applications')
    .values({
      funder_id: sn,
      call_id: calls.associationSupport,
      organisation_id: ids.organisations.nattvandrarna,
      organisation_name: 'Nattvandrarna Norrköping',
      title: draft.title,
      amount_requested: draft.amountRequested,
      content: JSON.stringify(draft),
      created_by: ids.users['forening@nattvandrarna.example'],
      updated_by: ids.users['forening@nattvandrarna.example'],
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(tx, SYSTEM_ACTOR, {
    action: 'application.started',
    objectType: 'application',
    objectId: row.id,
    funderId: sn,
    organisationId: ids.organisations.nattvandrarna,
    reason: DEMO_REASON,
  });
  return ids2;
}
