// The Norrköping 2022 grants after the decisions: the payment settings finance entered, an agreement
// for each grant with who does what (the association, the social office, the school, the police),
// signed by both parties, the year's payment runs with two attests each, and in 2023 a recovery of
// what Vuxenskolan did not use. Replayed through the commands, each at the moment it happened.
import { system } from '../db/scope.ts';
import type { AgreementContent, ResponsibilityRow } from '../domain/agreements.ts';
import { kronor } from '../domain/money.ts';
import type { ScheduleSpec } from '../domain/payments/schedule.ts';
import { commentOnAgreement } from '../server/agreements/comment-on-agreement.ts';
import { draftAgreement } from '../server/agreements/draft-agreement.ts';
import { signAgreement } from '../server/agreements/sign-agreement.ts';
import { contentHash } from '../server/agreements/store.ts';
import { updateAgreement } from '../server/agreements/update-agreement.ts';
import { approveRun } from '../server/payments/approve-run.ts';
import { prepareRun } from '../server/payments/prepare-run.ts';
import { setLineAccounting, setPaymentSettings } from '../server/payments/set-payment-settings.ts';
import { confirmRunPaid } from '../server/payments/settle-payments.ts';
import { decideRecovery } from '../server/recoveries/decide-recovery.ts';
import { recordRepayment } from '../server/recoveries/record-repayment.ts';
import { type Demo, replayAt } from './replay.ts';

const CASEWORKER = 'handlaggare@norrkoping.example';
const DELEGATE = 'namnd@norrkoping.example';
const FINANCE = 'ekonomi@norrkoping.example';
const ATTEST = 'attest@norrkoping.example';

const at = (iso: string) => replayAt(new Date(iso));

type Role = ResponsibilityRow['roles'][string];
const task = (text: string, roles: Record<'organisation' | 'social_office' | 'school' | 'police', Role | null>): ResponsibilityRow => ({
  task: text,
  roles: Object.fromEntries(Object.entries(roles).filter(([, r]) => r !== null)) as Record<string, Role>,
});

interface Plan {
  org: 'nattvandrarna' | 'vuxenskolan' | 'laxhjalpen';
  signatory: string;
  schedule: ScheduleSpec;
  responsibilities: ResponsibilityRow[];
  drafted: string;
  comment: { by: 'organisation' | 'funder'; at: string; body: string }[];
  orgSigns: string;
  funderSigns: string;
}

const PLANS: Plan[] = [
  {
    org: 'nattvandrarna',
    signatory: 'forening@nattvandrarna.example',
    // Half on signing, half once the interim report after the first six months is approved.
    schedule: {
      kind: 'instalments',
      parts: [
        { percent: 50, condition: 'on_signing', date: null },
        { percent: 50, condition: 'after_interim_report', date: null },
      ],
    },
    responsibilities: [
      task('Nattvandra fredag–söndag och onsdagar i Navestad och Hageby', {
        organisation: 'responsible',
        social_office: 'informed',
        school: null,
        police: 'informed',
      }),
      task('Utbilda 30 nya nattvandrare, med ett pass om hur polisen och fältgruppen arbetar', {
        organisation: 'responsible',
        social_office: 'takes_part',
        school: null,
        police: 'takes_part',
      }),
      task('Veckorapport till fältgruppen om var unga samlas och vad vandrarna sett', {
        organisation: 'responsible',
        social_office: 'informed',
        school: null,
        police: 'informed',
      }),
      task('Slussa unga som behöver stöd vidare till fältassistenterna', {
        organisation: 'takes_part',
        social_office: 'responsible',
        school: null,
        police: null,
      }),
      task('Lägesbild och samordning i området: trygghetsmöte varannan vecka', {
        organisation: 'takes_part',
        social_office: 'responsible',
        school: 'takes_part',
        police: 'takes_part',
      }),
      task('Informera föräldrar om nattvandringen genom skolorna i Navestad och Hageby', {
        organisation: 'takes_part',
        social_office: 'informed',
        school: 'responsible',
        police: null,
      }),
      task('Delrapport efter sex månader och slutredovisning', { organisation: 'responsible', social_office: 'takes_part', school: null, police: null }),
    ],
    drafted: '2022-04-05T10:00:00+02:00',
    comment: [
      {
        by: 'organisation',
        at: '2022-04-06T20:15:00+02:00',
        body: 'Kan polisen vara med på utbildningen av de nya vandrarna? Det skulle göra dem tryggare ute.',
      },
      {
        by: 'funder',
        at: '2022-04-07T09:30:00+02:00',
        body: 'Ja, kommunpolisen håller ett pass på utbildningen. Jag har lagt till det i ansvarsfördelningen.',
      },
    ],
    orgSigns: '2022-04-11T19:05:00+02:00',
    funderSigns: '2022-04-12T10:00:00+02:00',
  },
  {
    org: 'vuxenskolan',
    signatory: 'vera@vuxenskolan.example',
    schedule: { kind: 'on_signing' },
    responsibilities: [
      task('Genomföra 12 studiecirklar om relationer, gränser och våld i nära relation', {
        organisation: 'responsible',
        social_office: 'informed',
        school: null,
        police: null,
      }),
      task('Utbilda cirkelledarna om hedersrelaterat våld och förtryck', {
        organisation: 'responsible',
        social_office: 'takes_part',
        school: null,
        police: null,
      }),
      task('Nå deltagare genom skolornas kuratorer och elevhälsa i Ringdansen och Klockaretorpet', {
        organisation: 'takes_part',
        social_office: null,
        school: 'responsible',
        police: null,
      }),
      task('Rutin för att hänvisa unga som berättar om våld till socialkontoret', {
        organisation: 'takes_part',
        social_office: 'responsible',
        school: 'takes_part',
        police: null,
      }),
      task('Information i cirklarna om polisanmälan och brottsofferstöd', {
        organisation: 'takes_part',
        social_office: null,
        school: null,
        police: 'responsible',
      }),
      task('Uppföljning och slutredovisning', { organisation: 'responsible', social_office: 'takes_part', school: null, police: null }),
    ],
    drafted: '2022-04-19T10:00:00+02:00',
    comment: [
      {
        by: 'organisation',
        at: '2022-04-20T13:40:00+02:00',
        body: 'Vi startar de första cirklarna i maj. Går det bra att hela bidraget betalas ut vid undertecknandet, så att vi kan anställa cirkelledarna i tid?',
      },
      { by: 'funder', at: '2022-04-21T08:50:00+02:00', body: 'Ja, hela bidraget betalas ut när överenskommelsen är undertecknad.' },
    ],
    orgSigns: '2022-04-25T16:30:00+02:00',
    funderSigns: '2022-04-26T10:00:00+02:00',
  },
  {
    org: 'laxhjalpen',
    signatory: 'lina@laxhjalpen.example',
    // A quarter of the grant at the start of each quarter of the year.
    schedule: { kind: 'quarterly' },
    responsibilities: [
      task('Läxhjälp måndag, tisdag och torsdag kl. 15–18 i Hageby bibliotek', {
        organisation: 'responsible',
        social_office: 'informed',
        school: 'informed',
        police: null,
      }),
      task('Rekrytera, utbilda och schemalägga volontärerna', { organisation: 'responsible', social_office: null, school: null, police: null }),
      task('Berätta om läxhjälpen för elever och föräldrar i Hagebyskolan', {
        organisation: 'takes_part',
        social_office: null,
        school: 'responsible',
        police: null,
      }),
      task('Slussa unga som behöver stöd vidare till fältassistenterna', {
        organisation: 'takes_part',
        social_office: 'responsible',
        school: null,
        police: null,
      }),
      task('Delrapport efter sex månader och slutredovisning', { organisation: 'responsible', social_office: 'takes_part', school: null, police: null }),
    ],
    drafted: '2022-04-06T10:00:00+02:00',
    comment: [
      {
        by: 'organisation',
        at: '2022-04-07T21:10:00+02:00',
        body: 'Vi har få volontärer under sommarlovet. Går det bra att läxhjälpen har uppehåll i juli?',
      },
      { by: 'funder', at: '2022-04-08T08:45:00+02:00', body: 'Ja, uppehåll i juli går bra. Det behöver inte stå i överenskommelsen.' },
    ],
    orgSigns: '2022-04-11T18:20:00+02:00',
    funderSigns: '2022-04-12T10:05:00+02:00',
  },
];

/**
 * Payment settings, agreements and payments for the 2022 call's grants (`applications`: application ids
 * by organisation key); answers the agreements by organisation key. Nattvandrarna's second instalment
 * waits for the interim report; Läxhjälpen's last quarter is due but not paid.
 */
export async function seedAgreements(demo: Demo, applications: Record<string, string>, callId: string) {
  const { ctx, ids } = demo;
  const [caseworker, delegate, finance, attest] = await Promise.all([CASEWORKER, DELEGATE, FINANCE, ATTEST].map((e) => demo.user(e)));

  // Finance's bank and accounting settings, entered before the first agreement was signed.
  await setPaymentSettings(
    ctx,
    finance,
    ids.funders.sn,
    {
      debtorName: 'Norrköpings kommun',
      debtorOrgNumber: '212000-0969',
      debtorAccount: { kind: 'bankgiro', number: '5051-6822' },
      debtorBic: 'HANDSESS',
      initiatingPartyId: 'NKPG-SOCN-01',
      initiatingPartyScheme: 'BANK',
      voucherSeries: 'B',
      creditAccount: '2441',
      defaultAccounting: { account: '4590', responsibility: '3100', activity: '760', project: null },
    },
    at('2022-04-04T09:00:00+02:00'),
  );
  const call = await system(ctx.db, (tx) => tx.selectFrom('calls').select('budget_line_id').where('id', '=', callId).executeTakeFirstOrThrow());
  if (!call.budget_line_id) throw new Error('the 2022 call draws on no budget line');
  await setLineAccounting(
    ctx,
    finance,
    call.budget_line_id,
    { account: '4590', responsibility: '3100', activity: '760', project: 'BRA22' },
    at('2022-04-04T09:10:00+02:00'),
  );

  const agreements: Record<string, string> = {};
  for (const plan of PLANS) {
    const draft = await draftAgreement(ctx, caseworker, applications[plan.org], at(plan.drafted));
    const name = await system(ctx.db, (tx) =>
      tx.selectFrom('organisations').select('name').where('id', '=', ids.organisations[plan.org]).executeTakeFirstOrThrow(),
    );
    const content: AgreementContent = {
      ...draft.content,
      parties: draft.content.parties.map((p) => (p.key === 'organisation' ? { ...p, label: name.name } : p)),
      responsibilities: plan.responsibilities,
    };
    const edited = new Date(new Date(plan.drafted).getTime() + 3 * 3_600_000);
    await updateAgreement(ctx, caseworker, draft.id, { version: draft.version, kind: draft.kind, content, schedule: plan.schedule }, replayAt(edited));
    const signatory = await demo.user(plan.signatory);
    for (const c of plan.comment) await commentOnAgreement(ctx, c.by === 'funder' ? caseworker : signatory, draft.id, c.body, at(c.at));
    const current = await system(ctx.db, (tx) => tx.selectFrom('agreements').selectAll().where('id', '=', draft.id).executeTakeFirstOrThrow());
    const contentSha256 = contentHash(current);
    await signAgreement(ctx, signatory, draft.id, { contentSha256 }, at(plan.orgSigns));
    await signAgreement(ctx, delegate, draft.id, { contentSha256 }, at(plan.funderSigns));
    agreements[plan.org] = draft.id;
  }

  // Runs prepared by finance and approved by a second person, then confirmed paid: Nattvandrarna's
  // first half and Läxhjälpen's first quarter in April (Vuxenskolan's agreement was not yet signed),
  // Vuxenskolan's whole grant in May, and Läxhjälpen's second and third quarters in July and October.
  const runs = [
    { prepared: '2022-04-13T09:00:00+02:00', execution: '2022-04-14', approved: '2022-04-13T14:00:00+02:00', confirmed: '2022-04-19T09:00:00+02:00' },
    { prepared: '2022-04-28T09:00:00+02:00', execution: '2022-05-03', approved: '2022-04-29T11:00:00+02:00', confirmed: '2022-05-04T09:00:00+02:00' },
    { prepared: '2022-06-30T09:00:00+02:00', execution: '2022-07-01', approved: '2022-06-30T13:00:00+02:00', confirmed: '2022-07-04T09:00:00+02:00' },
    { prepared: '2022-09-30T09:00:00+02:00', execution: '2022-10-03', approved: '2022-09-30T13:30:00+02:00', confirmed: '2022-10-04T09:00:00+02:00' },
  ];
  for (const r of runs) {
    const run = await prepareRun(ctx, finance, ids.funders.sn, { executionDate: r.execution }, at(r.prepared));
    await approveRun(ctx, attest, run.id, at(r.approved));
    await confirmRunPaid(ctx, finance, run.id, { paidOn: r.execution }, at(r.confirmed));
  }

  return agreements as Record<Plan['org'], string>;
}

/**
 * The final report showed two of the twelve study circles never started: the unused 15 000 kr is
 * reclaimed, and Vuxenskolan has paid back 10 000 kr of it.
 */
export async function seedRecovery(demo: Demo, agreements: Record<Plan['org'], string>) {
  const { ctx } = demo;
  const [caseworker, finance] = await Promise.all([CASEWORKER, FINANCE].map((e) => demo.user(e)));
  const recovery = await decideRecovery(
    ctx,
    caseworker,
    agreements.vuxenskolan,
    {
      amount: kronor(15_000),
      grounds: 'unused',
      reasons:
        'Av slutredovisningen framgår att två av de tolv planerade studiecirklarna inte kom i gång, eftersom deltagarna inte räckte till. Cirkelledararvodena för dem, 15 000 kr, har inte använts för uppdraget och ska därför betalas tillbaka.',
      decidedOn: '2023-06-14',
      payBy: '2023-07-31',
    },
    at('2023-06-14T10:00:00+02:00'),
  );
  await recordRepayment(ctx, finance, recovery.id, { amount: kronor(10_000), receivedOn: '2023-07-05' }, at('2023-07-06T09:00:00+02:00'));
}
