import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const countOrganisations = async () => (await t.db.kysely.selectFrom('organisations').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;

async function newApplicant(email: string) {
  const c = await new Client(t.app).open();
  const res = await c.post('/api/auth/register', { name: 'Sökande', email, password: 'en lång fras för test' });
  expect(res.status).toBe(201);
  return c;
}

describe('organisation registration', () => {
  it('registers an association by organisationsnummer; the registrant becomes its first member', async () => {
    const c = await newApplicant('ny@forening.example');
    const res = await c.post('/api/organisations', {
      orgNumber: '8024794953',
      name: 'Läxhjälpen Navestad',
      legalForm: 'ideell_forening',
      municipality: 'Norrköping',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ orgNumber: '802479-4953', name: 'Läxhjälpen Navestad', legalForm: 'ideell_forening' });
    const session = await c.get('/api/session');
    expect(session.body.user.organisations).toEqual([{ id: res.body.id, name: 'Läxhjälpen Navestad', orgNumber: '802479-4953' }]);
    expect((await c.get(`/api/organisations/${res.body.id}`)).body.name).toBe('Läxhjälpen Navestad');
    const history = await c.get(`/api/audit?objectType=organisation&objectId=${res.body.id}`);
    expect(history.body.entries).toEqual([expect.objectContaining({ action: 'organisation.registered', actor: 'ny@forening.example' })]);
  });

  it('refuses a malformed organisationsnummer on the field, in Swedish and English, writing nothing', async () => {
    const c = await newApplicant('fel@forening.example');
    const before = await countOrganisations();
    const res = await c.post('/api/organisations', { orgNumber: '802479-4954', name: 'Felnummer', legalForm: 'ideell_forening' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'orgNumber', code: 'org_number_invalid', message: expect.stringContaining('802479-4954') }),
    ]);
    expect(res.body.errors[0].messages.en).toContain('is not valid');
    expect(await countOrganisations()).toBe(before);
  });

  it('refuses a personal identity number and a number of another kind of legal person, on the field, writing nothing', async () => {
    const c = await newApplicant('personnummer@forening.example');
    const before = await countOrganisations();
    const personal = await c.post('/api/organisations', { orgNumber: '811218-9876', name: 'Min förening', legalForm: 'ideell_forening' });
    expect(personal.status).toBe(422);
    expect(personal.body.errors).toEqual([expect.objectContaining({ field: 'orgNumber', code: 'org_number_personal' })]);
    expect(personal.body.errors[0].message).toContain('”811218-9876” är ett personnummer, inte ett organisationsnummer');
    expect(personal.body.errors[0].messages.en).toContain('is a personal identity number');
    const company = await c.post('/api/organisations', { orgNumber: '556036-0793', name: 'Min förening', legalForm: 'ideell_forening' });
    expect(company.status).toBe(422);
    expect(company.body.errors).toEqual([expect.objectContaining({ field: 'orgNumber', code: 'org_number_form_mismatch' })]);
    expect(company.body.errors[0].message).toBe(
      'Organisationsnummer som börjar på 5 ges till aktiebolag, men organisationsformen är ideell förening. Kontrollera numret, eller välj rätt organisationsform.',
    );
    expect(await countOrganisations()).toBe(before);
    // The same number is right for a limited company.
    expect((await c.post('/api/organisations', { orgNumber: '556036-0793', name: 'Bolaget AB', legalForm: 'aktiebolag' })).status).toBe(201);
  });

  it('refuses an organisation already registered, so nobody attaches themselves to another’s association', async () => {
    const c = await newApplicant('kapare@forening.example');
    const res = await c.post('/api/organisations', { orgNumber: '802000-1239', name: 'Nattvandrarna (kopia)', legalForm: 'ideell_forening' });
    expect(res.status).toBe(409);
    expect(res.body.errors[0]).toMatchObject({ field: 'orgNumber', code: 'organisation_exists' });
    expect((await c.get('/api/session')).body.user.organisations).toEqual([]);
  });

  it('lets exactly one of two simultaneous registrations of the same number through', async () => {
    const a = await newApplicant('a@samtidig.example');
    const b = await newApplicant('b@samtidig.example');
    const body = { orgNumber: '802481-2359', name: 'Samtidiga föreningen', legalForm: 'ideell_forening' };
    const results = await Promise.all([a.post('/api/organisations', body), b.post('/api/organisations', body)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const members = await t.db.kysely
      .selectFrom('organisation_memberships')
      .innerJoin('organisations', 'organisations.id', 'organisation_memberships.organisation_id')
      .select('organisation_memberships.user_id')
      .where('organisations.org_number', '=', '802481-2359')
      .execute();
    expect(members).toHaveLength(1);
  });

  it('refuses an unknown legal form and hides other organisations from non-members', async () => {
    const c = await newApplicant('nyfiken@forening.example');
    const bad = await c.post('/api/organisations', { orgNumber: '802479-4953', name: 'X', legalForm: 'hemlig_klubb' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'legalForm', code: 'invalid_choice' });
    const other = await t.db.kysely.selectFrom('organisations').select('id').where('org_number', '=', '802000-1239').executeTakeFirstOrThrow();
    expect((await c.get(`/api/organisations/${other.id}`)).status).toBe(404);
    const history = await c.get(`/api/audit?objectType=organisation&objectId=${other.id}`);
    expect(history.status).toBe(404);
    expect(history.body.code).toBe('not_found');
  });
});
