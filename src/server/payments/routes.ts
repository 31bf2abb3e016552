import { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import { summary } from '../../domain/ledger.ts';
import { ore } from '../../domain/money.ts';
import { policy } from '../../domain/roles.ts';
import type { AppContext } from '../context.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Literals, Nullable, OreSchema, Uuid } from '../schemas.ts';
import { approveRun, locateRun } from './approve-run.ts';
import { cancelRun } from './cancel-run.ts';
import { RUN_FILES, type RunFileKind, runFile } from './files.ts';
import { prepareRun } from './prepare-run.ts';
import { AccountingSchema, OverdueReportSchema } from './schema.ts';
import { setLineAccounting, setPaymentSettings } from './set-payment-settings.ts';
import { confirmRunPaid, importBankFile, rejectPayment } from './settle-payments.ts';
import { dueInstalments, HOLDS, paymentSettings, runHeader, runPayments } from './store.ts';

const Params = Type.Object({ id: Uuid });
const DateString = Type.String({ maxLength: 10 });
const SettingsSchema = Type.Object(
  {
    debtorName: Type.String({ maxLength: 70 }),
    debtorOrgNumber: Type.String({ maxLength: 13 }),
    debtorAccount: Type.Object({ kind: Literals(['bankgiro', 'plusgiro', 'iban']), number: Type.String({ maxLength: 40 }) }, { additionalProperties: false }),
    debtorBic: Nullable(Type.String({ maxLength: 11 })),
    initiatingPartyId: Type.String({ maxLength: 35, description: 'The funder’s agreement id with its bank' }),
    initiatingPartyScheme: Type.String({ maxLength: 10, description: 'The scheme of that id as the bank’s guide names it, e.g. BANK or CUST' }),
    voucherSeries: Type.String({ maxLength: 10 }),
    creditAccount: Type.String({ maxLength: 4 }),
    defaultAccounting: AccountingSchema,
  },
  { additionalProperties: false },
);
const Hold = Nullable(Literals(HOLDS));
const DueView = Type.Object({
  id: Uuid,
  agreementId: Uuid,
  agreementNumber: Type.String(),
  applicationId: Uuid,
  organisationId: Uuid,
  organisationName: Type.String(),
  number: Type.Integer(),
  amount: OreSchema(),
  dueOn: Type.String(),
  lastReason: Nullable(Type.String()),
  accountKind: Nullable(Literals(['bankgiro', 'plusgiro'])),
  accountNumber: Nullable(Type.String()),
  hold: Hold,
  left: Nullable(OreSchema()),
  overdueReport: Nullable(OverdueReportSchema),
});
const RunStatus = Literals(['prepared', 'approved', 'cancelled']);
const RunSummary = Type.Object({
  id: Uuid,
  funderId: Uuid,
  number: Type.String(),
  status: RunStatus,
  executionDate: Type.String(),
  count: Type.Integer(),
  total: OreSchema(),
  preparedBy: Type.String(),
  preparedById: Uuid,
  preparedAt: Type.String({ format: 'date-time' }),
  approvedBy: Nullable(Type.String()),
  approvedAt: Nullable(Type.String({ format: 'date-time' })),
  files: Nullable(Type.Object({ pain001: Type.String(), sie: Type.String(), csv: Type.String() }, { description: 'SHA-256 of each file as sent' })),
  counts: Type.Object({ in_run: Type.Integer(), sent: Type.Integer(), paid: Type.Integer(), rejected: Type.Integer() }),
  mayApprove: Type.Boolean(),
});
const PaymentView = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  endToEndId: Type.String(),
  organisationName: Type.String(),
  agreementNumber: Type.String(),
  accountKind: Literals(['bankgiro', 'plusgiro']),
  accountNumber: Type.String(),
  amount: OreSchema(),
  status: Literals(['in_run', 'sent', 'paid', 'rejected', 'withdrawn']),
  reason: Nullable(Type.String()),
  settledOn: Nullable(Type.String()),
});
const SettleResult = Type.Object({ paid: Type.Integer(), rejected: Type.Integer(), unchanged: Type.Integer(), unknown: Type.Array(Type.String()) });

/** Payments: finance's settings, what is due, runs with two attests, their files and what the bank answered. */
export function paymentRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  const asStaff = (user: ReturnType<typeof requireUser>, funderId: string) => {
    if (!policy.readFunder(user, funderId)) throw new Problem(404, 'not_found');
  };

  async function runView(user: ReturnType<typeof requireUser>, runId: string) {
    const funderId = await locateRun(ctx, user, runId);
    return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
      const r = await tx
        .selectFrom('payment_runs as r')
        .innerJoin('users as p', 'p.id', 'r.prepared_by')
        .leftJoin('users as a', 'a.id', 'r.approved_by')
        .selectAll('r')
        .select(['p.name as prepared_name', 'a.name as approved_name'])
        .where('r.id', '=', runId)
        .executeTakeFirstOrThrow();
      const counts = await tx
        .selectFrom('payments')
        .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
        .where('run_id', '=', runId)
        .groupBy('status')
        .execute();
      const count = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
      return {
        id: r.id,
        funderId: r.funder_id,
        number: r.number,
        status: r.status,
        executionDate: r.execution_date,
        count: r.count,
        total: r.total,
        preparedBy: r.prepared_name,
        preparedById: r.prepared_by,
        preparedAt: r.prepared_at.toISOString(),
        approvedBy: r.approved_name,
        approvedAt: r.approved_at?.toISOString() ?? null,
        files: r.files,
        counts: { in_run: count('in_run'), sent: count('sent'), paid: count('paid'), rejected: count('rejected') },
        mayApprove: r.status === 'prepared' && r.prepared_by !== user.userId && policy.managePayments(user, funderId),
      };
    });
  }

  app.get(
    '/api/funders/:id/payment-settings',
    {
      schema: {
        tags: ['payments'],
        summary: 'The funder’s bank and accounting settings for payment files (staff)',
        params: Params,
        response: { 200: Type.Object({ settings: Nullable(SettingsSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      asStaff(user, request.params.id);
      return scoped(ctx.db, scopeOf(user, request.params.id), async (tx) => ({ settings: await paymentSettings(tx, request.params.id) }));
    },
  );

  app.put(
    '/api/funders/:id/payment-settings',
    {
      schema: {
        tags: ['payments'],
        summary: 'Set the funder’s bank identifiers and accounts for payment files (finance or administrator)',
        params: Params,
        body: SettingsSchema,
        response: { 200: Type.Object({ settings: Nullable(SettingsSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      asStaff(user, request.params.id);
      await setPaymentSettings(ctx, user, request.params.id, request.body);
      return scoped(ctx.db, scopeOf(user, request.params.id), async (tx) => ({ settings: await paymentSettings(tx, request.params.id) }));
    },
  );

  app.put(
    '/api/budget-lines/:id/accounting',
    {
      schema: {
        tags: ['payments'],
        summary: 'Where a budget line’s payments are booked: account and objects (finance or caseworker); null for the funder’s default',
        params: Params,
        body: Type.Object({ accounting: Nullable(AccountingSchema) }, { additionalProperties: false }),
        response: { 200: Type.Object({ accounting: Nullable(AccountingSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      await setLineAccounting(ctx, requireUser(request), request.params.id, request.body.accounting);
      return { accounting: request.body.accounting };
    },
  );

  app.get(
    '/api/funders/:id/payments/due',
    {
      schema: {
        tags: ['payments'],
        summary:
          'Instalments due by a day (default today), each with what holds it back: no verified account, an account change waiting, an overdue follow-up report, or more than is left of the grant',
        params: Params,
        querystring: Type.Object({ by: Type.Optional(DateString) }),
        response: { 200: Type.Object({ by: Type.String(), due: Type.Array(DueView), total: OreSchema(), ready: Type.Integer() }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      asStaff(user, request.params.id);
      const by = request.query.by || new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
      const due = await scoped(ctx.db, scopeOf(user, request.params.id), (tx) => dueInstalments(tx, request.params.id, by));
      const ready = due.filter((d) => !d.hold);
      return {
        by,
        due: due.map(({ orgNumber: _o, accountId: _a, accounting: _c, ...d }) => d),
        total: ore(ready.reduce((s, d) => s + d.amount, 0)),
        ready: ready.length,
      };
    },
  );

  app.get(
    '/api/funders/:id/payment-runs',
    {
      schema: {
        tags: ['payments'],
        summary: 'The funder’s payment runs, newest first (staff)',
        params: Params,
        response: { 200: Type.Object({ runs: Type.Array(RunSummary) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      asStaff(user, request.params.id);
      const ids = await scoped(ctx.db, scopeOf(user, request.params.id), (tx) =>
        tx.selectFrom('payment_runs').select('id').where('funder_id', '=', request.params.id).orderBy('prepared_at', 'desc').limit(100).execute(),
      );
      const runs = [];
      for (const r of ids) runs.push(await runView(user, r.id));
      return { runs };
    },
  );

  app.post(
    '/api/funders/:id/payment-runs',
    {
      schema: {
        tags: ['payments'],
        summary:
          'Prepare a payment run of what is due by the execution date, with nothing held back (finance: the first attest). Give instalmentIds to take only some.',
        params: Params,
        body: Type.Object({ executionDate: DateString, instalmentIds: Type.Optional(Type.Array(Uuid, { maxItems: 20000 })) }, { additionalProperties: false }),
        response: { 201: RunSummary, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      asStaff(user, request.params.id);
      const run = await prepareRun(ctx, user, request.params.id, request.body);
      reply.code(201);
      return runView(user, run.id);
    },
  );

  app.get(
    '/api/payment-runs/:id',
    {
      schema: {
        tags: ['payments'],
        summary: 'A payment run and its payments',
        params: Params,
        response: { 200: Type.Object({ run: RunSummary, payments: Type.Array(PaymentView) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const run = await runView(user, request.params.id);
      const funderId = await locateRun(ctx, user, request.params.id);
      const payments = await scoped(ctx.db, scopeOf(user, funderId), (tx) =>
        tx.selectFrom('payments').selectAll().where('run_id', '=', request.params.id).orderBy('position').limit(5000).execute(),
      );
      return {
        run,
        payments: payments.map((p) => ({
          id: p.id,
          position: p.position,
          endToEndId: p.end_to_end_id,
          organisationName: p.payee_name,
          agreementNumber: p.agreement_number,
          accountKind: p.account_kind,
          accountNumber: p.account_number,
          amount: p.amount,
          status: p.status,
          reason: [p.reason_code, p.reason_text].filter(Boolean).join(': ') || null,
          settledOn: p.settled_on,
        })),
      };
    },
  );

  app.post(
    '/api/payment-runs/:id/approve',
    {
      schema: {
        tags: ['payments'],
        summary: 'Approve a prepared run (finance, someone other than who prepared it: the second attest). Its payments are sent and its files can be fetched.',
        params: Params,
        response: { 200: RunSummary, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await approveRun(ctx, user, request.params.id);
      return runView(user, request.params.id);
    },
  );

  app.post(
    '/api/payment-runs/:id/cancel',
    {
      schema: {
        tags: ['payments'],
        summary: 'Cancel a prepared run (finance); its instalments are due again',
        params: Params,
        body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 200: RunSummary, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await cancelRun(ctx, user, request.params.id, request.body.reason ?? null);
      return runView(user, request.params.id);
    },
  );

  app.post(
    '/api/payment-runs/:id/confirm',
    {
      schema: {
        tags: ['payments'],
        summary: 'Confirm that the run’s sent payments have been paid (finance)',
        params: Params,
        body: Type.Object({ paidOn: DateString }, { additionalProperties: false }),
        response: { 200: SettleResult, ...errorResponses },
      },
    },
    async (request) => confirmRunPaid(ctx, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/api/payments/:id/reject',
    {
      schema: {
        tags: ['payments'],
        summary: 'Record that the bank rejected a sent payment, with its reason (finance); the instalment is due again',
        params: Params,
        body: Type.Object({ reason: Type.String({ maxLength: 500 }) }, { additionalProperties: false }),
        response: { 200: SettleResult, ...errorResponses },
      },
    },
    async (request) => rejectPayment(ctx, requireUser(request), request.params.id, request.body),
  );

  app.post(
    '/api/funders/:id/bank-files',
    {
      schema: {
        tags: ['payments'],
        summary: 'Import the bank’s answer: a status report (pain.002) marks rejections, a debit notification (camt.054) marks payments paid (finance)',
        params: Params,
        body: Type.Object({ content: Type.String({ maxLength: 20_000_000, description: 'The XML file as text' }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ kind: Literals(['pain.002', 'camt.054']), ...SettleResult.properties }), ...errorResponses },
      },
      bodyLimit: 25 * 1024 * 1024,
    },
    async (request) => {
      const user = requireUser(request);
      asStaff(user, request.params.id);
      return importBankFile(ctx, user, request.params.id, request.body);
    },
  );

  app.get(
    '/api/payment-runs/:id/files/:kind',
    {
      schema: {
        tags: ['payments'],
        summary:
          'A file of an approved run, written again from its payments: pain001 (ISO 20022 credit transfers for the bank), sie (SIE 4I bookings, code page 437) or csv (docs/payments-csv.md). Byte-identical to the file sent; its SHA-256 is in the run.',
        params: Type.Object({ id: Uuid, kind: Literals(['pain001', 'sie', 'csv']) }),
        response: { 200: Type.String({ description: 'the file' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const funderId = await locateRun(ctx, user, request.params.id);
      if (!policy.managePayments(user, funderId)) throw new Problem(403, 'forbidden');
      const run = await scoped(ctx.db, scopeOf(user, funderId), (tx) =>
        tx.selectFrom('payment_runs').selectAll().where('id', '=', request.params.id).executeTakeFirstOrThrow(),
      );
      if (run.status !== 'approved' || !run.settings) throw new Problem(409, 'run_not_approved');
      const kind = request.params.kind as RunFileKind;
      const read = <T>(fn: (tx: Parameters<Parameters<typeof scoped>[2]>[0]) => Promise<T>) => scoped(ctx.db, scopeOf(user, funderId), fn);
      const chunks = runFile(kind, runHeader(run), run.settings, runPayments(read, run.id));
      const body = Readable.from(
        (async function* () {
          for await (const c of chunks) yield typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c);
        })(),
      );
      return reply
        .type(RUN_FILES[kind].type)
        .header('content-disposition', `attachment; filename="${RUN_FILES[kind].name(run.number)}"`)
        .send(body);
    },
  );

  app.get(
    '/api/funders/:id/ledger',
    {
      schema: {
        tags: ['payments'],
        summary: 'The ledger summed per budget line, call, agreement or organisation: granted, committed, paid, recovered, owed and left to pay (staff)',
        params: Params,
        querystring: Type.Object({ by: Literals(['budget_line', 'call', 'agreement', 'organisation']) }),
        response: {
          200: Type.Object({
            rows: Type.Array(
              Type.Object({
                id: Nullable(Uuid),
                label: Type.String(),
                granted: OreSchema(),
                committed: OreSchema(),
                paid: OreSchema(),
                recovered: OreSchema(),
                owed: OreSchema(),
                remaining: OreSchema(),
                balanced: Type.Boolean({ description: 'The row’s entries sum to zero, as every journal does' }),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      asStaff(user, request.params.id);
      return scoped(ctx.db, scopeOf(user, request.params.id), async (tx) => ({ rows: await ledgerRows(tx, request.params.id, request.query.by) }));
    },
  );
}

async function ledgerRows(tx: Parameters<Parameters<typeof scoped>[2]>[0], funderId: string, by: 'budget_line' | 'call' | 'agreement' | 'organisation') {
  // An agreement's ledger is its application's: the grant was booked before the agreement was drafted.
  const column = { budget_line: 'l.budget_line_id', call: 'l.call_id', agreement: 'l.application_id', organisation: 'l.organisation_id' }[by] as 'l.call_id';
  const rows = await tx
    .selectFrom('ledger_entries as l')
    .select([`${column} as key` as 'l.call_id', 'l.account', (eb) => eb.fn.sum<string | number>('l.amount').as('sum')])
    .where('l.funder_id', '=', funderId)
    .groupBy([column, 'l.account'])
    .execute();
  const grouped = new Map<string | null, Record<string, number>>();
  for (const r of rows as unknown as { key: string | null; account: string; sum: string | number }[]) {
    const b = grouped.get(r.key) ?? { budget: 0, granted: 0, committed: 0, paid: 0, receivable: 0, recovered: 0 };
    b[r.account] = Number(r.sum);
    grouped.set(r.key, b);
  }
  const ids = [...grouped.keys()].filter((k): k is string => !!k);
  const labels = new Map<string, string>();
  const agreementOf = new Map<string, string>();
  if (ids.length) {
    const found =
      by === 'budget_line'
        ? await tx.selectFrom('budget_lines').select(['id', 'name as label']).where('id', 'in', ids).execute()
        : by === 'call'
          ? await tx.selectFrom('calls').select(['id', 'title as label']).where('id', 'in', ids).execute()
          : by === 'agreement'
            ? await tx
                .selectFrom('agreements as g')
                .innerJoin('organisations as o', 'o.id', 'g.organisation_id')
                .select(['g.application_id as id', 'g.id as agreement_id', sql<string>`g.number || ' ' || o.name`.as('label')])
                .where('g.application_id', 'in', ids)
                .execute()
            : await tx.selectFrom('organisations').select(['id', 'name as label']).where('id', 'in', ids).execute();
    for (const f of found) labels.set(f.id, String(f.label));
    if (by === 'agreement') for (const f of found as unknown as { id: string; agreement_id: string }[]) agreementOf.set(f.id, f.agreement_id);
  }
  return [...grouped.entries()]
    .filter(([id]) => by !== 'agreement' || (id && agreementOf.has(id)))
    .map(([key, b]) => {
      const id = by === 'agreement' && key ? (agreementOf.get(key) ?? null) : key;
      const s = summary({
        budget: ore(b.budget),
        granted: ore(b.granted),
        committed: ore(b.committed),
        paid: ore(b.paid),
        receivable: ore(b.receivable),
        recovered: ore(b.recovered),
      });
      return { id, label: key ? (labels.get(key) ?? '') : '', ...s, balanced: Object.values(b).reduce((x, y) => x + y, 0) === 0 };
    })
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
}
