// Follow-up reports through the API as the people who write and read them: signing opens them (and the
// participants' survey), the association saves as it types and submits, the caseworker asks for more,
// the association answers, the caseworker approves and the instalment that waited becomes due; due
// dates move with a reason, and a recovery can start from a final report that is not approved.
// Runs on PGlite and PostgreSQL.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/deadlines.ts';
import { ore } from '../../src/domain/money.ts';
import { atOnce, nextDay, type Org, plain, today, type World, world } from '../support/agreements.ts';
import { type Client, createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let w: World;
let org: Org;
let other: Org;
let agreementId: string;
let otherAgreementId: string;
let applicationId: string;

const GRANT = ore(20_000_000);
const HALF = ore(10_000_000);
const CASEWORKER = 'handlaggare@norrkoping.example';

interface Report {
  id: string;
  kind: 'interim' | 'final';
  status: string;
  version: number;
  content: any;
  [key: string]: any;
}

async function reportsOf(c: Client, agreement: string): Promise<Record<'interim' | 'final', Report>> {
  const res = await c.get(`/api/agreements/${agreement}/reports`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return Object.fromEntries(res.body.reports.map((r: Report) => [r.kind, r])) as Record<'interim' | 'final', Report>;
}

const get = async (c: Client, id: string): Promise<Report> => {
  const res = await c.get(`/api/reports/${id}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

/** What a report that adds up says: half the period's spending, a row outside the plan, one activity and its participants. */
const complete = (r: Report) => ({
  ...r.content,
  spending: [
    { ...r.content.spending[0], spent: ore(9_500_000), fromGrant: ore(9_000_000), explanation: 'Halva perioden har gått; resten används i höst.' },
    { label: 'Fika efter passen ☕', planned: null, spent: ore(300_000), fromGrant: ore(0), explanation: 'Föräldrarna i Łódź-föreningen bjöd på fika.' },
  ],
  activities: [
    { typeKey: null, proposedType: 'Trygghetsvandring', area: 'Hageby', from: '2027-01-08', to: '2027-06-25', frequency: 'Fredagar', occasions: 24 },
  ],
  participants: { '13_15': { girls: 14, boys: 11, other: 1 }, '16_18': { girls: 6, boys: 9, not_stated: 2 } },
  worked: 'Ungdomarna kom tillbaka vecka efter vecka – مرحبا بالجميع 🌙',
  didNotWork: 'Vintern var kall.',
  wouldChange: 'Fler vuxna på lördagar.',
});

const auditActions = async (objectId: string) =>
  (await t.db.kysely.selectFrom('audit_log').select('action').where('object_id', '=', objectId).orderBy('seq').execute()).map((r) => r.action);

beforeAll(async () => {
  t = await createTestApp();
  w = await world(t);
  org = await w.organisation('Ungdomens hus Łódź–Hageby 🌍');
  other = await w.organisation('نادي شباب هاجبي – Vivalla');
  // Half on signing, half once the interim report is approved; the call asks for a participant survey.
  const granted = await w.granted(org, GRANT, { followUp: { ...w.template.rules.followUp, reportDueMonths: 3, requireParticipantSurvey: true } });
  applicationId = granted.applicationId;
  agreementId = (
    await w.signed(org, applicationId, {
      kind: 'instalments',
      parts: [
        { percent: 50, condition: 'on_signing', date: null },
        { percent: 50, condition: 'after_interim_report', date: null },
      ],
    })
  ).id;
  const second = await w.granted(other, ore(5_000_000), { followUp: { ...w.template.rules.followUp, reportDueMonths: 2, requireParticipantSurvey: false } });
  otherAgreementId = (await w.signed(other, second.applicationId)).id;
  // The first half is paid: prepared by finance, approved by a second person.
  const due = (await w.finance.get(`/api/funders/${w.sn}/payments/due?by=${nextDay()}`)).body.due.filter(
    (d: { agreementId: string }) => d.agreementId === agreementId,
  );
  expect(due).toHaveLength(1);
  const run = await w.finance.post(`/api/funders/${w.sn}/payment-runs`, { executionDate: nextDay(), instalmentIds: [due[0].id] });
  expect(run.status, JSON.stringify(run.body)).toBe(201);
  expect((await w.attest.post(`/api/payment-runs/${run.body.id}/approve`)).status).toBe(200);
});
afterAll(() => t.close());

describe('signing the agreement', () => {
  it('opens an interim and a final report, due as the period, schedule and call say, with the budget rows prefilled', async () => {
    const agreement = (await w.caseworker.get(`/api/agreements/${agreementId}`)).body;
    expect(agreement.content).toMatchObject({ periodFrom: '2027-01-01', periodTo: '2027-12-31' });
    const { interim, final } = await reportsOf(org.member, agreementId);
    // Halfway through the twelve months, plus a month; the final three months after the period (the call's rule).
    expect(interim).toMatchObject({ status: 'draft', dueOn: '2027-07-31', plannedDueOn: '2027-07-31', overdue: false, version: 1 });
    expect(final).toMatchObject({ status: 'draft', dueOn: '2028-03-31', plannedDueOn: '2028-03-31', dueMovedReason: null });
    expect(interim.content.spending).toEqual([{ label: 'Hela uppdraget', planned: GRANT, spent: null, fromGrant: null, explanation: '' }]);
    expect(interim).toMatchObject({
      organisationName: org.name,
      granted: GRANT,
      paid: HALF,
      deviationPercent: 10,
      releases: { number: 2, amount: HALF },
      recovery: null,
      can: { edit: true, submit: true, approve: false, requestCompletion: false, moveDueDate: false, startRecovery: false },
    });
    expect(final.releases).toBeNull();
    // The empty form's problems are there to show, each on its field.
    expect(interim.problems).toContainEqual({ field: 'spending.0.spent', code: 'required' });
    const staff = await get(w.caseworker, interim.id);
    expect(staff.can).toMatchObject({ edit: false, submit: false, approve: false, moveDueDate: true });
    const listed = (await org.signatory.get(`/api/organisations/${org.id}/reports`)).body.reports;
    expect(listed.map((r: Report) => r.id)).toEqual([interim.id, final.id]);
  });

  it('opens the participants’ survey with an unguessable link when the call asks for one, and only then', async () => {
    const survey = await t.db.kysely.selectFrom('surveys').selectAll().where('agreement_id', '=', agreementId).executeTakeFirstOrThrow();
    expect(survey.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(survey).toMatchObject({ status: 'open', organisation_id: org.id });
    expect(await t.db.kysely.selectFrom('surveys').select('id').where('agreement_id', '=', otherAgreementId).execute()).toEqual([]);
    const { interim, final } = await reportsOf(other.member, otherAgreementId);
    expect([interim?.kind, final.kind]).toEqual(['interim', 'final']);
    expect(final.dueOn).toBe('2028-02-29');
    const opened = await t.db.kysely
      .selectFrom('audit_log')
      .select('data')
      .where('object_id', '=', agreementId)
      .where('action', '=', 'agreement.follow_up_opened')
      .executeTakeFirstOrThrow();
    expect(opened.data).toMatchObject({ surveyId: survey.id, reports: [{ kind: 'interim' }, { kind: 'final' }] });
  });
});

describe('who may read and write a report', () => {
  it('is the organisation’s members and the funder’s staff; others are told it does not exist', async () => {
    const { interim } = await reportsOf(org.member, agreementId);
    const orebro = await w.client('admin@orebro.example');
    for (const stranger of [other.member, orebro]) {
      expect((await stranger.get(`/api/reports/${interim.id}`)).status).toBe(404);
      expect((await stranger.put(`/api/reports/${interim.id}`, { content: interim.content, version: interim.version })).status).toBe(404);
      expect((await stranger.get(`/api/agreements/${agreementId}/reports`)).status).toBe(404);
    }
    expect((await other.member.get(`/api/organisations/${org.id}/reports`)).status).toBe(404);
    // Staff read it but do not write the association's report; only a caseworker follows it up.
    const staffWrite = await w.caseworker.put(`/api/reports/${interim.id}`, { content: interim.content, version: interim.version });
    expect(staffWrite.status).toBe(403);
    expect((await w.reviewer.get(`/api/reports/${interim.id}`)).status).toBe(200);
    expect((await w.reviewer.put(`/api/reports/${interim.id}/due-date`, { dueOn: '2027-09-30', reason: 'Sommaren.' })).status).toBe(403);
    expect((await org.member.put(`/api/reports/${interim.id}/due-date`, { dueOn: '2027-09-30', reason: 'Sommaren.' })).status).toBe(403);
    expect((await org.member.post(`/api/reports/${interim.id}/approve`)).status).toBe(403);
  });
});

describe('the association reports', () => {
  it('saves as it types; a save from an older version is refused with the other person’s version', async () => {
    const { interim } = await reportsOf(org.member, agreementId);
    const content = { ...interim.content, worked: 'Vi träffades varje fredag – Çağla ledde passen.' };
    const saved = await org.member.put(`/api/reports/${interim.id}`, { content, version: interim.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ version: interim.version + 1, updatedBy: 'Łukasz Żółć' });
    expect(saved.body.content.worked).toBe(content.worked);

    const stale = await org.signatory.put(`/api/reports/${interim.id}`, { content: { ...interim.content, worked: 'Något annat' }, version: interim.version });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('edit_conflict');
    expect(stale.body.messages.sv).toContain('Łukasz Żółć');
    expect(stale.body.details.current).toMatchObject({ version: interim.version + 1, content: { worked: content.worked } });
  });

  it('refuses negative, broken and absurd numbers on their fields, and keeps what was saved', async () => {
    const before = (await reportsOf(org.member, agreementId)).interim;
    const tries: [unknown, string, string][] = [
      [{ ...before.content, participants: { '13_15': { girls: -3 } } }, 'participants.13_15.girls', 'report_count_negative'],
      [{ ...before.content, participants: { under_13: { boys: 2_000_000 } } }, 'participants.under_13.boys', 'report_count_absurd'],
      [
        {
          ...before.content,
          activities: [{ typeKey: null, proposedType: 'Fotboll', area: 'Hageby', from: null, to: null, frequency: 'Varje vecka', occasions: 2.5 }],
        },
        'activities.0.occasions',
        'report_count_whole',
      ],
      [{ ...before.content, spending: [{ ...before.content.spending[0], spent: -100 }] }, 'spending.0.spent', 'amount_negative'],
    ];
    for (const [content, field, code] of tries) {
      const res = await org.member.put(`/api/reports/${before.id}`, { content, version: before.version });
      expect(res.status, field).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field, code })]);
      expect(res.body.errors[0].messages.en.length).toBeGreaterThan(10);
    }
    expect((await get(org.member, before.id)).version).toBe(before.version);
  });

  it('cannot submit a report that does not add up: every problem is named on its field', async () => {
    const r = (await reportsOf(org.member, agreementId)).interim;
    const content = {
      ...complete(r),
      spending: [
        // More from the grant than was spent on the row, and far above the plan without a word why.
        { ...r.content.spending[0], spent: ore(25_000_000), fromGrant: ore(26_000_000), explanation: '' },
        { label: 'Hyra av lokal i Łódź', planned: null, spent: ore(8_000_000), fromGrant: ore(8_000_000), explanation: 'Lokalen kostade.' },
      ],
      activities: [{ typeKey: null, proposedType: 'Läxhjälp', area: '', from: '2027-05-01', to: '2027-03-01', frequency: '', occasions: 3 }],
    };
    const saved = await org.member.put(`/api/reports/${r.id}`, { content, version: r.version });
    expect(saved.status).toBe(200);
    const res = await org.member.post(`/api/reports/${r.id}/submit`, { version: saved.body.version });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('report_incomplete');
    const byField = Object.fromEntries(res.body.errors.map((e: { field: string }) => [e.field, e]));
    expect(byField['spending.0.fromGrant'].code).toBe('report_row_does_not_add_up');
    expect(byField['spending.0.explanation'].code).toBe('report_explanation_needed');
    expect(byField['activities.0.area'].code).toBe('required');
    expect(byField['activities.0.to'].code).toBe('end_before_start_date');
    // 120 000 kr of the grant, of which 100 000 kr is paid: the message names what was paid.
    const { interim: now } = await reportsOf(org.member, agreementId);
    expect(now.status).toBe('draft');
    const over = { ...content, spending: [{ ...content.spending[1], spent: ore(12_000_000), fromGrant: ore(12_000_000) }] };
    const saved2 = await org.member.put(`/api/reports/${r.id}`, { content: { ...complete(now), spending: over.spending }, version: now.version });
    const res2 = await org.member.post(`/api/reports/${r.id}/submit`, { version: saved2.body.version });
    expect(res2.status).toBe(422);
    const paid = res2.body.errors.find((e: { field: string }) => e.field === 'spending');
    expect(paid.code).toBe('report_grant_above_paid');
    expect(plain(paid.messages.sv)).toContain('100 000 kr');
    expect(plain(paid.messages.en)).toContain('SEK 100,000');
  });
});

describe('the caseworker follows it up', () => {
  let reportId: string;
  let roundId: string;

  it('is told when the report is submitted, and finds it in the work queue', async () => {
    const r = (await reportsOf(org.signatory, agreementId)).interim;
    reportId = r.id;
    // Another organisation's document cannot be sent with the report; the association's own can.
    const foreign = await other.member.upload(other.id, 'Kvitton Vivalla.pdf');
    expect(foreign.status).toBe(201);
    const withForeign = await org.signatory.put(`/api/reports/${r.id}`, {
      content: { ...complete(r), attachments: [{ fileId: foreign.body.id, name: 'Kvitton.pdf' }] },
      version: r.version,
    });
    const refused = await org.signatory.post(`/api/reports/${r.id}/submit`, { version: withForeign.body.version });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'attachments.0', code: 'file_unknown' })]);
    const receipts = await org.signatory.upload(org.id, 'Kvitton Łódź-föreningen.pdf');
    expect(receipts.status).toBe(201);
    expect((await w.caseworker.get(`/api/files/${receipts.body.id}`)).status).toBe(404);
    const saved = await org.signatory.put(`/api/reports/${r.id}`, {
      content: { ...complete(r), attachments: [{ fileId: receipts.body.id, name: 'Kvitton Łódź-föreningen.pdf' }] },
      version: withForeign.body.version,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.problems, JSON.stringify(saved.body.problems)).toEqual([]);
    const submitted = await org.signatory.post(`/api/reports/${r.id}/submit`, { version: saved.body.version });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedBy: 'Çağla Øvergård', can: { edit: false, submit: false } });
    // The documents sent with the report are now the funder's to read.
    expect((await w.caseworker.get(`/api/files/${receipts.body.id}`)).status).toBe(200);
    const mails = await t.db.kysely.selectFrom('outbox').select(['subject', 'body_text']).where('to_address', '=', CASEWORKER).execute();
    expect(mails.find((m) => m.subject.includes('uppföljningsrapport'))?.body_text).toContain(`/reports/${r.id}`);
    const work = (await w.caseworker.get('/api/me/work')).body.funders.find((f: { funderId: string }) => f.funderId === w.sn);
    const queue = work.queues.find((q: { queue: string }) => q.queue === 'reports_to_review');
    expect(queue.items.map((i: { id: string; link: string }) => [i.id, i.link])).toContainEqual([r.id, `/reports/${r.id}`]);
    const late = await org.member.put(`/api/reports/${r.id}`, { content: r.content, version: submitted.body.version });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('report_not_editable');
  });

  it('asks for more; the association’s members are mailed and the application’s own rounds stay as they were', async () => {
    const bad = await w.caseworker.post(`/api/reports/${reportId}/completion-requests`, { message: 'Kvitton, tack.', replyBy: today() });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('replyBy');
    const res = await w.caseworker.post(`/api/reports/${reportId}/completion-requests`, {
      message: 'Bifoga kvittona för fikat, tack.',
      replyBy: addDays(today(), 14),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    roundId = res.body.id;
    const r = await get(org.member, reportId);
    expect(r).toMatchObject({ status: 'completion_requested', can: { edit: true, submit: true } });
    expect(r.rounds).toEqual([expect.objectContaining({ id: roundId, message: 'Bifoga kvittona för fikat, tack.', answer: null })]);
    const mails = await t.db.kysely
      .selectFrom('outbox')
      .select(['to_address', 'subject'])
      .where('subject', 'like', 'Komplettering behövs: delrapporten%')
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([org.signatoryEmail, org.memberEmail].sort());
    const application = (await w.caseworker.get(`/api/applications/${applicationId}`)).body;
    expect(application.completionRequests).toEqual([]);
    expect(application.shownStatus).not.toBe('awaiting_completion');
  });

  it('has the answer: the report is submitted again', async () => {
    // An answer does not carry a report that has since lost what a submission needs.
    const before = await get(org.member, reportId);
    const broken = { ...before.content, spending: before.content.spending.map((row: object, i: number) => (i === 0 ? { ...row, spent: null } : row)) };
    const saved = await org.member.put(`/api/reports/${reportId}`, { content: broken, version: before.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const refused = await org.member.post(`/api/completion-requests/${roundId}/answer`, { answer: 'Kvittona är uppladdade – Łukasz.', files: [] });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('report_incomplete');
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('spending.0.spent');
    expect((await get(w.caseworker, reportId)).status).toBe('completion_requested');
    const fixed = await org.member.put(`/api/reports/${reportId}`, { content: before.content, version: saved.body.version });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);

    const answered = await org.member.post(`/api/completion-requests/${roundId}/answer`, { answer: 'Kvittona är uppladdade – Łukasz.', files: [] });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const r = await get(w.caseworker, reportId);
    expect(r).toMatchObject({ status: 'submitted', can: { approve: true, requestCompletion: true } });
    expect(r.rounds[0].answer).toBe('Kvittona är uppladdade – Łukasz.');
  });

  it('approves the interim report, and the instalment that waited for it becomes due', async () => {
    const dueBefore = (await w.finance.get(`/api/funders/${w.sn}/payments/due?by=${nextDay()}`)).body.due;
    expect(dueBefore.filter((d: { agreementId: string }) => d.agreementId === agreementId)).toEqual([]);
    expect((await w.reviewer.post(`/api/reports/${reportId}/approve`)).status).toBe(403);
    const approved = await w.caseworker.post(`/api/reports/${reportId}/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedBy: expect.any(String), releases: null, can: { approve: false, moveDueDate: false } });
    const due = (await w.finance.get(`/api/funders/${w.sn}/payments/due?by=${nextDay()}`)).body.due.filter(
      (d: { agreementId: string }) => d.agreementId === agreementId,
    );
    expect(due).toEqual([expect.objectContaining({ amount: HALF, hold: null })]);
    const again = await w.caseworker.post(`/api/reports/${reportId}/approve`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('report_approved');
  });

  it('leaves an audit entry for each change of the report, and the instalment’s release names it', async () => {
    const actions = await auditActions(reportId);
    // The saves while typing are gathered, one entry per person's run, sealed before the submission's.
    expect(actions.indexOf('report.draft_saved')).toBe(0);
    expect(actions.filter((a) => a !== 'report.draft_saved')).toEqual([
      'report.submitted',
      'report.completion_requested',
      'report.completion_answered',
      'report.approved',
    ]);
    // Each run of saves sealed before what followed it: before the submission, and within the completion round.
    const runs = actions.filter((a, i) => a !== 'report.draft_saved' || actions[i - 1] !== 'report.draft_saved');
    expect(runs).toEqual([
      'report.draft_saved',
      'report.submitted',
      'report.completion_requested',
      'report.draft_saved',
      'report.completion_answered',
      'report.approved',
    ]);
    const released = await t.db.kysely
      .selectFrom('audit_log')
      .select('data')
      .where('object_id', '=', agreementId)
      .where('action', '=', 'instalment.released')
      .executeTakeFirstOrThrow();
    expect(released.data).toMatchObject({ instalment: 2, amount: HALF, reportId });
  });
});

describe('due dates', () => {
  it('move with a reason the association sees; the planned date stays', async () => {
    const { final } = await reportsOf(w.caseworker, agreementId);
    const noReason = await w.caseworker.put(`/api/reports/${final.id}/due-date`, { dueOn: '2028-06-30', reason: '   ' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors[0]).toMatchObject({ field: 'reason', code: 'report_due_reason_required' });
    const past = await w.caseworker.put(`/api/reports/${final.id}/due-date`, { dueOn: addDays(today(), -1), reason: 'Fel.' });
    expect(past.status).toBe(422);
    expect(past.body.errors[0]).toMatchObject({ field: 'dueOn', code: 'date_in_past' });
    const moved = await w.caseworker.put(`/api/reports/${final.id}/due-date`, { dueOn: '2028-06-30', reason: 'Ledaren Åsa är föräldraledig.' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const seen = await get(org.member, final.id);
    expect(seen).toMatchObject({ dueOn: '2028-06-30', plannedDueOn: '2028-03-31', dueMovedReason: 'Ledaren Åsa är föräldraledig.' });
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .select(['reason', 'data'])
      .where('object_id', '=', final.id)
      .where('action', '=', 'report.due_moved')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ reason: 'Ledaren Åsa är föräldraledig.', data: { from: '2028-03-31', to: '2028-06-30' } });
  });

  it('flags a draft past its due date as overdue, in the report and the caseworker’s queue', async () => {
    const { final } = await reportsOf(w.caseworker, otherAgreementId);
    // Time passes: the date the report was due is now behind us.
    await t.db.kysely
      .updateTable('follow_up_reports')
      .set({ due_on: addDays(today(), -3) })
      .where('id', '=', final.id)
      .execute();
    expect((await get(other.member, final.id)).overdue).toBe(true);
    const work = (await w.caseworker.get('/api/me/work')).body.funders.find((f: { funderId: string }) => f.funderId === w.sn);
    const overdue = work.queues.find((q: { queue: string }) => q.queue === 'reports_overdue');
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(final.id);
    await t.db.kysely.updateTable('follow_up_reports').set({ due_on: final.dueOn }).where('id', '=', final.id).execute();
  });
});

describe('a recovery from the final report', () => {
  it('starts from a final report that is not approved, on the grounds that it was not reported', async () => {
    const { interim, final } = await reportsOf(w.caseworker, agreementId);
    expect(final.can.startRecovery).toBe(true);
    const body = { amount: 1_000_000, reasons: 'Slutrapporten har inte kommit in trots påminnelser.', decidedOn: today(), payBy: '2099-01-31' };
    const fromInterim = await w.caseworker.post(`/api/agreements/${agreementId}/recoveries`, { ...body, reportId: interim.id });
    expect(fromInterim.status).toBe(422);
    expect(fromInterim.body.errors[0]).toMatchObject({ field: 'reportId', code: 'recovery_report_not_final' });
    const res = await w.caseworker.post(`/api/agreements/${agreementId}/recoveries`, { ...body, reportId: final.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.grounds).toBe('unreported');
    const seen = await get(w.caseworker, final.id);
    expect(seen.recovery).toEqual({ id: res.body.id, number: res.body.number });
    expect(seen.can.startRecovery).toBe(false);
    const row = await t.db.kysely.selectFrom('recoveries').select('report_id').where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(row.report_id).toBe(final.id);
  });

  it('is refused from an approved final report', async () => {
    const { final } = await reportsOf(other.member, otherAgreementId);
    const content = {
      ...complete(final),
      spending: [{ ...final.content.spending[0], spent: ore(0), fromGrant: ore(0), explanation: 'Inget har använts än – Çağla.' }],
    };
    const saved = await other.member.put(`/api/reports/${final.id}`, { content, version: final.version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await other.member.post(`/api/reports/${final.id}/submit`, { version: saved.body.version })).status).toBe(200);
    expect((await w.caseworker.post(`/api/reports/${final.id}/approve`)).status).toBe(200);
    const res = await w.caseworker.post(`/api/agreements/${otherAgreementId}/recoveries`, {
      amount: 100_000,
      reasons: 'Slutrapporten saknas.',
      decidedOn: today(),
      payBy: '2099-01-31',
      reportId: final.id,
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ field: 'reportId', code: 'recovery_report_approved' });
    const noGrounds = await w.caseworker.post(`/api/agreements/${otherAgreementId}/recoveries`, {
      amount: 100_000,
      reasons: 'Medel har inte använts.',
      decidedOn: today(),
      payBy: '2099-01-31',
    });
    expect(noGrounds.status).toBe(422);
    expect(noGrounds.body.errors[0]).toMatchObject({ field: 'grounds', code: 'required' });
  });
});

describe('at the same moment', () => {
  it('two saves from the same version: one is kept, the other is told of it', async () => {
    const { interim } = await reportsOf(other.member, otherAgreementId);
    const save = (c: Client, worked: string) => c.put(`/api/reports/${interim.id}`, { content: { ...interim.content, worked }, version: interim.version });
    const answers = await atOnce(t, { text: 'select id from follow_up_reports where id = $1 for update', values: [interim.id] }, 2, () =>
      Promise.all([save(other.member, 'Łukasz skrev det här'), save(other.signatory, 'Çağla skrev det här')]),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await get(other.member, interim.id)).version).toBe(interim.version + 1);
  });

  it('two approvals of one report: it is approved once and the instalment released once', async () => {
    const { interim } = await reportsOf(other.member, otherAgreementId);
    const content = {
      ...complete(interim),
      spending: [{ ...interim.content.spending[0], spent: ore(0), fromGrant: ore(0), explanation: 'Inget har använts än.' }],
    };
    const saved = await other.member.put(`/api/reports/${interim.id}`, { content, version: interim.version });
    expect((await other.member.post(`/api/reports/${interim.id}/submit`, { version: saved.body.version })).status).toBe(200);
    const second = await w.user('Åsa Öberg', { role: 'caseworker' });
    const answers = await atOnce(t, { text: 'select id from follow_up_reports where id = $1 for update', values: [interim.id] }, 2, () =>
      Promise.all([w.caseworker.post(`/api/reports/${interim.id}/approve`), second.client.post(`/api/reports/${interim.id}/approve`)]),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await auditActions(interim.id)).filter((a) => a === 'report.approved')).toHaveLength(1);
  });
});
