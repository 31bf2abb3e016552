import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, SYSTEM_ACTOR } from '../../src/db/audit.ts';
import type { CallRules } from '../../src/domain/calls/types.ts';
import { addMonths, dateInStockholm } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { AUDIT_PAGE } from '../../src/server/audit/access.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let sn: string;
let ks: string;
let caseworker: Client;
beforeAll(async () => {
  t = await createTestApp();
  const funders = await t.db.kysely.selectFrom('funders').select(['id', 'case_prefix']).execute();
  sn = funders.find((f) => f.case_prefix === 'SN')?.id as string;
  ks = funders.find((f) => f.case_prefix === 'KS')?.id as string;
  caseworker = new Client(t.app);
  await caseworker.login('handlaggare@norrkoping.example');
});
afterAll(() => t.close());

const today = () => dateInStockholm(new Date());

async function newLine(amountOre: number) {
  const res = await caseworker.post(`/api/funders/${sn}/programmes`, {
    name: `Testsatsning ${Math.random()}`,
    startYear: 2026,
    endYear: 2027,
    amount: amountOre,
    lines: [{ name: 'Hela', amount: amountOre }],
  });
  expect(res.status).toBe(201);
  const programmes = (await caseworker.get(`/api/funders/${sn}/programmes`)).body.programmes;
  return programmes.find((p: { id: string }) => p.id === res.body.id).lines[0].id as string;
}

function draft(lineId: string | null, over: Partial<CallRules> = {}): CallRules {
  return {
    title: 'Läxhjälp i Navestad',
    summary: 'Stöd till läxläsning för barn i årskurs 4–9.',
    description: 'Beskrivning.',
    budgetLineId: lineId,
    amount: ore(50_000_000),
    focusAreas: ['Läxläsning'],
    eligibleForms: ['ideell_forening', 'studieforbund'],
    exclusions: ['religious_or_political', 'for_profit'],
    targetGroups: ['children'],
    targetAreas: ['Navestad'],
    opensOn: addMonths(today(), -1),
    deadline: addMonths(today(), 1),
    grantPeriodMonths: 12,
    minAmount: ore(1_000_000),
    maxAmount: ore(10_000_000),
    requiredAttachments: ['statutes', 'budget'],
    requiresEligibilityApproval: false,
    criteria: [
      { id: 'need', label: 'Behov', weight: 60 },
      { id: 'quality', label: 'Kvalitet', weight: 40 },
    ],
    followUp: { reportDueMonths: 2, requireFinancialReport: true, requireParticipantSurvey: true },
    questions: [
      {
        id: 'grade',
        page: 1,
        type: 'single_choice',
        label: 'Vilka årskurser?',
        required: true,
        options: [
          { value: 'low', label: '4–6' },
          { value: 'high', label: '7–9' },
        ],
      },
      {
        id: 'exam',
        page: 2,
        type: 'long_text',
        label: 'Hur stöttar ni inför nationella prov?',
        required: false,
        maxWords: 200,
        showIf: { questionId: 'grade', equals: 'high' },
      },
    ],
    activityTypes: ['homework_help'],
    ...over,
  };
}

describe('programmes and budget lines', () => {
  it('refuses lines that do not sum to the programme, naming both sums in kronor', async () => {
    const res = await caseworker.post(`/api/funders/${sn}/programmes`, {
      name: 'Fel summa',
      startYear: 2026,
      endYear: 2026,
      amount: 700_000_000,
      lines: [
        { name: 'Fältarbete', amount: 200_000_000 },
        { name: 'Brobyggare', amount: 250_000_000 },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'lines', code: 'lines_must_sum' });
    expect(res.body.errors[0].message).toBe(
      'Budgetposterna blir tillsammans 4\u00a0500\u00a0000 kr men satsningen är på 7\u00a0000\u00a0000 kr. De ska bli lika mycket.',
    );
  });

  it('shows the demo programmes with what is committed and left per line', async () => {
    const admin = new Client(t.app);
    await admin.login('admin@orebro.example');
    const res = await admin.get(`/api/funders/${ks}/programmes`);
    const p = res.body.programmes.find((x: { name: string }) => x.name === 'Social sammanhållning i partnerskapsområdena');
    expect(p.amount).toBe(700_000_000);
    expect(p.lines.map((l: { amount: number }) => l.amount)).toEqual([200_000_000, 250_000_000, 200_000_000, 50_000_000]);
    expect(p.lines[3]).toMatchObject({ committed: 50_000_000, available: 0 });
  });

  it('lets finance set where a line is booked, shows it in the listing, and refuses bad codes and reviewers', async () => {
    const lineId = await newLine(12_000_000);
    const finance = new Client(t.app);
    await finance.login('ekonomi@norrkoping.example');
    const lineOf = async (c: Client) => {
      const res = await c.get(`/api/funders/${sn}/programmes`);
      expect(res.status).toBe(200);
      return res.body.programmes.flatMap((p: { lines: { id: string }[] }) => p.lines).find((l: { id: string }) => l.id === lineId);
    };
    expect((await lineOf(finance)).accounting).toBeNull();

    const booking = { account: '4590', responsibility: '3100', activity: '760', project: 'BRA_22-b' };
    const put = await finance.put(`/api/budget-lines/${lineId}/accounting`, { accounting: booking });
    expect(put.status).toBe(200);
    expect((await lineOf(finance)).accounting).toEqual(booking);
    // The caseworker sees the same booking on the page they design calls from.
    expect((await lineOf(caseworker)).accounting).toEqual(booking);

    const bad = await finance.put(`/api/budget-lines/${lineId}/accounting`, {
      accounting: { account: '459', responsibility: null, activity: null, project: 'BRÅ22' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'account', code: 'account_four_digits', message: 'Ange kontot med fyra siffror, t.ex. 4590.' }),
        expect.objectContaining({ field: 'project', code: 'invalid_format' }),
      ]),
    );
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['account', 'project']);
    // A refused change leaves the booking as it was.
    expect((await lineOf(finance)).accounting).toEqual(booking);

    const reviewer = new Client(t.app);
    await reviewer.login('bedomare@norrkoping.example');
    const refused = await reviewer.put(`/api/budget-lines/${lineId}/accounting`, { accounting: { ...booking, account: '4591' } });
    expect(refused.status).toBe(403);
    expect((await lineOf(reviewer)).accounting).toEqual(booking);

    // Null goes back to the funder's default.
    const reset = await caseworker.put(`/api/budget-lines/${lineId}/accounting`, { accounting: null });
    expect(reset.status).toBe(200);
    expect((await lineOf(finance)).accounting).toBeNull();
    const trail = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', lineId)
      .where('action', '=', 'budget_line.accounting_set')
      .execute();
    expect(trail).toHaveLength(2);
  });
});

describe('the call designer', () => {
  it('designs, publishes and amends a call with custom questions; the public sees each step', async () => {
    const line = await newLine(100_000_000);
    const created = await caseworker.post(`/api/funders/${sn}/calls`, draft(line));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', phase: 'draft', version: 1 });
    const id = created.body.id;
    const anonymous = await new Client(t.app).open();
    expect((await anonymous.get(`/api/public/calls/${id}`)).status).toBe(404);

    const changed = await caseworker.put(`/api/calls/${id}`, draft(line, { title: 'Läxhjälp i Navestad och Hageby', targetAreas: ['Navestad', 'Hageby'] }));
    expect(changed.status).toBe(200);

    const published = await caseworker.post(`/api/calls/${id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', phase: 'open' });
    const pub = await anonymous.get(`/api/public/calls/${id}`);
    expect(pub.body).toMatchObject({ title: 'Läxhjälp i Navestad och Hageby', phase: 'open', amendments: [] });
    expect(pub.body.timeLeft.days).toBeGreaterThanOrEqual(27);
    expect(pub.body.rules.questions[1].showIf).toEqual({ questionId: 'grade', equals: 'high' });

    const direct = await caseworker.put(`/api/calls/${id}`, draft(line, { title: 'Tyst ändring' }));
    expect(direct.status).toBe(409);
    expect(direct.body.code).toBe('call_published');

    const later = addMonths(today(), 2);
    const amended = await caseworker.post(`/api/calls/${id}/amendments`, {
      rules: draft(line, { title: 'Läxhjälp i Navestad och Hageby', targetAreas: ['Navestad', 'Hageby'], deadline: later }),
      reason: 'Förlängd ansökningstid efter önskemål från föreningarna.',
    });
    expect(amended.status).toBe(200);
    expect(amended.body.version).toBe(2);
    const after = await anonymous.get(`/api/public/calls/${id}`);
    expect(after.body.deadline).toBe(later);
    expect(after.body.amendments).toEqual([
      expect.objectContaining({ version: 2, reason: 'Förlängd ansökningstid efter önskemål från föreningarna.', changed: ['deadline'] }),
    ]);
    const history = await caseworker.get(`/api/audit?objectType=call&objectId=${id}&funderId=${sn}`);
    expect(history.body.entries.map((e: { action: string }) => e.action)).toEqual(['call.created', 'call.draft_updated', 'call.published', 'call.amended']);

    const same = await caseworker.post(`/api/calls/${id}/amendments`, { rules: after.body.rules, reason: 'Ingen ändring' });
    expect(same.body.code).toBe('nothing_changed');
  });

  it('refuses a deadline before opening, a maximum below the minimum and a question with no text, each on its field', async () => {
    const line = await newLine(10_000_000);
    const res = await caseworker.post(
      `/api/funders/${sn}/calls`,
      draft(line, {
        amount: ore(10_000_000),
        opensOn: '2026-05-01',
        deadline: '2026-04-30',
        minAmount: ore(5_000_000),
        maxAmount: ore(2_000_000),
        questions: [{ id: 'q', page: 1, type: 'short_text', label: '  ', required: true }],
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['deadline', 'deadline_before_opening'],
      ['maxAmount', 'max_below_min'],
      ['questions.0.label', 'question_text_missing'],
    ]);
    expect(res.body.errors[0].message).toBe('Sista ansökningsdag kan inte ligga före öppningsdagen (2026-05-01).');
  });

  it('refuses a call larger than what is left on its budget line, naming the remaining amount', async () => {
    const line = await newLine(80_000_000);
    expect((await caseworker.post(`/api/funders/${sn}/calls`, draft(line, { amount: ore(50_000_000) }))).status).toBe(201);
    const res = await caseworker.post(`/api/funders/${sn}/calls`, draft(line, { amount: ore(40_000_000) }));
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({
      field: 'amount',
      code: 'amount_exceeds_budget_line',
      message: 'Beloppet är större än vad som finns kvar på budgetposten: 300\u00a0000 kr.',
    });
  });

  it('lets only one of two simultaneous calls take the last of a budget line', async () => {
    const line = await newLine(60_000_000);
    const [a, b] = await Promise.all([
      caseworker.post(`/api/funders/${sn}/calls`, draft(line, { amount: ore(40_000_000) })),
      caseworker.post(`/api/funders/${sn}/calls`, draft(line, { amount: ore(40_000_000) })),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 422]);
  });

  it('refuses to publish until the required parts are there, naming each', async () => {
    const res = await caseworker.post(`/api/funders/${sn}/calls`, draft(null, { title: 'Utkast', summary: '', criteria: [], opensOn: null, deadline: null }));
    expect(res.status).toBe(201);
    const pub = await caseworker.post(`/api/calls/${res.body.id}/publish`);
    expect(pub.status).toBe(422);
    expect(pub.body.code).toBe('publish_incomplete');
    expect(pub.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['budgetLineId', 'criteria', 'deadline', 'opensOn', 'summary']);
  });

  it('keeps calls to their funder: other funders and applicants cannot design or see drafts', async () => {
    const line = await newLine(10_000_000);
    const mine = await caseworker.post(`/api/funders/${sn}/calls`, draft(line, { amount: ore(10_000_000) }));
    const orebro = new Client(t.app);
    await orebro.login('admin@orebro.example');
    expect((await orebro.get(`/api/calls/${mine.body.id}`)).status).toBe(404);
    expect((await orebro.post(`/api/funders/${sn}/calls`, draft(null))).status).toBe(403);
    const reviewer = new Client(t.app);
    await reviewer.login('bedomare@norrkoping.example');
    expect((await reviewer.get(`/api/calls/${mine.body.id}`)).status).toBe(200);
    expect((await reviewer.post(`/api/calls/${mine.body.id}/publish`)).status).toBe(403);
    // A budget line of another funder cannot fund this funder's call.
    const orebroLine = (await orebro.get(`/api/funders/${ks}/programmes`)).body.programmes[0].lines[0].id;
    const cross = await caseworker.post(`/api/funders/${sn}/calls`, draft(orebroLine));
    expect(cross.body.errors[0]).toMatchObject({ field: 'budgetLineId', code: 'budget_line_unknown' });
  });
});

describe('public call pages', () => {
  it('list the demo calls without sign-in: open first, then closed, with amount, focus and deadline', async () => {
    const c = await new Client(t.app).open();
    const res = await c.get('/api/public/calls');
    expect(res.status).toBe(200);
    const norrkoping2022 = res.body.calls.find((x: { title: string }) => x.title === 'Uppdragsbidrag för ökad trygghet 2022');
    expect(norrkoping2022).toMatchObject({ amount: 300_000_000, deadline: '2022-03-06', phase: 'closed', closesAt: '2022-03-06T22:59:59.999Z' });
    expect(norrkoping2022.focusAreas).toContain('Uppsökande verksamhet');
    expect(res.body.calls[0].phase).toBe('open');
    const open = await c.get('/api/public/calls?phase=open');
    expect(open.body.calls.map((x: { title: string }) => x.title)).toContain('Extra föreningsstöd mot utanförskap');
    const detail = await c.get(`/api/public/calls/${norrkoping2022.id}`);
    expect(detail.body.rules).toMatchObject({ grantPeriodMonths: 12, exclusions: ['religious_or_political', 'for_profit', 'already_completed'] });
    expect(detail.body.timeLeft).toBeNull();
  });
});

describe('a long history', () => {
  it('returns the newest entries when an object has more than one page, oldest first', async () => {
    const call = await t.db.kysely.selectFrom('calls').select('id').where('funder_id', '=', sn).limit(1).executeTakeFirstOrThrow();
    const extra = AUDIT_PAGE + 20;
    await t.db.kysely.transaction().execute(async (tx) => {
      for (let i = 1; i <= extra; i++) {
        await audit(tx, SYSTEM_ACTOR, { action: 'call.draft_updated', objectType: 'call', objectId: call.id, funderId: sn, data: { changed: [`n${i}`] } });
      }
    });
    const history = await caseworker.get(`/api/audit?objectType=call&objectId=${call.id}&funderId=${sn}`);
    const entries = history.body.entries as { position: number; data: { changed?: string[] } }[];
    expect(entries).toHaveLength(AUDIT_PAGE);
    expect(entries.at(-1)?.data.changed).toEqual([`n${extra}`]);
    expect(entries[0]?.data.changed).toEqual([`n${extra - AUDIT_PAGE + 1}`]);
    expect(entries.every((e, i) => i === 0 || (entries[i - 1] as { position: number }).position < e.position)).toBe(true);
    expect(history.body.older).toBe(true);

    // The page before it holds the rest, up to the call's creation, and nothing twice.
    const first = entries[0] as { position: number };
    const back = await caseworker.get(`/api/audit?objectType=call&objectId=${call.id}&funderId=${sn}&before=${first.position}`);
    const earlier = back.body.entries as { position: number; action: string; data: { changed?: string[] } }[];
    expect(back.body.older).toBe(false);
    expect(earlier.every((e) => e.position < first.position)).toBe(true);
    expect(earlier.at(-1)?.data.changed).toEqual([`n${extra - AUDIT_PAGE}`]);
    expect(earlier.filter((e) => e.data.changed?.[0]?.startsWith('n'))).toHaveLength(extra - AUDIT_PAGE);
    expect(earlier[0]?.action).toBe('call.created');
    expect((await caseworker.get(`/api/audit?objectType=call&objectId=${call.id}&funderId=${sn}&before=0`)).status).toBe(400);
  });
});
