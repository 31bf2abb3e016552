// What needs each staff member: the queues of GET /api/me/work, with counts, oldest first, per funder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInStockholm } from '../../src/domain/deadlines.ts';
import { Client, createTestApp, type TestApp } from '../support/app.ts';
import { allOk } from '../support/fixtures.ts';
import { submitApplication } from '../support/submit.ts';

let t: TestApp;
let sn: string;
let openCall: string;
const orgs: Record<string, string> = {};
const people: Record<string, Client> = {};

interface Queue {
  queue: string;
  count: number;
  items: { id: string; caseNumber: string | null; title: string | null; organisationName: string; since: string; link: string }[];
  all: string;
}

async function queues(who: string, funderId = sn): Promise<Record<string, Queue>> {
  const res = await people[who].get('/api/me/work?limit=10');
  expect(res.status).toBe(200);
  const funder = res.body.funders.find((f: { funderId: string }) => f.funderId === funderId);
  return Object.fromEntries((funder?.queues ?? []).map((q: Queue) => [q.queue, q]));
}

/** When the demo was in place: the mails of its own history are not this test's. */
let since: Date;

beforeAll(async () => {
  t = await createTestApp();
  since = new Date();
  sn = (await t.db.kysely.selectFrom('funders').select('id').where('case_prefix', '=', 'SN').executeTakeFirstOrThrow()).id;
  openCall = (await t.db.kysely.selectFrom('calls').select('id').where('title', '=', 'Extra föreningsstöd mot utanförskap').executeTakeFirstOrThrow()).id;
  for (const o of await t.db.kysely.selectFrom('organisations').select(['id', 'org_number']).execute()) orgs[o.org_number] = o.id;
  for (const email of [
    'handlaggare@norrkoping.example',
    'bedomare@norrkoping.example',
    'namnd@norrkoping.example',
    'admin@orebro.example',
    'forening@nattvandrarna.example',
    'lina@laxhjalpen.example',
  ]) {
    people[email] = new Client(t.app);
    await people[email].login(email);
  }
});
afterAll(() => t.close());

describe('the work queues', () => {
  it('are for signed-in people only, and empty of funders for an applicant', async () => {
    expect((await new Client(t.app).get('/api/me/work')).status).toBe(401);
    const applicant = await people['forening@nattvandrarna.example'].get('/api/me/work');
    expect(applicant.body).toEqual({ funders: [] });
  });

  it('show the demo: the approval waiting, the application to screen, the review assigned and the proposal to decide', async () => {
    const year = dateInStockholm(new Date()).slice(0, 4);
    const caseworker = await queues('handlaggare@norrkoping.example');
    expect(Object.keys(caseworker)).toEqual([
      'eligibility_approvals',
      'applications_to_screen',
      'completions_answered',
      'reports_to_review',
      'reports_overdue',
    ]);
    // The demo's 2022 agreements have reports past their due dates; each links to its report.
    expect(caseworker.reports_overdue.count).toBeGreaterThan(0);
    for (const item of caseworker.reports_overdue.items) expect(item.link).toBe(`/reports/${item.id}`);
    expect(caseworker.eligibility_approvals.count).toBe(1);
    expect(caseworker.eligibility_approvals.items[0]).toMatchObject({ organisationName: 'Matteus församling Norrköping', link: `/funders/${sn}/eligibility` });
    expect(caseworker.applications_to_screen.count).toBe(1);
    expect(caseworker.applications_to_screen.items[0]).toMatchObject({
      caseNumber: `SN ${year}/00002`,
      organisationName: 'Läxhjälpen i Hageby',
      title: 'Läxhjälp i Hageby hela läsåret',
    });
    expect(caseworker.completions_answered).toMatchObject({ count: 0, items: [] });
    const reviewer = await queues('bedomare@norrkoping.example');
    expect(reviewer.reviews_assigned.count).toBe(1);
    expect(reviewer.reviews_assigned.items[0]).toMatchObject({
      caseNumber: `SN ${year}/00001`,
      organisationName: 'Studieförbundet Vuxenskolan Östergötland',
      title: 'Läxläsning och nattfotboll i Ringdansen',
    });
    const committee = await queues('namnd@norrkoping.example');
    expect(Object.keys(committee)).toEqual(['proposals_to_decide']);
    expect(committee.proposals_to_decide.count).toBe(1);
    expect(committee.proposals_to_decide.items[0]).toMatchObject({
      id: reviewer.reviews_assigned.items[0].id,
      caseNumber: `SN ${year}/00001`,
      link: `/applications/${reviewer.reviews_assigned.items[0].id}/assessment#decision`,
    });
    // Everything in them happened before now.
    for (const q of [caseworker.applications_to_screen, reviewer.reviews_assigned, committee.proposals_to_decide])
      expect(Date.parse(q.items[0].since)).toBeLessThan(Date.now());
  });

  it('show the caseworker applications to screen oldest first, and completions answered, the reviewer and committee theirs', async () => {
    const before = await queues('handlaggare@norrkoping.example');
    expect(before.applications_to_screen.count).toBe(1);
    const waitingInDemo = before.applications_to_screen.items[0];
    expect(waitingInDemo.organisationName).toBe('Läxhjälpen i Hageby');

    const first = await submitApplication(people['forening@nattvandrarna.example'], openCall, orgs['802000-1239'], {
      title: 'Nattfotboll i Navestad',
      contact: { name: 'Fatima Föreningsaktiv', email: 'forening@nattvandrarna.example' },
    });
    const year = dateInStockholm(new Date()).slice(0, 4);
    // The demo's two applications this year took 00001 and 00002.
    expect(first.caseNumber).toBe(`SN ${year}/00003`);

    const received = await queues('handlaggare@norrkoping.example');
    expect(received.applications_to_screen.count).toBe(2);
    expect(received.applications_to_screen.items.map((i) => [i.caseNumber, i.organisationName, i.title, i.link])).toEqual([
      [`SN ${year}/00002`, 'Läxhjälpen i Hageby', 'Läxhjälp i Hageby hela läsåret', `/applications/${waitingInDemo.id}/assessment`],
      [first.caseNumber, 'Nattvandrarna Norrköping', 'Nattfotboll i Navestad', `/applications/${first.id}/assessment`],
    ]);
    expect(Date.parse(received.applications_to_screen.items[0].since)).toBeLessThanOrEqual(Date.parse(received.applications_to_screen.items[1].since));
    // The start page asks for a few: the count is still of them all.
    const few = await people['handlaggare@norrkoping.example'].get('/api/me/work?limit=1');
    const fewQueue = few.body.funders[0].queues.find((q: Queue) => q.queue === 'applications_to_screen');
    expect(fewQueue.count).toBe(2);
    expect(fewQueue.items.map((i: { id: string }) => i.id)).toEqual([waitingInDemo.id]);

    // Screened: gone from the queue. Asked for completion: waiting for the applicant, in no queue; answered: back for the caseworker.
    const caseworker = people['handlaggare@norrkoping.example'];
    expect((await caseworker.post(`/api/applications/${first.id}/screening`, allOk())).status).toBe(201);
    const asked = await caseworker.post(`/api/applications/${waitingInDemo.id}/completion-requests`, {
      message: 'Skicka med en budget per termin.',
      replyBy: dateInStockholm(new Date(Date.now() + 7 * 86_400_000)),
    });
    expect(asked.status).toBeLessThan(300);
    const waiting = await queues('handlaggare@norrkoping.example');
    expect(waiting.applications_to_screen.count).toBe(0);
    expect(waiting.completions_answered.count).toBe(0);
    const answered = await people['lina@laxhjalpen.example'].post(`/api/completion-requests/${asked.body.id}/answer`, {
      answer: 'Höstterminen 22 500 kr, vårterminen 22 500 kr.',
      files: [],
    });
    expect(answered.status).toBeLessThan(300);
    // The caseworker who asked is mailed at once (the default for answered completions).
    const told = await t.db.kysely
      .selectFrom('outbox')
      .select('subject')
      .where('to_address', '=', 'handlaggare@norrkoping.example')
      .where('created_at', '>=', since)
      .execute();
    expect(told.map((m) => m.subject)).toEqual([`Sökanden har svarat på en begäran om komplettering: ${waitingInDemo.caseNumber}`]);
    const back = await queues('handlaggare@norrkoping.example');
    expect(back.completions_answered.items.map((i) => i.id)).toEqual([waitingInDemo.id]);

    // Assigned to review: the reviewer's queue, after the demo's older assignment; proposed: the committee's list of cases.
    const reviewers = (await caseworker.get(`/api/funders/${sn}/reviewers`)).body.reviewers as { userId: string; name: string }[];
    const bo = reviewers.find((r) => r.name === 'Bo Bedömare')?.userId;
    expect((await caseworker.put(`/api/applications/${first.id}/reviewers`, { reviewerIds: [bo] })).status).toBe(200);
    const review = await queues('bedomare@norrkoping.example');
    expect(Object.keys(review)).toEqual(['reviews_assigned']);
    expect(review.reviews_assigned).toMatchObject({ count: 2, all: '/reviews' });
    expect(review.reviews_assigned.items[0].caseNumber).toBe(`SN ${year}/00001`);
    expect(review.reviews_assigned.items[1]).toMatchObject({ id: first.id, link: `/applications/${first.id}/review` });

    const committeeBefore = await queues('namnd@norrkoping.example');
    expect(committeeBefore.proposals_to_decide.count).toBe(1);
    expect(committeeBefore.proposals_to_decide.items.map((i) => i.id)).not.toContain(first.id);
    expect((await caseworker.post(`/api/applications/${first.id}/proposal`, { amount: 9_000_000, reasons: 'Väl beskriven insats.' })).status).toBeLessThan(300);
    const committee = await queues('namnd@norrkoping.example');
    expect(committee.proposals_to_decide.count).toBe(2);
    expect(committee.proposals_to_decide.items[1]).toMatchObject({
      id: first.id,
      caseNumber: first.caseNumber,
      link: `/applications/${first.id}/assessment#decision`,
    });
  });

  it("never shows another funder's items", async () => {
    const res = await people['admin@orebro.example'].get('/api/me/work?limit=100');
    expect(res.body.funders.map((f: { funderName: string }) => f.funderName)).toEqual(['Kommunstyrelsen, Örebro kommun']);
    const items = res.body.funders.flatMap((f: { queues: Queue[] }) => f.queues.flatMap((q) => q.items));
    expect(items).toEqual([]);
    expect(res.body.funders[0].queues.map((q: Queue) => q.count)).toEqual([0, 0, 0, 0]);
  });
});
