import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, SYSTEM_ACTOR } from '../../src/db/audit.ts';
import { system } from '../../src/db/scope.ts';
import { AUDITED_OBJECT_TYPES, type AuditedObjectType } from '../../src/server/audit/access.ts';
import { Client, createTestApp, type Reply, type TestApp } from '../support/app.ts';

// Reading an object's history: the object is found first and its owner checked, for every kind of
// object the route reads, so that another tenant's object answers exactly as one that does not exist.

let t: TestApp;
const clients = new Map<string, Client>();

/** A signed-in demo user (password samverka-demo), one client per person. */
async function as(email: string) {
  let c = clients.get(email);
  if (!c) {
    c = new Client(t.app);
    await c.login(email);
    clients.set(email, c);
  }
  return c;
}

interface Reader {
  email: string;
  funderId?: string;
}

interface Case {
  id: string;
  /** Who may read the history, and an action they find in it. */
  readers: (Reader & { finds: string })[];
  /** Who may see the object but not its history. */
  forbidden: Reader[];
  /** Other tenants' users, and this tenant's users the object is none of their business. */
  strangers: Reader[];
}

let ids: { sn: string; ks: string };
const cases = {} as Record<AuditedObjectType, Case>;

const trail = async (type: string, id: string, r: Reader) =>
  (await as(r.email)).get(`/api/audit?objectType=${type}&objectId=${id}${r.funderId ? `&funderId=${r.funderId}` : ''}`);

/** What a 404 says, without the request id that differs every time. */
const answer = ({ status, body }: Reply) => {
  const { requestId: _r, ...rest } = body;
  return { status, body: rest };
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db.kysely;
  const funders = await db.selectFrom('funders').select(['id', 'case_prefix']).execute();
  const sn = funders.find((f) => f.case_prefix === 'SN')?.id as string;
  const ks = funders.find((f) => f.case_prefix === 'KS')?.id as string;
  ids = { sn, ks };
  const org = async (name: string) => (await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const nattvandrarna = await org('Nattvandrarna Norrköping');
  const call = await db.selectFrom('calls').select('id').where('funder_id', '=', sn).where('status', '=', 'published').executeTakeFirstOrThrow();
  const programme = await db.selectFrom('programmes').select('id').where('funder_id', '=', sn).executeTakeFirstOrThrow();
  const application = await db.selectFrom('applications').select('id').where('case_number', '=', 'SN 2022/00001').executeTakeFirstOrThrow();
  const eligibility = await db
    .selectFrom('eligibility_approvals')
    .select('id')
    .where('organisation_id', '=', nattvandrarna)
    .where('funder_id', '=', sn)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  const strateg = await db.selectFrom('users').select('id').where('email', '=', 'strateg@norrkoping.example').executeTakeFirstOrThrow();

  // The demo's documents were loaded without upload entries; one is recorded as an upload would be.
  const file = await db
    .selectFrom('files')
    .innerJoin('file_grants', 'file_grants.file_id', 'files.id')
    .select('files.id')
    .where('files.organisation_id', '=', nattvandrarna)
    .where('file_grants.funder_id', '=', sn)
    .executeTakeFirstOrThrow();
  await system(t.db, (tx) =>
    audit(tx, SYSTEM_ACTOR, { action: 'file.uploaded', objectType: 'file', objectId: file.id, organisationId: nattvandrarna, data: { name: 'stadgar.pdf' } }),
  );

  const proposed = await (await as('forening@nattvandrarna.example')).post('/api/activity-types/proposals', {
    funderId: sn,
    organisationId: nattvandrarna,
    label: 'Nattvandring i Hageby',
  });
  expect(proposed.status).toBe(201);

  // The demo's agreement with Nattvandrarna has its reports; the caseworker gives one more time, with a reason.
  const report = await db
    .selectFrom('follow_up_reports')
    .select('id')
    .where('organisation_id', '=', nattvandrarna)
    .where('funder_id', '=', sn)
    .where('status', '!=', 'approved')
    .orderBy('due_on')
    .executeTakeFirstOrThrow();
  const moved = await (await as('handlaggare@norrkoping.example')).put(`/api/reports/${report.id}/due-date`, {
    dueOn: '2099-01-31',
    reason: 'Föreningen bad om anstånd – Åsa är sjuk.',
  });
  expect(moved.status).toBe(200);

  const applicant = { email: 'forening@nattvandrarna.example' };
  const caseworker = { email: 'handlaggare@norrkoping.example' };
  const reviewer = { email: 'bedomare@norrkoping.example' };
  const orebro = { email: 'admin@orebro.example' };
  const vivalla = { email: 'ledare@vivalla.example' };
  Object.assign(cases, {
    call: {
      id: call.id,
      readers: [{ ...caseworker, funderId: sn, finds: 'call.created' }],
      forbidden: [{ ...reviewer, funderId: sn }],
      strangers: [orebro, { ...orebro, funderId: ks }, { ...orebro, funderId: sn }, { ...caseworker, funderId: ks }, applicant],
    },
    application: {
      id: application.id,
      readers: [
        { ...caseworker, finds: 'application.submitted' },
        { ...applicant, finds: 'application.submitted' },
      ],
      forbidden: [reviewer],
      strangers: [orebro, { ...orebro, funderId: ks }, { ...caseworker, funderId: ks }, vivalla],
    },
    programme: {
      id: programme.id,
      readers: [{ ...caseworker, funderId: sn, finds: 'programme.created' }],
      forbidden: [{ ...reviewer, funderId: sn }],
      strangers: [orebro, { ...orebro, funderId: ks }, applicant],
    },
    funder: {
      id: sn,
      readers: [
        { email: 'admin@norrkoping.example', funderId: sn, finds: 'funder.created' },
        { ...caseworker, finds: 'funder.created' },
      ],
      forbidden: [reviewer],
      strangers: [orebro, { ...orebro, funderId: ks }, applicant],
    },
    organisation: {
      id: nattvandrarna,
      readers: [{ ...applicant, finds: 'organisation.registered' }],
      forbidden: [],
      // The funder's staff see an organisation only where it deals with them (its applications, its eligibility).
      strangers: [vivalla, orebro, caseworker, { ...caseworker, funderId: sn }],
    },
    eligibility: {
      id: eligibility.id,
      readers: [
        { ...caseworker, funderId: sn, finds: 'eligibility.approved' },
        { ...applicant, finds: 'eligibility.approved' },
      ],
      forbidden: [reviewer],
      strangers: [orebro, { ...orebro, funderId: ks }, vivalla],
    },
    file: {
      id: file.id,
      readers: [{ ...applicant, finds: 'file.uploaded' }],
      forbidden: [reviewer],
      strangers: [orebro, { ...orebro, funderId: ks }, vivalla, { ...caseworker, funderId: ks }],
    },
    activity_type: {
      id: proposed.body.id,
      readers: [
        { ...applicant, finds: 'activity_type.proposed' },
        { ...caseworker, funderId: sn, finds: 'activity_type.proposed' },
      ],
      forbidden: [reviewer],
      strangers: [orebro, { ...orebro, funderId: ks }, vivalla],
    },
    report: {
      id: report.id,
      readers: [
        { ...caseworker, funderId: sn, finds: 'report.due_moved' },
        { ...applicant, finds: 'report.due_moved' },
      ],
      forbidden: [reviewer],
      strangers: [orebro, { ...orebro, funderId: ks }, vivalla, { ...caseworker, funderId: ks }],
    },
    user: {
      id: strateg.id,
      readers: [{ email: 'admin@norrkoping.example', funderId: sn, finds: 'funder.roles_changed' }],
      forbidden: [{ ...reviewer, funderId: sn }],
      // Another person's history is read only as a funder's record of its own member.
      strangers: [orebro, { ...orebro, funderId: ks }, { ...orebro, funderId: sn }, { email: 'admin@norrkoping.example' }, vivalla],
    },
  } satisfies Record<AuditedObjectType, Case>);
});

afterAll(() => t.close());

describe('the audit trail of an object', () => {
  it('has a case below for every kind of object the route reads', () => {
    expect(Object.keys(cases).sort()).toEqual([...AUDITED_OBJECT_TYPES].sort());
  });

  describe.each(AUDITED_OBJECT_TYPES)('of a %s', (type) => {
    it('is read by those who may read it, and holds only that object’s entries', async () => {
      const c = cases[type];
      for (const r of c.readers) {
        const res = await trail(type, c.id, r);
        expect(res.status, `${r.email} reading ${type}`).toBe(200);
        expect(res.body.entries.map((e: { action: string }) => e.action)).toContain(r.finds);
        for (const e of res.body.entries) expect(e).toMatchObject({ objectType: type, objectId: c.id });
      }
    });

    it('answers 404 to other tenants exactly as for an id that does not exist', async () => {
      const c = cases[type];
      for (const r of c.strangers) {
        const theirs = await trail(type, c.id, r);
        const unknown = await trail(type, randomUUID(), r);
        expect(theirs.status, `${r.email}${r.funderId ? ` under ${r.funderId === ids.sn ? 'SN' : 'KS'}` : ''} reading ${type}`).toBe(404);
        expect(answer(theirs)).toEqual(answer(unknown));
        expect(theirs.body.code).toBe('not_found');
      }
    });

    it('answers 404 for an id that does not exist to those who may read such objects', async () => {
      for (const r of cases[type].readers) {
        const res = await trail(type, randomUUID(), r);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('not_found');
      }
    });

    it('answers 403 to those who may see the object but not its history', async () => {
      for (const r of cases[type].forbidden) {
        const res = await trail(type, cases[type].id, r);
        expect(res.status, `${r.email} reading ${type}`).toBe(403);
        expect(res.body.code).toBe('forbidden');
      }
    });
  });

  it('lets Örebro’s administrator read Örebro’s calls but not Norrköping’s', async () => {
    const orebroCall = await t.db.kysely.selectFrom('calls').select('id').where('funder_id', '=', ids.ks).executeTakeFirstOrThrow();
    const own = await trail('call', orebroCall.id, { email: 'admin@orebro.example', funderId: ids.ks });
    expect(own.status).toBe(200);
    expect(own.body.entries.map((e: { action: string }) => e.action)).toContain('call.created');
    const other = await trail('call', cases.call.id, { email: 'admin@orebro.example', funderId: ids.ks });
    expect(other.status).toBe(404);
    expect(other.body.entries).toBeUndefined();
  });

  it('lets a person read their own history without naming a funder', async () => {
    const me = (await as('handlaggare@norrkoping.example')).get('/api/session');
    const res = await trail('user', (await me).body.user.id, { email: 'handlaggare@norrkoping.example' });
    expect(res.status).toBe(200);
    expect(res.body.entries.map((e: { action: string }) => e.action)).toContain('user.signed_in');
  });

  it('shows the base catalogue’s activity types to everyone, with nothing of others in their history', async () => {
    const base = await t.db.kysely.selectFrom('activity_types').select('id').where('funder_id', 'is', null).executeTakeFirstOrThrow();
    const res = await trail('activity_type', base.id, { email: 'ledare@vivalla.example' });
    expect(res.status).toBe(200);
    expect(res.body.entries).toEqual([]);
  });

  it('refuses a kind of object it does not know', async () => {
    const res = await trail('budget_line', cases.call.id, { email: 'handlaggare@norrkoping.example', funderId: ids.sn });
    expect(res.status).toBe(400);
  });
});
