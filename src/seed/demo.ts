// The demo: who is who is written as it is (organisations, funders, accounts and their roles, the
// activity catalogue and this year's eligibility approvals); everything the funders and applicants
// did is replayed through the commands, each at the moment it happened.

import { hash } from '@node-rs/argon2';
import { type Config, loadConfig } from '../config.ts';
import { audit, SYSTEM_ACTOR } from '../db/audit.ts';
import type { Database, Tx } from '../db/connection.ts';
import { system } from '../db/scope.ts';
import { kronor } from '../domain/money.ts';
import type { FunderRole } from '../domain/roles.ts';
import { seedAgreements, seedRecovery } from './agreements.ts';
import { seedApplications } from './applications.ts';
import { seedAssessment } from './assessment.ts';
import { type SeedIds, seedCalls, seedCatalogue, seedEligibility } from './calls.ts';
import { seedFollowUp } from './follow-up.ts';
import { seedOpenCall } from './open-call.ts';
import { DEMO_REASON } from './reason.ts';
import { demoOf } from './replay.ts';

/** The password of every demo account; printed at start and in the README. */
export const DEMO_PASSWORD = 'samverka-demo';

export interface DemoLogin {
  email: string;
  name: string;
  what: string;
}

// From the seed texts: Norrköping's social committee (000, 001, 004), Örebro (002, 003), Delmos (004).
const ORGANISATIONS = [
  { key: 'norrkoping', orgNumber: '212000-0449', name: 'Norrköpings kommun', legalForm: 'kommun', municipality: 'Norrköping' },
  { key: 'orebro', orgNumber: '212000-1967', name: 'Örebro kommun', legalForm: 'kommun', municipality: 'Örebro' },
  { key: 'delmos', orgNumber: '202100-6933', name: 'Delegationen mot segregation (Delmos)', legalForm: 'myndighet', municipality: null },
  { key: 'nattvandrarna', orgNumber: '802000-1239', name: 'Nattvandrarna Norrköping', legalForm: 'ideell_forening', municipality: 'Norrköping' },
  { key: 'vuxenskolan', orgNumber: '817600-4219', name: 'Studieförbundet Vuxenskolan Östergötland', legalForm: 'studieforbund', municipality: 'Norrköping' },
  { key: 'laxhjalpen', orgNumber: '802471-9034', name: 'Läxhjälpen i Hageby', legalForm: 'ideell_forening', municipality: 'Norrköping' },
  { key: 'matteus', orgNumber: '252003-1002', name: 'Matteus församling Norrköping', legalForm: 'trossamfund', municipality: 'Norrköping' },
  { key: 'vivalla', orgNumber: '802400-9873', name: 'Vivalla Fritidsförening', legalForm: 'ideell_forening', municipality: 'Örebro' },
  { key: 'abf', orgNumber: '817605-4438', name: 'ABF Örebro län', legalForm: 'studieforbund', municipality: 'Örebro' },
  { key: 'brickebacken', orgNumber: '802426-7414', name: 'Brickebackens Läxhjälp', legalForm: 'ideell_forening', municipality: 'Örebro' },
] as const;

const FUNDERS = [
  {
    key: 'sn',
    organisation: 'norrkoping',
    name: 'Socialnämnden, Norrköpings kommun',
    kind: 'municipal',
    casePrefix: 'SN',
    decisionBody: 'Socialnämnden',
    delegationLimit: kronor(100_000),
  },
  {
    key: 'ks',
    organisation: 'orebro',
    name: 'Kommunstyrelsen, Örebro kommun',
    kind: 'municipal',
    casePrefix: 'KS',
    decisionBody: 'Kommunstyrelsen',
    delegationLimit: kronor(50_000),
  },
  {
    key: 'delmos',
    organisation: 'delmos',
    name: 'Delegationen mot segregation',
    kind: 'state',
    casePrefix: 'Dnr',
    decisionBody: 'Delegationen mot segregation',
    delegationLimit: kronor(500_000),
  },
] as const;

type FunderKey = (typeof FUNDERS)[number]['key'];
type OrgKey = (typeof ORGANISATIONS)[number]['key'];

const USERS: { email: string; name: string; funder?: FunderKey; roles?: FunderRole[]; organisation?: OrgKey; what: string }[] = [
  { email: 'admin@norrkoping.example', name: 'Åsa Administratör', funder: 'sn', roles: ['administrator'], what: 'administratör, Socialnämnden Norrköping' },
  { email: 'handlaggare@norrkoping.example', name: 'Hanna Handläggare', funder: 'sn', roles: ['caseworker'], what: 'handläggare, Socialnämnden Norrköping' },
  { email: 'bedomare@norrkoping.example', name: 'Bo Bedömare', funder: 'sn', roles: ['reviewer'], what: 'bedömare, Socialnämnden Norrköping' },
  {
    email: 'namnd@norrkoping.example',
    name: 'Nils Nämndordförande',
    funder: 'sn',
    roles: ['decision_maker'],
    what: 'beslutsfattare (nämnd), Socialnämnden Norrköping',
  },
  { email: 'ekonomi@norrkoping.example', name: 'Erik Ekonom', funder: 'sn', roles: ['finance'], what: 'ekonomi, Socialnämnden Norrköping' },
  { email: 'attest@norrkoping.example', name: 'Frida Attestant', funder: 'sn', roles: ['finance'], what: 'ekonomi (beslutsattest), Socialnämnden Norrköping' },
  { email: 'strateg@norrkoping.example', name: 'Sara Strateg', funder: 'sn', roles: ['analyst'], what: 'analytiker/strateg, Socialnämnden Norrköping' },
  {
    email: 'admin@orebro.example',
    name: 'Omar Örebro',
    funder: 'ks',
    roles: ['administrator', 'caseworker'],
    what: 'administratör och handläggare, Örebro kommun',
  },
  {
    email: 'admin@delmos.example',
    name: 'Dana Delmos',
    funder: 'delmos',
    roles: ['administrator', 'caseworker'],
    what: 'administratör och handläggare, Delmos',
  },
  { email: 'forening@nattvandrarna.example', name: 'Fatima Föreningsaktiv', organisation: 'nattvandrarna', what: 'sökande, Nattvandrarna Norrköping' },
  { email: 'ledare@vivalla.example', name: 'Leo Ledare', organisation: 'vivalla', what: 'sökande, Vivalla Fritidsförening' },
  // The contacts who applied to the 2022 call for their organisations.
  {
    email: 'vera@vuxenskolan.example',
    name: 'Vera Verksamhetsutvecklare',
    organisation: 'vuxenskolan',
    what: 'sökande, Studieförbundet Vuxenskolan Östergötland',
  },
  { email: 'diakon@matteus.example', name: 'Maja Diakon', organisation: 'matteus', what: 'sökande, Matteus församling Norrköping' },
  // Applied this year to the open call.
  { email: 'lina@laxhjalpen.example', name: 'Lina Läxhjälpare', organisation: 'laxhjalpen', what: 'sökande, Läxhjälpen i Hageby' },
];

export const DEMO_LOGINS: DemoLogin[] = USERS.map(({ email, name, what }) => ({ email, name, what }));

/**
 * Loads the demo into an empty database; does nothing when there is already data. The replayed
 * commands mail nobody, so the configuration (the server's, by default the environment's) only fills
 * in links of mails never sent.
 */
export async function seedIfEmpty(db: Database, config: Config = loadConfig({ ...process.env, SESSION_SECRET: 'unused-by-the-seed' })): Promise<boolean> {
  const any = await system(db, (tx) => tx.selectFrom('organisations').select('id').limit(1).executeTakeFirst());
  if (any) return false;
  const passwordHash = await hash(DEMO_PASSWORD);
  const now = new Date();
  const ids = await system(db, async (tx) => {
    const ids = await seedPeople(tx, passwordHash);
    await seedCatalogue(tx);
    await seedEligibility(tx, ids, now);
    return ids;
  });
  const demo = demoOf({ db, config }, ids);
  const calls = await seedCalls(demo, now);
  const submitted = await seedApplications(demo, calls);
  await seedAssessment(demo, submitted);
  const agreements = await seedAgreements(demo, submitted, calls.norrkoping2022);
  await seedFollowUp(demo, agreements);
  await seedRecovery(demo, agreements);
  await seedOpenCall(demo, calls.associationSupport, now);
  return true;
}

/** Organisations, funders, the demo accounts and their memberships. */
async function seedPeople(tx: Tx, passwordHash: string): Promise<SeedIds> {
  const orgIds = {} as Record<OrgKey, string>;
  for (const o of ORGANISATIONS) {
    const row = await tx
      .insertInto('organisations')
      .values({ org_number: o.orgNumber, name: o.name, legal_form: o.legalForm, municipality: o.municipality })
      .returning('id')
      .executeTakeFirstOrThrow();
    orgIds[o.key] = row.id;
    await audit(tx, SYSTEM_ACTOR, {
      action: 'organisation.registered',
      objectType: 'organisation',
      objectId: row.id,
      organisationId: row.id,
      reason: DEMO_REASON,
      data: { orgNumber: o.orgNumber, name: o.name, legalForm: o.legalForm },
    });
  }
  const funderIds = {} as Record<FunderKey, string>;
  for (const f of FUNDERS) {
    const row = await tx
      .insertInto('funders')
      .values({
        organisation_id: orgIds[f.organisation],
        name: f.name,
        kind: f.kind,
        case_prefix: f.casePrefix,
        decision_body: f.decisionBody,
        delegation_limit: f.delegationLimit,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    funderIds[f.key] = row.id;
    await audit(tx, SYSTEM_ACTOR, {
      action: 'funder.created',
      objectType: 'funder',
      objectId: row.id,
      funderId: row.id,
      reason: DEMO_REASON,
      data: { name: f.name },
    });
  }
  const userIds: Record<string, string> = {};
  for (const u of USERS) {
    const user = await tx
      .insertInto('users')
      .values({ email: u.email, name: u.name, password_hash: passwordHash, locale: 'sv' })
      .returning('id')
      .executeTakeFirstOrThrow();
    userIds[u.email] = user.id;
    await audit(tx, SYSTEM_ACTOR, { action: 'user.registered', objectType: 'user', objectId: user.id, reason: DEMO_REASON, data: { email: u.email } });
    if (u.funder && u.roles) {
      const funderId = funderIds[u.funder];
      await tx
        .insertInto('funder_memberships')
        .values(u.roles.map((role) => ({ funder_id: funderId, user_id: user.id, role })))
        .execute();
      await audit(tx, SYSTEM_ACTOR, {
        action: 'funder.roles_changed',
        objectType: 'user',
        objectId: user.id,
        funderId,
        reason: DEMO_REASON,
        data: { before: [], after: u.roles },
      });
    }
    if (u.organisation) {
      const organisationId = orgIds[u.organisation];
      await tx.insertInto('organisation_memberships').values({ organisation_id: organisationId, user_id: user.id }).execute();
      await audit(tx, SYSTEM_ACTOR, {
        action: 'organisation.member_added',
        objectType: 'organisation',
        objectId: organisationId,
        organisationId,
        reason: DEMO_REASON,
        data: { email: u.email },
      });
    }
  }
  return { funders: funderIds, organisations: orgIds, users: userIds };
}
