// The Norrköping 2022 agreements followed up, through the same commands people use:
// - Studieförbundet Vuxenskolan reported at half-time and at the end, both approved, and its participants
//   answered the survey in numbers enough for the results to show;
// - Nattvandrarna's interim report waits for the caseworker, so its second half is not yet due, and only
//   three participants answered its survey, too few for results to be shown;
// - Läxhjälpen i Hageby never sent its interim report: it was reminded before the due date and told when
//   it was overdue, and its last quarter's payment is held until the report comes.
import { system } from '../db/scope.ts';
import type { ReportContent } from '../domain/follow-up/reports.ts';
import { kronor } from '../domain/money.ts';
import { sendDigests } from '../jobs/digest.ts';
import { sendReportReminders } from '../jobs/reminders.ts';
import { approveReport } from '../server/follow-up/approve-report.ts';
import { saveReport } from '../server/follow-up/save-report.ts';
import { submitReport } from '../server/follow-up/submit-report.ts';
import { answerSurvey } from '../server/surveys/answer.ts';
import { actOnFreeText } from '../server/surveys/free-texts.ts';
import { setSurveyOpen } from '../server/surveys/manage.ts';
import { type Demo, replayAt } from './replay.ts';

const CASEWORKER = 'handlaggare@norrkoping.example';
const at = (iso: string) => replayAt(new Date(iso));

type Org = 'nattvandrarna' | 'vuxenskolan' | 'laxhjalpen';

async function reportOf(demo: Demo, agreementId: string, kind: 'interim' | 'final') {
  return system(demo.ctx.db, (tx) =>
    tx.selectFrom('follow_up_reports').selectAll().where('agreement_id', '=', agreementId).where('kind', '=', kind).executeTakeFirstOrThrow(),
  );
}

/** Writes the report as the member typed it (one save), then submits it. */
async function report(demo: Demo, member: string, agreementId: string, kind: 'interim' | 'final', content: ReportContent, saved: string, submitted: string) {
  const user = await demo.user(member);
  const row = await reportOf(demo, agreementId, kind);
  const after = await saveReport(demo.ctx, user, row.id, { content, version: row.version }, at(saved));
  await submitReport(demo.ctx, user, row.id, { version: after.version }, at(submitted));
  return row.id;
}

type Rating = 1 | 2 | 3 | 4 | 5;
interface Voice {
  day: string;
  age: '13_15' | '16_18' | '19_25' | null;
  r: [Rating, Rating, Rating, Rating, Rating];
  text?: string;
}

async function answers(demo: Demo, agreementId: string, voices: Voice[]) {
  const survey = await system(demo.ctx.db, (tx) =>
    tx.selectFrom('surveys').select(['id', 'funder_id']).where('agreement_id', '=', agreementId).executeTakeFirstOrThrow(),
  );
  for (const v of voices) {
    const [safe, welcome, come_back, learned, listened] = v.r;
    await answerSurvey(
      demo.ctx,
      { id: survey.id, funderId: survey.funder_id },
      { ageBand: v.age, ratings: { safe, welcome, come_back, learned, listened }, extra: {}, freeText: v.text ?? null },
      undefined,
      // Answered in the evening, as the day is all that is kept.
      at(`${v.day}T20:00:00+01:00`),
    );
  }
  return survey.id;
}

const VUXENSKOLAN_SPENDING = {
  interim: [
    {
      label: 'Cirkelledararvoden',
      planned: kronor(420_000),
      spent: kronor(190_000),
      fromGrant: kronor(190_000),
      explanation: 'Halvår: sex av tolv cirklar har gått.',
    },
    { label: 'Utbildning om hedersrelaterat våld', planned: kronor(80_000), spent: kronor(80_000), fromGrant: kronor(80_000), explanation: '' },
  ],
  final: [
    {
      label: 'Cirkelledararvoden',
      planned: kronor(420_000),
      spent: kronor(405_000),
      fromGrant: kronor(405_000),
      explanation: 'Två av de tolv cirklarna kom inte i gång; deras arvoden, 15 000 kr, användes inte.',
    },
    { label: 'Utbildning om hedersrelaterat våld', planned: kronor(80_000), spent: kronor(80_000), fromGrant: kronor(80_000), explanation: '' },
  ],
};

const vuxenskolanReport = (kind: 'interim' | 'final'): ReportContent => ({
  spending: VUXENSKOLAN_SPENDING[kind],
  activities: [
    {
      typeKey: 'mentoring',
      proposedType: null,
      area: 'Ringdansen',
      from: '2022-05-02',
      to: kind === 'interim' ? '2022-09-30' : '2023-03-31',
      frequency: 'En kväll i veckan per cirkel',
      occasions: kind === 'interim' ? 96 : 180,
    },
    {
      typeKey: 'mentoring',
      proposedType: null,
      area: 'Klockaretorpet',
      from: '2022-08-22',
      to: kind === 'interim' ? '2022-09-30' : '2023-03-31',
      frequency: 'En kväll i veckan per cirkel',
      occasions: kind === 'interim' ? 24 : 120,
    },
  ],
  participants:
    kind === 'interim'
      ? { '13_15': { girls: 11, boys: 6 }, '16_18': { girls: 17, boys: 5, other: 1 } }
      : { '13_15': { girls: 22, boys: 14 }, '16_18': { girls: 31, boys: 12, other: 2 }, '19_25': { girls: 5, boys: 1 } },
  worked: 'Cirklar med fasta ledare och samma grupp hela terminen. Deltagarna kom tillbaka och tog med sig vänner. Kuratorernas tips var det som nådde flest.',
  didNotWork: kind === 'interim' ? 'Det har varit svårt att nå killar.' : 'Två cirklar i Klockaretorpet fick för få deltagare och startade aldrig.',
  wouldChange: 'Starta cirklarna tillsammans med skolans elevhälsa från början, och erbjuda en kille-cirkel med manlig ledare.',
  surveyComment: kind === 'final' ? 'Vi känner igen oss i att de unga kände sig trygga. Att färre lärde sig något nytt tar vi med till nästa år.' : '',
  attachments: [],
});

const nattvandrarnaInterim: ReportContent = {
  spending: [
    {
      label: 'Utbildning av vandrare',
      planned: kronor(90_000),
      spent: kronor(62_000),
      fromGrant: kronor(62_000),
      explanation: 'Halvår: två av tre utbildningar är hållna.',
    },
    { label: 'Västar, lampor och telefoner', planned: kronor(60_000), spent: kronor(58_500), fromGrant: kronor(58_500), explanation: '' },
    {
      label: 'Samordnare 25 %',
      planned: kronor(250_000),
      spent: kronor(125_000),
      fromGrant: kronor(4_500),
      explanation: 'Halvår. Samordnaren betalas till största delen av föreningens egna medel, eftersom bidraget blev lägre än sökt.',
    },
  ],
  activities: [
    {
      typeKey: 'night_walks',
      proposedType: null,
      area: 'Navestad',
      from: '2022-04-15',
      to: '2022-09-30',
      frequency: 'Fredag–söndag och onsdagar',
      occasions: 88,
    },
    { typeKey: 'night_walks', proposedType: null, area: 'Hageby', from: '2022-04-15', to: '2022-09-30', frequency: 'Fredagar och lördagar', occasions: 48 },
  ],
  participants: { '13_15': { girls: 60, boys: 85, not_stated: 20 }, '16_18': { girls: 45, boys: 70, not_stated: 15 } },
  worked: 'Fler vuxna ute gav lugnare helgkvällar vid Navestads centrum. Polisens pass på utbildningen gjorde vandrarna tryggare.',
  didNotWork: 'Onsdagarna i Hageby fick vi inte ihop tillräckligt många vandrare till.',
  wouldChange: 'Rekrytera vandrare bland föräldrar genom skolornas föräldramöten i augusti.',
  surveyComment: '',
  attachments: [],
};

const VUXENSKOLAN_VOICES: Voice[] = [
  { day: '2022-11-10', age: '16_18', r: [5, 5, 5, 4, 5], text: 'Jag vågade prata om saker jag aldrig sagt högt förut.' },
  { day: '2022-11-10', age: '16_18', r: [5, 4, 4, 4, 5] },
  { day: '2022-11-17', age: '13_15', r: [4, 5, 5, 3, 4], text: 'Bra att ledaren lyssnade. Fikat var också bra 😊' },
  { day: '2022-12-01', age: '16_18', r: [5, 5, 4, 3, 5] },
  { day: '2023-02-09', age: '13_15', r: [4, 4, 5, 4, 4], text: 'Min kompis Amira tyckte också att det var jättebra, hon kommer nästa gång.' },
  { day: '2023-02-16', age: '16_18', r: [5, 5, 5, 5, 5] },
  { day: '2023-03-02', age: '19_25', r: [4, 4, 3, 4, 4] },
  { day: '2023-03-09', age: '16_18', r: [5, 4, 5, 3, 5] },
  { day: '2023-03-16', age: null, r: [3, 4, 4, 2, 4], text: 'Ibland för mycket prat, jag ville göra mer.' },
];

const NATTVANDRARNA_VOICES: Voice[] = [
  { day: '2022-09-16', age: '13_15', r: [5, 4, 4, 3, 4] },
  { day: '2022-09-17', age: '16_18', r: [4, 4, 3, 2, 3], text: 'Skönt att det finns vuxna ute på lördagar.' },
  { day: '2022-09-24', age: '13_15', r: [5, 5, 4, 3, 5] },
];

/** Reports, survey answers and reminders of the 2022 agreements, each at the moment it happened. */
export async function seedFollowUp(demo: Demo, agreements: Record<Org, string>) {
  const { ctx } = demo;
  const caseworker = await demo.user(CASEWORKER);

  // The participants answer during the autumn; Nattvandrarna's survey gets three answers only.
  await answers(demo, agreements.nattvandrarna, NATTVANDRARNA_VOICES);

  // Half-time. Two weeks before the interim reports are due every association is reminded.
  const jobs = { db: ctx.db, publicUrl: ctx.config.publicUrl, enqueue: async () => {} };
  const remind = (iso: string) => sendReportReminders(jobs, new Date(iso));
  // The caseworker who chose a daily digest got one the next morning: nothing of 2022 waits for today's.
  const digest = (iso: string) => sendDigests(jobs, new Date(iso));
  await remind('2022-10-17T07:00:00+02:00');
  await report(
    demo,
    'vera@vuxenskolan.example',
    agreements.vuxenskolan,
    'interim',
    vuxenskolanReport('interim'),
    '2022-10-20T19:30:00+02:00',
    '2022-10-24T09:15:00+02:00',
  );
  await report(
    demo,
    'forening@nattvandrarna.example',
    agreements.nattvandrarna,
    'interim',
    nattvandrarnaInterim,
    '2022-10-26T21:40:00+02:00',
    '2022-10-27T08:05:00+02:00',
  );
  // Läxhjälpen's report did not come: the day after the due date it is overdue, and everyone is told.
  await remind('2022-11-01T07:00:00+01:00');
  await digest('2022-11-02T07:00:00+01:00');
  await approveReport(ctx, caseworker, (await reportOf(demo, agreements.vuxenskolan, 'interim')).id, at('2022-11-03T10:00:00+01:00'));

  const surveyId = await answers(demo, agreements.vuxenskolan, VUXENSKOLAN_VOICES);
  // The caseworker reads the free texts before anyone else sees them, and takes out a name.
  const texts = await system(ctx.db, (tx) =>
    tx.selectFrom('survey_answers').select(['id', 'free_text']).where('survey_id', '=', surveyId).where('free_text', 'is not', null).orderBy('id').execute(),
  );
  for (const v of texts) {
    const named = v.free_text?.includes('Amira');
    await actOnFreeText(
      ctx,
      caseworker,
      v.id,
      named ? { action: 'mask', masked: 'Min kompis [namn borttaget] tyckte också att det var jättebra, hon kommer nästa gång.' } : { action: 'read' },
      at('2023-03-20T09:00:00+01:00'),
    );
  }

  // When the period ends the associations close their surveys: only then are results shown, so that no
  // one's answer can be worked out by comparing the results of one day with the next.
  for (const [org, member] of [
    ['vuxenskolan', 'vera@vuxenskolan.example'],
    ['nattvandrarna', 'forening@nattvandrarna.example'],
  ] as const) {
    const survey = await system(ctx.db, (tx) => tx.selectFrom('surveys').select('id').where('agreement_id', '=', agreements[org]).executeTakeFirstOrThrow());
    await setSurveyOpen(ctx, await demo.user(member), survey.id, false, at('2023-03-31T18:00:00+02:00'));
  }

  await report(
    demo,
    'vera@vuxenskolan.example',
    agreements.vuxenskolan,
    'final',
    vuxenskolanReport('final'),
    '2023-05-19T15:00:00+02:00',
    '2023-05-22T10:30:00+02:00',
  );
  await digest('2023-05-23T07:00:00+02:00');
  await approveReport(ctx, caseworker, (await reportOf(demo, agreements.vuxenskolan, 'final')).id, at('2023-06-14T09:30:00+02:00'));
}
