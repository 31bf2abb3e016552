import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { audit, auditCtes } from '../../db/audit.ts';
import type { Tx } from '../../db/connection.ts';
import { scoped } from '../../db/scope.ts';
import { receiptPdf } from '../../documents/receipt.ts';
import { selfCheck } from '../../domain/applications/rules.ts';
import { type ApplicationContent, documentsOf, emptyContent } from '../../domain/applications/types.ts';
import { callWindow } from '../../domain/calls/rules.ts';
import type { CallRules } from '../../domain/calls/types.ts';
import { dateInStockholm, phaseAt } from '../../domain/deadlines.ts';
import { formatKronor } from '../../domain/money.ts';
import { type LegalForm, normaliseOrgNumber } from '../../domain/organisation.ts';
import { policy } from '../../domain/roles.ts';
import { translate } from '../../i18n/messages.ts';
import { isCurrent } from '../budget/guard.ts';
import type { AppContext } from '../context.ts';
import { eligibleUntil, organisationMembers } from '../eligibility/store.ts';
import { grantFiles } from '../files/store.ts';
import { enqueueDelivery, outboxRows } from '../mail/outbox.ts';
import { requireUser, type SignedInUser, scopeOf } from '../plugins/session.ts';
import { Problem, rulesProblem } from '../problem.ts';
import { errorResponses, Nullable, RefTo, Uuid } from '../schemas.ts';
import { type ApplicationRow, inScope, type Located, locate, requireApplicant } from './access.ts';
import { presentRound } from './present.ts';
import { ApplicationContentSchema, ApplicationView } from './schema.ts';

const actor = (u: SignedInUser) => ({ userId: u.userId, label: u.email });
const Params = Type.Object({ id: Uuid });

interface CallInfo {
  id: string;
  funderId: string;
  funderName: string;
  casePrefix: string;
  title: string;
  status: string;
  rules: CallRules;
}

async function callInfo(tx: Tx, callId: string): Promise<CallInfo> {
  const row = await tx
    .selectFrom('calls')
    .innerJoin('funders', 'funders.id', 'calls.funder_id')
    .select(['calls.id', 'calls.funder_id', 'funders.name', 'funders.case_prefix', 'calls.title', 'calls.status', 'calls.rules'])
    .where('calls.id', '=', callId)
    .executeTakeFirst();
  if (row?.status !== 'published') throw new Problem(404, 'not_found');
  return { id: row.id, funderId: row.funder_id, funderName: row.name, casePrefix: row.case_prefix, title: row.title, status: row.status, rules: row.rules };
}

/** Why a call cannot take a submission now, as a problem naming the dates. */
function closedProblem(rules: CallRules, now: Date): Problem | null {
  if (!rules.opensOn || !rules.deadline) return new Problem(409, 'call_not_open');
  const phase = phaseAt(rules.opensOn, rules.deadline, now);
  if (phase === 'closed') return new Problem(409, 'deadline_passed', { deadline: rules.deadline });
  if (phase === 'upcoming') return new Problem(409, 'call_upcoming', { opensOn: rules.opensOn });
  return null;
}

const ELIGIBILITY_CODES = { call_open: 'call_not_open', legal_form: 'legal_form_not_eligible', eligibility_approval: 'eligibility_approval_missing' } as const;

async function view(tx: Tx, row: ApplicationRow, access: Located['access']) {
  const call = await callInfo(tx, row.call_id);
  const updatedBy = row.updated_by ? await tx.selectFrom('users').select('name').where('id', '=', row.updated_by).executeTakeFirst() : undefined;
  const rounds = await tx.selectFrom('completion_requests').selectAll().where('application_id', '=', row.id).orderBy('created_at').execute();
  const decided = await tx.selectFrom('decisions').select('id').where('application_id', '=', row.id).limit(1).executeTakeFirst();
  const window = callWindow(call.rules);
  return {
    id: row.id,
    callId: row.call_id,
    callTitle: call.title,
    funderId: row.funder_id,
    funderName: call.funderName,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    status: row.status,
    version: row.version,
    // Staff read what was received; the applicant reads the latest.
    content: access === 'staff' && row.submitted_content ? row.submitted_content : row.content,
    caseNumber: row.case_number,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: updatedBy?.name ?? null,
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    decided: Boolean(decided),
    deadline: call.rules.deadline,
    closesAt: window ? window.closesAt.toISOString() : null,
    access,
    completionRequests: rounds.map(presentRound),
  };
}

/** Links co-applicants registered in Samverka, so their members can read the application. */
async function syncPartners(tx: Tx, row: ApplicationRow, content: ApplicationContent) {
  const numbers = content.partners.map((p) => normaliseOrgNumber(p.orgNumber)).filter((n): n is string => !!n);
  await tx.deleteFrom('application_partners').where('application_id', '=', row.id).execute();
  if (!numbers.length) return;
  const orgs = await tx.selectFrom('organisations').select('id').where('org_number', 'in', numbers).where('id', '!=', row.organisation_id).execute();
  if (orgs.length) {
    await tx
      .insertInto('application_partners')
      .values(orgs.map((o) => ({ application_id: row.id, organisation_id: o.id, funder_id: row.funder_id })))
      .execute();
  }
}

export function applicationRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(ApplicationContentSchema);

  app.post(
    '/api/calls/:callId/applications',
    {
      schema: {
        tags: ['applications'],
        summary: "Start an application to an open call for one of the user's organisations (or continue its draft)",
        params: Type.Object({ callId: Uuid }),
        body: Type.Object({ organisationId: Uuid }, { additionalProperties: false }),
        response: { 200: ApplicationView, 201: ApplicationView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { callId } = request.params;
      const { organisationId } = request.body;
      if (!policy.actForOrganisation(user, organisationId)) throw new Problem(403, 'forbidden');
      const result = await scoped(ctx.db, scopeOf(user), async (tx) => {
        const call = await callInfo(tx, callId);
        const closed = closedProblem(call.rules, new Date());
        if (closed) throw closed;
        const existing = await tx
          .selectFrom('applications')
          .selectAll()
          .where('call_id', '=', callId)
          .where('organisation_id', '=', organisationId)
          .where('status', '!=', 'withdrawn')
          .executeTakeFirst();
        if (existing) {
          if (existing.status !== 'draft') throw new Problem(409, 'application_exists');
          return { created: false, body: await view(tx, existing, 'applicant') };
        }
        const org = await tx.selectFrom('organisations').select('name').where('id', '=', organisationId).executeTakeFirstOrThrow();
        const content: ApplicationContent = { ...emptyContent(), contacts: [{ name: user.name, email: user.email, phone: '' }] };
        const row = await tx
          .insertInto('applications')
          .values({
            funder_id: call.funderId,
            call_id: callId,
            organisation_id: organisationId,
            organisation_name: org.name,
            content: JSON.stringify(content),
            created_by: user.userId,
            updated_by: user.userId,
            updated_at: new Date(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(tx, actor(user), {
          action: 'application.started',
          objectType: 'application',
          objectId: row.id,
          funderId: call.funderId,
          organisationId,
          data: { callId },
        });
        return { created: true, body: await view(tx, row, 'applicant') };
      });
      reply.code(result.created ? 201 : 200);
      return result.body;
    },
  );

  app.get(
    '/api/organisations/:organisationId/applications',
    {
      schema: {
        tags: ['applications'],
        summary: "The organisation's applications, and those it takes part in as co-applicant",
        params: Type.Object({ organisationId: Uuid }),
        response: {
          200: Type.Object({
            applications: Type.Array(
              Type.Object({
                id: Uuid,
                callId: Uuid,
                callTitle: Type.String(),
                funderName: Type.String(),
                organisationName: Type.String(),
                role: Type.Union([Type.Literal('applicant'), Type.Literal('partner')]),
                status: Type.String(),
                title: Type.String(),
                caseNumber: Nullable(Type.String()),
                amountRequested: Type.Integer(),
                deadline: Nullable(Type.String()),
                updatedAt: Type.String({ format: 'date-time' }),
                /** The current decision, once there is one. */
                decision: Nullable(Type.Object({ outcome: Type.String(), amount: Type.Integer() })),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { organisationId } = request.params;
      if (!policy.actForOrganisation(user, organisationId)) throw new Problem(403, 'forbidden');
      const rows = await scoped(ctx.db, scopeOf(user), (tx) =>
        tx
          .selectFrom('applications')
          .innerJoin('calls', 'calls.id', 'applications.call_id')
          .innerJoin('funders', 'funders.id', 'applications.funder_id')
          .select([
            'applications.id',
            'applications.call_id',
            'calls.title as callTitle',
            'calls.deadline',
            'funders.name as funderName',
            'applications.organisation_id',
            'applications.organisation_name',
            'applications.status',
            'applications.title',
            'applications.case_number',
            'applications.amount_requested',
            'applications.updated_at',
            sql<{ outcome: string; amount: number } | null>`(select jsonb_build_object('outcome', d.outcome, 'amount', d.amount) from decisions d
              where d.application_id = applications.id and ${isCurrent})`.as('decision'),
          ])
          .where((eb) =>
            eb.or([
              eb('applications.organisation_id', '=', organisationId),
              eb('applications.id', 'in', eb.selectFrom('application_partners').select('application_id').where('organisation_id', '=', organisationId)),
            ]),
          )
          .orderBy('applications.updated_at', 'desc')
          .execute(),
      );
      return {
        applications: rows.map((r) => ({
          id: r.id,
          callId: r.call_id,
          callTitle: r.callTitle,
          funderName: r.funderName,
          organisationName: r.organisation_name,
          role: r.organisation_id === organisationId ? ('applicant' as const) : ('partner' as const),
          status: r.status,
          title: r.title,
          caseNumber: r.case_number,
          amountRequested: r.amount_requested,
          deadline: r.deadline,
          updatedAt: r.updated_at.toISOString(),
          decision: r.decision,
        })),
      };
    },
  );

  app.get(
    '/api/applications/:id',
    {
      schema: {
        tags: ['applications'],
        summary: 'One application with its completion rounds',
        params: Params,
        response: { 200: ApplicationView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const located = await locate(ctx, user, id);
      return inScope(ctx, located, async (tx) =>
        view(tx, await tx.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow(), located.access),
      );
    },
  );

  app.put(
    '/api/applications/:id',
    {
      schema: {
        tags: ['applications'],
        summary: 'Save a draft. Send the version you started from: if someone saved since, 409 edit_conflict returns their version in details.current',
        params: Params,
        body: Type.Object({ content: RefTo(ApplicationContentSchema), version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
        response: { 200: ApplicationView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const { content, version } = request.body;
      const located = await locate(ctx, user, id);
      requireApplicant(located);
      return inScope(ctx, located, async (tx) => {
        const row = await tx.selectFrom('applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
        if (row.status !== 'draft') throw new Problem(409, 'application_not_draft');
        if (row.version !== version) {
          const current = await view(tx, row, 'applicant');
          const at = (lang: 'sv' | 'en') =>
            row.updated_at.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' });
          const name = current.updatedBy ?? { sv: 'Någon annan', en: 'Someone else' };
          throw new Problem(409, 'edit_conflict', { name, at: { sv: at('sv'), en: at('en') } }, [], { current });
        }
        const saved = await tx
          .updateTable('applications')
          .set({
            content: JSON.stringify(content),
            title: content.title.trim(),
            amount_requested: content.amountRequested,
            version: row.version + 1,
            updated_by: user.userId,
            updated_at: new Date(),
          })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await syncPartners(tx, saved, content);
        const before = row.content as unknown as Record<string, unknown>;
        // Compared as values: the database keeps JSON objects' keys in an order of its own.
        const changed = Object.keys(content).filter((k) => !isDeepStrictEqual(before[k], content[k as keyof ApplicationContent]));
        await audit(tx, actor(user), {
          action: 'application.draft_saved',
          objectType: 'application',
          objectId: id,
          funderId: located.funderId,
          organisationId: located.organisationId,
          data: { version: saved.version, changed },
        });
        return view(tx, saved, 'applicant');
      });
    },
  );

  const CheckResult = Type.Object({
    ready: Type.Boolean(),
    eligibility: Type.Array(Type.Object({ rule: Type.String(), ok: Type.Boolean(), code: Type.String(), message: Type.String() })),
    problems: Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() })),
  });

  app.get(
    '/api/applications/:id/check',
    {
      schema: {
        tags: ['applications'],
        summary: "The self-check before submission: the call's rules for the organisation, and what the application still lacks, each explained",
        params: Params,
        response: { 200: CheckResult, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const located = await locate(ctx, user, id);
      const { check } = await inScope(ctx, located, (tx) => checkApplication(tx, located, new Date()));
      const problem = rulesProblem(check.problems);
      const lang = request.lang;
      return {
        ready: check.ready,
        eligibility: check.eligibility.map((r) => {
          const code = r.ok ? 'ok' : r.rule === 'call_open' && r.params?.phase === 'closed' ? 'deadline_passed' : ELIGIBILITY_CODES[r.rule];
          return {
            rule: r.rule,
            ok: r.ok,
            code,
            message: code === 'ok' ? '' : translate(code as 'deadline_passed', lang, { deadline: r.params?.deadline, opensOn: r.params?.opensOn }),
          };
        }),
        problems: problem.fields.map((f) => ({ field: f.field, code: f.code, message: translate(f.code, lang, f.params) })),
      };
    },
  );

  app.post(
    '/api/applications/:id/submit',
    {
      schema: {
        tags: ['applications'],
        summary:
          'Submit: the deadline is checked on the server, a case number in the funder’s series is given, the version is frozen, and a receipt is mailed. A retry returns the first answer.',
        params: Params,
        response: {
          200: Type.Object({ id: Uuid, caseNumber: Type.String(), submittedAt: Type.String({ format: 'date-time' }), receiptUrl: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const key = request.headers['idempotency-key'];
      const located = await locate(ctx, user, id);
      requireApplicant(located);
      const members = await organisationMembers(ctx, located.organisationId);
      return inScope(ctx, located, async (tx) => {
        const now = new Date();
        // The row lock makes a double click or a retried request wait for the first, then see it done.
        const { row, check, call } = await checkApplication(tx, located, now, true);
        const done = (r: ApplicationRow) => ({
          id: r.id,
          caseNumber: r.case_number as string,
          submittedAt: (r.submitted_at as Date).toISOString(),
          receiptUrl: `/api/applications/${r.id}/receipt.pdf`,
        });
        if (row.status === 'submitted') return done(row);
        if (row.status === 'withdrawn') throw new Problem(409, 'application_withdrawn');
        const failed = check.eligibility.find((r) => !r.ok);
        if (failed?.rule === 'call_open') throw closedProblem(call.rules, now) ?? new Problem(409, 'call_not_open');
        if (failed) throw new Problem(422, ELIGIBILITY_CODES[failed.rule]);
        if (check.problems.length) throw rulesProblem(check.problems, 'application_incomplete');
        // What was submitted is the funder's to read: the organisation's own documents, and nothing else.
        const documents = documentsOf(row.content, call.rules.questions);
        const fileIds = [...new Set(documents.map((d) => d.fileId))];
        const owned = fileIds.length
          ? await tx.selectFrom('files').select('id').where('id', 'in', fileIds).where('organisation_id', '=', row.organisation_id).execute()
          : [];
        const unknown = documents.filter((d) => !owned.some((o) => o.id === d.fileId));
        if (unknown.length)
          throw new Problem(
            422,
            'application_incomplete',
            {},
            unknown.map((d) => ({ field: d.field, code: 'file_unknown' as const })),
          );
        await grantFiles(tx, fileIds, call.funderId);
        // The mails first: their texts carry the case number as a marker the final statement fills in.
        const marker = `case-number-${randomUUID()}`;
        const recipients = new Map<string, string>();
        for (const m of members) recipients.set(m.email.toLowerCase(), m.locale);
        for (const c of row.content.contacts)
          if (c.email.trim()) recipients.set(c.email.trim().toLowerCase(), recipients.get(c.email.trim().toLowerCase()) ?? 'sv');
        const url = `${ctx.config.publicUrl}/applications/${id}`;
        const texts = {
          sv: receiptMail('sv', { caseNumber: marker, call, row, at: now, url }),
          en: receiptMail('en', { caseNumber: marker, call, row, at: now, url }),
        };
        const mails = outboxRows([...recipients].map(([to, locale]) => ({ to, ...texts[locale === 'en' ? 'en' : 'sv'] })));
        await enqueueDelivery(ctx, tx, mails);
        // One statement from taking the funder's case-number series and the audit chain's head to
        // commit: the next case number, the frozen version, the receipt mails and the audit entry.
        // Those locks serialise every submission, so they are held for this statement and the commit only.
        const year = Number(dateInStockholm(now).slice(0, 4));
        const caseNumber = sql<string>`(select case_number from submitted)`;
        const result = await sql<{ case_number: string }>`
          with submitted as (
            update applications
            set status = 'submitted',
                case_number = series_label(${call.casePrefix}, 'application', ${year}, next_number(${call.funderId}, 'application', ${year})),
                submitted_at = ${now}, submitted_content = content, submit_key = ${typeof key === 'string' ? key : null},
                updated_at = ${now}, updated_by = ${user.userId}
            where id = ${id}
            returning case_number
          ),
          mails as (
            insert into outbox (id, to_address, subject, body_text, funder_id)
            select m.id, m.to_address, replace(m.subject, ${marker}, s.case_number), replace(m.body_text, ${marker}, s.case_number), m.funder_id
            from submitted s cross join jsonb_to_recordset(${JSON.stringify(mails)}::jsonb) as m(id uuid, to_address text, subject text, body_text text, funder_id uuid)
          ),
          ${auditCtes(
            actor(user),
            {
              action: 'application.submitted',
              objectType: 'application',
              objectId: id,
              funderId: call.funderId,
              organisationId: row.organisation_id,
              data: { caseNumber: marker, amountRequested: row.content.amountRequested, version: row.version },
            },
            { marker, value: caseNumber },
          )}
          select case_number from submitted`.execute(tx);
        const submitted = { ...row, case_number: result.rows[0]?.case_number ?? null, submitted_at: now };
        return done(submitted);
      });
    },
  );

  app.get(
    '/api/applications/:id/receipt.pdf',
    {
      schema: {
        tags: ['applications'],
        summary: 'The receipt of a submitted application as a PDF, with what was submitted (Swedish; ?lang=en for English)',
        params: Params,
        querystring: Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('sv'), Type.Literal('en')])) }),
        response: { 200: Type.Unknown({ description: 'application/pdf' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { id } = request.params;
      const { lang } = request.query;
      const located = await locate(ctx, user, id);
      const data = await inScope(ctx, located, async (tx) => {
        const row = await tx.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        if (row.status === 'draft' || !row.submitted_content || !row.case_number || !row.submitted_at) throw new Problem(404, 'not_found');
        return { row, call: await callInfo(tx, row.call_id) };
      });
      const pdf = await receiptPdf(lang ?? request.lang, {
        funderName: data.call.funderName,
        callTitle: data.call.title,
        caseNumber: data.row.case_number as string,
        submittedAt: data.row.submitted_at as Date,
        organisationName: data.row.organisation_name,
        content: data.row.submitted_content as ApplicationContent,
        questions: data.call.rules.questions,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="kvitto-${(data.row.case_number as string).replace(/[^\w-]+/g, '-')}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/api/applications/:id/withdraw',
    {
      schema: {
        tags: ['applications'],
        summary: 'Withdraw an application (until it is decided); the withdrawal and its reason are kept',
        params: Params,
        body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
        response: { 200: ApplicationView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const { reason } = request.body;
      const located = await locate(ctx, user, id);
      requireApplicant(located);
      return inScope(ctx, located, async (tx) => {
        const row = await tx.selectFrom('applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
        if (row.status === 'withdrawn') throw new Problem(409, 'application_withdrawn');
        // Read after the row lock, which a decision being recorded also takes: decided means decided.
        if (await tx.selectFrom('decisions').select('id').where('application_id', '=', id).executeTakeFirst()) throw new Problem(409, 'application_decided');
        const saved = await tx
          .updateTable('applications')
          .set({ status: 'withdrawn', withdrawn_at: new Date(), withdraw_reason: reason?.trim() || null, updated_at: new Date(), updated_by: user.userId })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(tx, actor(user), {
          action: 'application.withdrawn',
          objectType: 'application',
          objectId: id,
          funderId: row.funder_id,
          organisationId: row.organisation_id,
          reason: reason?.trim() || null,
          data: { caseNumber: row.case_number, wasSubmitted: row.status === 'submitted' },
        });
        return view(tx, saved, 'applicant');
      });
    },
  );
}

/** Runs the self-check on an application inside the caller's transaction. */
/**
 * The self-check on the stored draft: the application, its call, the organisation's legal form and
 * its eligibility approval, read in one statement (locking the application row when submitting).
 */
export async function checkApplication(tx: Tx, located: Located, now: Date, lock = false) {
  const query = tx
    .selectFrom('applications')
    .innerJoin('calls', 'calls.id', 'applications.call_id')
    .innerJoin('funders', 'funders.id', 'calls.funder_id')
    .innerJoin('organisations', 'organisations.id', 'applications.organisation_id')
    .selectAll('applications')
    .select([
      'calls.status as call_status',
      'calls.title as call_title',
      'calls.rules',
      'funders.name as funder_name',
      'funders.case_prefix',
      'organisations.legal_form',
    ])
    .select((eb) => eligibleUntil(eb))
    .where('applications.id', '=', located.id);
  const { call_status, call_title, rules, funder_name, case_prefix, legal_form, eligible_until, ...row } = await (lock
    ? query.forUpdate('applications')
    : query
  ).executeTakeFirstOrThrow();
  if (call_status !== 'published') throw new Problem(404, 'not_found');
  const call: CallInfo = {
    id: row.call_id,
    funderId: row.funder_id,
    funderName: funder_name,
    casePrefix: case_prefix,
    title: call_title,
    status: call_status,
    rules,
  };
  const check = selfCheck(rules, { legalForm: legal_form as LegalForm, eligibleUntil: (eligible_until as string | null) ?? null }, row.content, now);
  return { call, check, row: row as ApplicationRow };
}

const RECEIPT_TIME = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', dateStyle: 'long', timeStyle: 'short' }),
};

function receiptMail(lang: 'sv' | 'en', p: { caseNumber: string; call: CallInfo; row: ApplicationRow; at: Date; url: string }) {
  const when = RECEIPT_TIME[lang].format(p.at);
  const amount = formatKronor(p.row.content.amountRequested, lang);
  return lang === 'en'
    ? {
        subject: `Receipt: your application ${p.caseNumber} has been received`,
        text: `${p.call.funderName} received the application from ${p.row.organisation_name} to the call "${p.call.title}" on ${when}.\n\nCase number: ${p.caseNumber}\nTitle: ${p.row.content.title}\nAmount applied for: ${amount}\n\nThe submitted version and a PDF receipt are in Samverka: ${p.url}\n\nDocuments received by a public authority are public records unless secrecy applies.\n\n— Samverka`,
      }
    : {
        subject: `Kvitto: er ansökan ${p.caseNumber} har kommit in`,
        text: `${p.call.funderName} tog emot ansökan från ${p.row.organisation_name} till utlysningen ”${p.call.title}” ${when}.\n\nDiarienummer: ${p.caseNumber}\nTitel: ${p.row.content.title}\nSökt belopp: ${amount}\n\nDen inskickade versionen och ett kvitto som PDF finns i Samverka: ${p.url}\n\nHandlingar som kommit in till en myndighet är allmänna handlingar om inte sekretess gäller.\n\n— Samverka`,
      };
}
