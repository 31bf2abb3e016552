import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let norrkoping: string;
let orebro: string;
beforeAll(async () => {
  t = await createTestApp();
  const funders = await t.db.kysely.selectFrom('funders').select(['id', 'case_prefix']).execute();
  norrkoping = funders.find((f) => f.case_prefix === 'SN')?.id as string;
  orebro = funders.find((f) => f.case_prefix === 'KS')?.id as string;
});
afterAll(() => t.close());

const linkToken = (text: string) => /token=([\w-]+)/.exec(text)?.[1] as string;

describe('funder user administration', () => {
  it('lists the funder’s users and roles for its administrator only', async () => {
    const admin = new Client(t.app);
    await admin.login('admin@norrkoping.example');
    const res = await admin.get(`/api/funders/${norrkoping}/members`);
    expect(res.status).toBe(200);
    expect(res.body.members.map((m: { email: string }) => m.email)).toContain('handlaggare@norrkoping.example');
    const caseworker = new Client(t.app);
    await caseworker.login('handlaggare@norrkoping.example');
    expect((await caseworker.get(`/api/funders/${norrkoping}/members`)).status).toBe(403);
    const otherAdmin = new Client(t.app);
    await otherAdmin.login('admin@orebro.example');
    expect((await otherAdmin.get(`/api/funders/${norrkoping}/members`)).status).toBe(403);
    const own = await otherAdmin.get(`/api/funders/${orebro}/members`);
    expect(own.body.members.map((m: { email: string }) => m.email)).toEqual(['admin@orebro.example']);
  });

  it('invites a colleague by e-mail; the invitee sets a password and gets the role', async () => {
    const admin = new Client(t.app);
    await admin.login('admin@norrkoping.example');
    const invite = await admin.post(`/api/funders/${norrkoping}/invitations`, { email: 'ny.kollega@norrkoping.example', role: 'caseworker' });
    expect(invite.status).toBe(201);
    const pending = await admin.get(`/api/funders/${norrkoping}/members`);
    expect(pending.body.invitations).toEqual([expect.objectContaining({ email: 'ny.kollega@norrkoping.example', role: 'caseworker' })]);
    const mail = await t.db.kysely.selectFrom('outbox').selectAll().where('to_address', '=', 'ny.kollega@norrkoping.example').executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Inbjudan till Socialnämnden, Norrköpings kommun i Samverka');
    const token = linkToken(mail.body_text);

    const invitee = await new Client(t.app).open();
    const info = await invitee.get(`/api/invitations/${token}`);
    expect(info.body).toMatchObject({ email: 'ny.kollega@norrkoping.example', role: 'caseworker', accountExists: false });
    const missing = await invitee.post('/api/invitations/accept', { token });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['name', 'password']);
    const accepted = await invitee.post('/api/invitations/accept', { token, name: 'Nora Ny', password: 'välkommen till socialkontoret' });
    expect(accepted.status).toBe(200);
    const session = await invitee.get('/api/session');
    expect(session.body.user.funders).toEqual([expect.objectContaining({ funderId: norrkoping, role: 'caseworker' })]);
    const again = await new Client(t.app).open();
    expect((await again.post('/api/invitations/accept', { token, name: 'X', password: 'välkommen till socialkontoret' })).body.code).toBe('token_invalid');
  });

  it('adds a role to an existing account when its owner, signed in, accepts', async () => {
    const admin = new Client(t.app);
    await admin.login('admin@norrkoping.example');
    await admin.post(`/api/funders/${norrkoping}/invitations`, { email: 'bedomare@norrkoping.example', role: 'analyst' });
    const mail = await t.db.kysely
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'bedomare@norrkoping.example')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const token = linkToken(mail.body_text);
    const stranger = await new Client(t.app).open();
    expect((await stranger.post('/api/invitations/accept', { token })).body.code).toBe('not_authenticated');
    const owner = new Client(t.app);
    await owner.login('bedomare@norrkoping.example');
    expect((await owner.post('/api/invitations/accept', { token })).status).toBe(200);
    const roles = (await owner.get('/api/session')).body.user.funders.map((f: { role: string }) => f.role).sort();
    expect(roles).toEqual(['analyst', 'reviewer']);
  });

  it('refuses to invite someone to a role they already have, on the e-mail field, and writes no mail', async () => {
    const admin = new Client(t.app);
    await admin.login('admin@norrkoping.example');
    const before = await t.db.kysely.selectFrom('outbox').select('id').execute();
    const res = await admin.post(`/api/funders/${norrkoping}/invitations`, { email: 'HANDLAGGARE@norrkoping.example', role: 'caseworker' });
    expect(res.status).toBe(409);
    expect(res.body.errors[0]).toMatchObject({ field: 'email', code: 'already_member' });
    expect(await t.db.kysely.selectFrom('outbox').select('id').execute()).toHaveLength(before.length);
  });

  it('changes roles with an audit entry, and keeps at least one administrator', async () => {
    const admin = new Client(t.app);
    const me = await admin.login('admin@norrkoping.example');
    const target = await t.db.kysely.selectFrom('users').select('id').where('email', '=', 'strateg@norrkoping.example').executeTakeFirstOrThrow();
    const res = await admin.put(`/api/funders/${norrkoping}/members/${target.id}/roles`, { roles: ['analyst', 'caseworker'], reason: 'Ny tjänst' });
    expect(res.status).toBe(200);
    const history = await admin.get(`/api/audit?objectType=user&objectId=${target.id}&funderId=${norrkoping}`);
    expect(history.body.entries.at(-1)).toMatchObject({
      action: 'funder.roles_changed',
      reason: 'Ny tjänst',
      data: { before: ['analyst'], after: ['analyst', 'caseworker'] },
    });
    const demote = await admin.put(`/api/funders/${norrkoping}/members/${me.id}/roles`, { roles: ['caseworker'] });
    expect(demote.status).toBe(409);
    expect(demote.body.errors[0]).toMatchObject({ field: 'roles', code: 'last_administrator' });
    const bad = await admin.put(`/api/funders/${norrkoping}/members/${target.id}/roles`, { roles: ['emperor'] });
    expect(bad.status).toBe(400);
  });

  it('does not let one funder’s administrator touch another funder’s users', async () => {
    const orebroAdmin = new Client(t.app);
    await orebroAdmin.login('admin@orebro.example');
    const target = await t.db.kysely.selectFrom('users').select('id').where('email', '=', 'handlaggare@norrkoping.example').executeTakeFirstOrThrow();
    expect((await orebroAdmin.put(`/api/funders/${norrkoping}/members/${target.id}/roles`, { roles: [] })).status).toBe(403);
    // Even within its own funder, a user of another funder is simply not found there.
    expect((await orebroAdmin.put(`/api/funders/${orebro}/members/${target.id}/roles`, { roles: ['caseworker'] })).status).toBe(404);
  });

  it('lists funders publicly, with how staff sign in', async () => {
    const c = await new Client(t.app).open();
    const res = await c.get('/api/funders');
    expect(res.body.funders.map((f: { name: string }) => f.name)).toEqual([
      'Delegationen mot segregation',
      'Kommunstyrelsen, Örebro kommun',
      'Socialnämnden, Norrköpings kommun',
    ]);
  });
});

describe('accepting an invitation while signed in as someone else', () => {
  it('refuses to create the new account under another person’s session', async () => {
    const admin = new Client(t.app);
    await admin.login('admin@norrkoping.example');
    await admin.post(`/api/funders/${norrkoping}/invitations`, { email: 'annan.person@norrkoping.example', role: 'reviewer' });
    const mail = await t.db.kysely.selectFrom('outbox').selectAll().where('to_address', '=', 'annan.person@norrkoping.example').executeTakeFirstOrThrow();
    const res = await admin.post('/api/invitations/accept', { token: linkToken(mail.body_text), name: 'Annan', password: 'ett långt lösenord här' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('signed_in_as_other');
    expect(res.body.title).toContain('admin@norrkoping.example');
  });
});

describe('decision rules', () => {
  it('lets the administrator set the deciding committee and the delegation limit, audited, and shows them to all', async () => {
    const admin = new Client(t.app);
    await admin.login('admin@norrkoping.example');
    const listed = (await new Client(t.app).get('/api/funders')).body.funders.find((f: { id: string }) => f.id === norrkoping);
    expect(listed).toMatchObject({ decisionBody: 'Socialnämnden', delegationLimit: 10_000_000 });
    const empty = await admin.put(`/api/funders/${norrkoping}/decision-rules`, { decisionBody: ' ', delegationLimit: 0 });
    expect(empty.body.errors[0]).toMatchObject({ field: 'decisionBody', code: 'required' });
    const set = await admin.put(`/api/funders/${norrkoping}/decision-rules`, { decisionBody: 'Socialnämnden', delegationLimit: 20_000_000 });
    expect(set.body).toEqual({ decisionBody: 'Socialnämnden', delegationLimit: 20_000_000 });
    const entry = await t.db.kysely.selectFrom('audit_log').select('data').where('action', '=', 'funder.decision_rules_changed').executeTakeFirstOrThrow();
    expect(entry.data).toMatchObject({ before: { delegationLimit: 10_000_000 }, after: { delegationLimit: 20_000_000 } });
    const caseworker = new Client(t.app);
    await caseworker.login('handlaggare@norrkoping.example');
    expect((await caseworker.put(`/api/funders/${norrkoping}/decision-rules`, { decisionBody: 'X', delegationLimit: 1 })).status).toBe(403);
  });
});
