import { createHash } from 'node:crypto';
import { audit, SYSTEM_ACTOR } from '../db/audit.ts';
import type { Tx } from '../db/connection.ts';
import type { CallRules } from '../domain/calls/types.ts';
import { addMonths, dateInStockholm } from '../domain/deadlines.ts';
import { kronor, sumOre } from '../domain/money.ts';
import { createCall } from '../server/calls/create-call.ts';
import { publishCall } from '../server/calls/publish-call.ts';
import { accountFromEligibility } from '../server/payout-accounts/store.ts';
import { createProgramme, type ProgrammeInput } from '../server/programmes/create-programme.ts';
import { DEMO_REASON } from './reason.ts';
import { type Demo, replayAt } from './replay.ts';

/** The open catalogue every funder starts from (seed 001's examples, and 002/003's measures). */
export const BASE_ACTIVITY_TYPES: [key: string, sv: string, en: string][] = [
  ['night_walks', 'Nattvandring', 'Night walks'],
  ['homework_help', 'Läxläsning', 'Homework help'],
  ['night_football', 'Nattfotboll', 'Night football'],
  ['night_dance', 'Nattdans', 'Night dance'],
  ['shopping_help', 'Hjälpa äldre att handla', 'Helping older people with shopping'],
  ['parenting_support', 'Föräldraskapsstöd', 'Parenting support'],
  ['field_work', 'Fältarbete', 'Field work'],
  ['summer_activities', 'Sommaraktiviteter med vuxennärvaro', 'Summer activities with adult presence'],
  ['bridge_builders', 'Brobyggare (skol- och arbetsmarknadskoordinatorer)', 'Bridge builders (school and labour-market coordinators)'],
  ['centre_hosts', 'Centrumvärdar', 'Centre hosts'],
  ['andt_prevention', 'ANDT-förebyggande arbete', 'Alcohol, drugs, doping and tobacco prevention'],
  ['physical_activity', 'Fysisk aktivitet och idrott', 'Physical activity and sport'],
  ['mentoring', 'Vuxna förebilder och mentorskap', 'Adult role models and mentoring'],
];

const pdf = (title: string) =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n% ${title}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
  );

function rules(partial: Partial<CallRules> & Pick<CallRules, 'title' | 'summary' | 'amount'>): CallRules {
  return {
    description: '',
    budgetLineId: null,
    focusAreas: [],
    eligibleForms: ['ideell_forening', 'studieforbund', 'trossamfund', 'stiftelse'],
    exclusions: ['religious_or_political', 'for_profit', 'already_completed'],
    targetGroups: ['young_people'],
    targetAreas: [],
    opensOn: null,
    deadline: null,
    grantPeriodMonths: 12,
    minAmount: kronor(10_000),
    maxAmount: partial.amount,
    requiredAttachments: ['statutes', 'annual_report', 'budget'],
    requiresEligibilityApproval: false,
    criteria: [
      { id: 'need', label: 'Behov och målgrupp', weight: 40 },
      { id: 'complement', label: 'Kompletterar kommunens eget arbete', weight: 35 },
      { id: 'capacity', label: 'Förmåga att genomföra', weight: 25 },
    ],
    followUp: { reportDueMonths: 2, requireFinancialReport: true, requireParticipantSurvey: true },
    questions: [],
    activityTypes: [],
    ...partial,
  };
}

export interface SeedIds {
  funders: Record<'sn' | 'ks' | 'delmos', string>;
  organisations: Record<string, string>;
  users: Record<string, string>;
}

/** A programme created by the funder's caseworker at `at`; answers its budget lines' ids in order. */
async function programme(demo: Demo, caseworker: string, funderId: string, at: Date, p: Omit<ProgrammeInput, 'amount'> & { lines: ProgrammeInput['lines'] }) {
  const amount = sumOre(p.lines.map((l) => l.amount));
  const { lineIds } = await createProgramme(demo.ctx, await demo.user(caseworker), funderId, { ...p, amount }, replayAt(at));
  return lineIds;
}

/** A call created as a draft a fortnight before it opens, and published the morning it opens. */
async function call(demo: Demo, caseworker: string, funderId: string, r: CallRules) {
  const user = await demo.user(caseworker);
  const publishedAt = new Date(`${r.opensOn}T08:00:00+01:00`);
  const { row } = await createCall(demo.ctx, user, funderId, r, replayAt(new Date(publishedAt.getTime() - 14 * 86_400_000)));
  await publishCall(demo.ctx, user, row.id, replayAt(publishedAt));
  return row.id;
}

const SN_CASEWORKER = 'handlaggare@norrkoping.example';
const KS_CASEWORKER = 'admin@orebro.example';

/** The open catalogue every funder starts from; it has no author, so it is written as it is. */
export async function seedCatalogue(tx: Tx) {
  for (const [key, sv, en] of BASE_ACTIVITY_TYPES) {
    await tx.insertInto('activity_types').values({ key, label_sv: sv, label_en: en }).execute();
  }
}

/** Programmes, budget lines and calls from the seed texts, through the caseworkers' commands. */
export async function seedCalls(demo: Demo, now = new Date()) {
  const ids = demo.ids;

  // Seed 000: Norrköping 2022, 3 000 000 kr to civil society for outreach and support to people exposed to violence.
  const [snLine] = await programme(demo, SN_CASEWORKER, ids.funders.sn, new Date('2022-01-10T09:00:00+01:00'), {
    name: 'Trygghet och brottsförebyggande 2022',
    description:
      'Kommunfullmäktige tilldelade socialnämnden 3 miljoner kronor i budgeten för 2022 för att öka tryggheten och motverka brottslighet tillsammans med civilsamhället.',
    startYear: 2022,
    endYear: 2022,
    fundingSource: 'Socialnämndens budget 2022 (kommunfullmäktige)',
    lines: [{ name: 'Uppdragsbidrag till civilsamhället', amount: kronor(3_000_000) }],
  });
  const norrkoping2022 = await call(
    demo,
    SN_CASEWORKER,
    ids.funders.sn,
    rules({
      title: 'Uppdragsbidrag för ökad trygghet 2022',
      summary:
        'Föreningar och andra aktörer i Norrköping kan söka uppdrag med uppdragsbidrag inom uppsökande verksamhet och stöd till våldsutsatta. Totalt 3 000 000 kr.',
      description:
        'Uppdragen som beviljas bidrag ska komplettera socialkontorets arbete och är tänkta att bland annat utveckla den uppsökande verksamheten eller utveckla stödet till unga utsatta för våld i nära relation, inklusive hedersrelaterat våld.\n\nDe föreningar som får ett uppdrag tilldelas ett uppdragsbidrag för genomförandet. Uppdragsbidragen tilldelas så snart som möjligt under våren 2022 och får användas under 12 månader.\n\nEfter genomfört uppdrag redovisar föreningen vad uppdragsbidraget använts till, vilka åtgärder och aktiviteter som erbjudits kommunens unga invånare och hur de unga har upplevt det föreningen gjort.',
      budgetLineId: snLine,
      amount: kronor(3_000_000),
      focusAreas: ['Uppsökande verksamhet', 'Stöd till unga utsatta för våld i nära relation, inklusive hedersrelaterat våld'],
      targetGroups: ['children', 'young_people'],
      opensOn: '2022-02-01',
      deadline: '2022-03-06',
      grantPeriodMonths: 12,
      minAmount: kronor(25_000),
      maxAmount: kronor(750_000),
      activityTypes: ['night_walks', 'field_work', 'mentoring', 'parenting_support'],
      questions: [
        {
          id: 'focus',
          page: 1,
          type: 'single_choice',
          label: 'Vilket område gäller uppdraget?',
          required: true,
          options: [
            { value: 'outreach', label: 'Uppsökande verksamhet' },
            { value: 'violence', label: 'Stöd till unga utsatta för våld i nära relation' },
          ],
        },
        {
          id: 'honour_competence',
          page: 1,
          type: 'long_text',
          label: 'Hur säkerställer ni kompetens om hedersrelaterat våld och förtryck?',
          required: true,
          maxWords: 300,
          showIf: { questionId: 'focus', equals: 'violence' },
        },
        { id: 'complement', page: 2, type: 'long_text', label: 'Hur kompletterar uppdraget socialkontorets arbete?', required: true, maxWords: 400 },
        { id: 'reach', page: 2, type: 'number', label: 'Hur många unga räknar ni med att nå?', required: true, min: 1, max: 10_000 },
      ],
    }),
  );

  // Seed 001: extra association support against exclusion, open today so a visitor can apply.
  const today = dateInStockholm(now);
  const opensOn = addMonths(today, -1);
  const [supportLine, networkLine] = await programme(demo, SN_CASEWORKER, ids.funders.sn, new Date(`${addMonths(opensOn, -1)}T09:00:00+01:00`), {
    name: 'Fördjupad samverkan med civilsamhället',
    description:
      'Extra föreningsstöd för insatser som förebygger utanförskap, enligt en gemensam handlingsplan mellan skola, socialtjänst och civilsamhälle. En skattekrona i en förening kan ge mer utväxling än egna anställningar.',
    startYear: now.getFullYear(),
    endYear: now.getFullYear() + 1,
    fundingSource: 'Socialnämndens budget',
    lines: [
      { name: 'Extra föreningsstöd mot utanförskap', amount: kronor(1_500_000) },
      { name: 'Kontaktnät och handlingsplan', amount: kronor(500_000) },
    ],
  });
  void networkLine;
  const associationSupport = await call(
    demo,
    SN_CASEWORKER,
    ids.funders.sn,
    rules({
      title: 'Extra föreningsstöd mot utanförskap',
      summary: 'Stöd till föreningar som nattvandrar, hjälper äldre att handla, ordnar läxläsning eller kostnadsfria aktiviteter som nattfotboll och nattdans.',
      description:
        'Föreningar i Norrköping kan söka extra föreningsstöd för insatser som förebygger utanförskap bland barn och unga i utsatta områden och för äldre som behöver stöd i vardagen. Katalogen över aktiviteter är öppen: föreslå gärna en ny sorts aktivitet i ansökan.\n\nFöreningen ska vara godkänd som bidragsberättigad av socialnämnden.',
      budgetLineId: supportLine,
      amount: kronor(1_500_000),
      focusAreas: ['Förebygga utanförskap bland barn och unga', 'Trygghet för äldre'],
      targetGroups: ['children', 'young_people', 'older_people'],
      targetAreas: ['Navestad', 'Hageby', 'Ringdansen', 'Klockaretorpet'],
      opensOn,
      deadline: addMonths(today, 1),
      grantPeriodMonths: 12,
      minAmount: kronor(5_000),
      maxAmount: kronor(150_000),
      requiresEligibilityApproval: true,
      activityTypes: ['night_walks', 'shopping_help', 'homework_help', 'night_football', 'night_dance'],
    }),
  );

  // Seed 002: Örebro's 7 M for social cohesion, split over four lines; association support is a call.
  const orebroLines = await programme(demo, KS_CASEWORKER, ids.funders.ks, new Date('2017-01-16T09:00:00+01:00'), {
    name: 'Social sammanhållning i partnerskapsområdena',
    description:
      'Sju miljoner kronor för att stärka den sociala sammanhållningen och vuxennärvaron i Brickebacken, Varberga, Oxhagen, Baronbacken och Vivalla, tillsammans med Partnerskap Örebro, BRÅ, ÖrebroBostäder, polisen och Örebro universitet.',
    startYear: 2017,
    endYear: 2017,
    fundingSource: 'Kommunstyrelsen, Örebro kommun',
    lines: [
      { name: 'Fältarbete (fältgrupp, barn upp till 18 år)', amount: kronor(2_000_000) },
      { name: 'Brobyggare', amount: kronor(2_500_000) },
      { name: 'Sommaraktiviteter med vuxennärvaro', amount: kronor(2_000_000) },
      { name: 'Föreningsstöd', amount: kronor(500_000) },
    ],
  });
  await call(
    demo,
    KS_CASEWORKER,
    ids.funders.ks,
    rules({
      title: 'Föreningsstöd för social sammanhållning 2017',
      summary: 'Stöd till föreningar som ökar vuxennärvaron och erbjuder aktiviteter i partnerskapsområdena.',
      description: 'Föreningar som verkar i Brickebacken, Varberga, Oxhagen, Baronbacken eller Vivalla kan söka stöd för aktiviteter med vuxennärvaro.',
      budgetLineId: orebroLines[3],
      amount: kronor(500_000),
      focusAreas: ['Vuxennärvaro', 'Aktiviteter för barn och unga'],
      targetGroups: ['children', 'young_people', 'young_adults'],
      targetAreas: ['Brickebacken', 'Varberga', 'Oxhagen', 'Baronbacken', 'Vivalla'],
      opensOn: '2017-03-01',
      deadline: '2017-04-15',
      grantPeriodMonths: 9,
      minAmount: kronor(5_000),
      maxAmount: kronor(100_000),
      activityTypes: ['summer_activities', 'homework_help', 'physical_activity'],
    }),
  );

  return { norrkoping2022, associationSupport };
}

/**
 * Eligibility approvals by Norrköping's social committee, one renewal waiting, with the documents
 * they were approved on. Written as they are: the approvals are this year's, dated as if made in
 * January and February, before the applications that use their documents.
 */
export async function seedEligibility(tx: Tx, ids: SeedIds, now = new Date()) {
  const year = now.getFullYear();
  // Each association's demo login signs for it (firmatecknare), as its board lists.
  const SIGNATORIES: Record<string, { name: string; email: string }> = {
    nattvandrarna: { name: 'Fatima Föreningsaktiv', email: 'forening@nattvandrarna.example' },
    vuxenskolan: { name: 'Vera Verksamhetsutvecklare', email: 'vera@vuxenskolan.example' },
    laxhjalpen: { name: 'Lina Läxhjälpare', email: 'lina@laxhjalpen.example' },
    matteus: { name: 'Maja Diakon', email: 'diakon@matteus.example' },
  };
  const approve = async (orgKey: string, y: number, status: 'approved' | 'submitted', payout: string) => {
    const organisationId = ids.organisations[orgKey];
    const files: string[] = [];
    for (const name of ['stadgar.pdf', 'arsberattelse.pdf', 'bokslut.pdf']) {
      const data = pdf(`${orgKey} ${name}`);
      const f = await tx
        .insertInto('files')
        .values({
          organisation_id: organisationId,
          name,
          content_type: 'application/pdf',
          size: data.length,
          sha256: createHash('sha256').update(data).digest('hex'),
          data,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      files.push(f.id);
      await tx.insertInto('file_grants').values({ file_id: f.id, funder_id: ids.funders.sn }).execute();
    }
    const row = await tx
      .insertInto('eligibility_approvals')
      .values({
        funder_id: ids.funders.sn,
        organisation_id: organisationId,
        status,
        year: y,
        statutes_file: files[0],
        annual_report_file: files[1],
        accounts_file: files[2],
        board: JSON.stringify([
          { name: SIGNATORIES[orgKey].name, role: 'ordförande', email: SIGNATORIES[orgKey].email, signatory: true },
          { name: 'Kassör i föreningen', role: 'kassör' },
          { name: 'Sekreterare i föreningen', role: 'sekreterare' },
        ]),
        member_count: 40,
        payout_kind: 'bankgiro',
        payout_number: payout,
        submitted_at: new Date(`${y}-01-20T10:00:00+01:00`),
        decided_at: status === 'approved' ? new Date(`${y}-02-03T10:00:00+01:00`) : null,
        valid_until: status === 'approved' ? `${y}-12-31` : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (status === 'approved') {
      const org = await tx.selectFrom('organisations').select('org_number').where('id', '=', organisationId).executeTakeFirstOrThrow();
      await accountFromEligibility(tx, {
        funderId: ids.funders.sn,
        organisationId,
        kind: 'bankgiro',
        number: payout,
        holderOrgNumber: org.org_number,
        requestedBy: null,
        decidedBy: null,
        at: new Date(`${y}-02-03T10:00:00+01:00`),
      });
    }
    await audit(tx, SYSTEM_ACTOR, {
      action: `eligibility.${status}`,
      objectType: 'eligibility',
      objectId: row.id,
      funderId: ids.funders.sn,
      organisationId,
      reason: DEMO_REASON,
      data: { year: y },
    });
  };
  await approve('nattvandrarna', year, 'approved', '5050-1055');
  await approve('vuxenskolan', year, 'approved', '991-2346');
  await approve('laxhjalpen', year, 'approved', '5402-8816');
  await approve('matteus', year - 1, 'approved', '5050-1055');
  await approve('matteus', year, 'submitted', '5050-1055');
}
