import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import { agreementPdf } from '../../documents/agreement.ts';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { ore } from '../../domain/money.ts';
import { policy } from '../../domain/roles.ts';
import { inScope, locate } from '../applications/access.ts';
import type { AppContext } from '../context.ts';
import { overdueReports } from '../payments/report-hold.ts';
import { OverdueReportSchema } from '../payments/schema.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { decideRecovery, recoveryLetterName } from '../recoveries/decide-recovery.ts';
import { recordRepayment } from '../recoveries/record-repayment.ts';
import { sendPdf } from '../reply.ts';
import { errorResponses, Literals, Nullable, OreSchema, Uuid } from '../schemas.ts';
import { amendAgreement } from './amend-agreement.ts';
import { commentOnAgreement } from './comment-on-agreement.ts';
import { agreementDocumentData, agreementFileName } from './document.ts';
import { draftAgreement } from './draft-agreement.ts';
import { presentAgreement } from './present.ts';
import { releaseInstalment } from './release-instalment.ts';
import { AgreementContentSchema, AgreementView, InstalmentView, RecoveryView, ScheduleSchema } from './schema.ts';
import { signAgreement } from './sign-agreement.ts';
import { locateAgreement, signatoriesOf } from './store.ts';
import { updateAgreement } from './update-agreement.ts';

const Params = Type.Object({ id: Uuid });
const LangQuery = Type.Object({ lang: Type.Optional(Literals(['sv', 'en'])) });
const DateString = Type.String({ maxLength: 10 });

/** Agreements: drafted from a decision, commented, signed by both parties, amended after signing; recoveries on them. */
export function agreementRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  async function view(user: ReturnType<typeof requireUser>, id: string) {
    const located = await locateAgreement(ctx, user, id);
    return scoped(ctx.db, located.scope, async (tx) => {
      const a = await tx.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return presentAgreement(tx, a, user, located.access);
    });
  }

  app.post(
    '/api/applications/:id/agreement',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Draft the agreement for a granted application, with the application’s content filled in (caseworker)',
        params: Params,
        response: { 201: AgreementView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const a = await draftAgreement(ctx, user, request.params.id);
      reply.code(201);
      return view(user, a.id);
    },
  );

  app.get(
    '/api/applications/:id/agreement',
    {
      schema: {
        tags: ['agreements'],
        summary: 'The agreement of an application, if one is drafted (the association and the funder’s staff)',
        params: Params,
        response: { 200: Type.Object({ agreement: Type.Union([Type.Null(), AgreementView]) }), ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const located = await locate(ctx, user, request.params.id);
      const found = await inScope(ctx, located, (tx) => tx.selectFrom('agreements').select('id').where('application_id', '=', located.id).executeTakeFirst());
      return { agreement: found ? await view(user, found.id) : null };
    },
  );

  app.get(
    '/api/organisations/:id/agreements',
    {
      schema: {
        tags: ['agreements'],
        summary: 'The organisation’s agreements with what is due to be paid and what has been paid (members)',
        params: Params,
        response: {
          200: Type.Object({
            agreements: Type.Array(
              Type.Object({
                id: Uuid,
                number: Type.String(),
                kind: Literals(['assignment', 'iop']),
                status: Literals(['draft', 'signed']),
                funderName: Type.String(),
                applicationTitle: Type.String(),
                caseNumber: Type.String(),
                amount: OreSchema(),
                paid: OreSchema(),
                toCome: OreSchema({ description: 'Instalments not yet paid' }),
                nextDue: Type.Union([
                  Type.Null(),
                  Type.Object({ amount: OreSchema(), dueOn: Type.Union([Type.Null(), Type.String()]), condition: Type.String() }),
                ]),
                mayISign: Type.Boolean(),
                overdueReport: Nullable(OverdueReportSchema),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const orgId = request.params.id;
      if (!policy.actForOrganisation(user, orgId)) throw new Problem(404, 'not_found');
      return scoped(ctx.db, scopeOf(user), async (tx) => {
        const rows = await tx
          .selectFrom('agreements as g')
          .innerJoin('applications as a', 'a.id', 'g.application_id')
          .innerJoin('funders as f', 'f.id', 'g.funder_id')
          .select(['g.id', 'g.number', 'g.kind', 'g.status', 'g.amount', 'g.funder_id', 'f.name as funder_name', 'a.title', 'a.case_number'])
          .where('g.organisation_id', '=', orgId)
          .orderBy('g.created_at', 'desc')
          .execute();
        const instalments = rows.length
          ? await tx
              .selectFrom('instalments')
              .selectAll()
              .where(
                'agreement_id',
                'in',
                rows.map((r) => r.id),
              )
              .where('status', '!=', 'cancelled')
              .orderBy('number')
              .execute()
          : [];
        const overdue = await overdueReports(
          tx,
          rows.filter((r) => r.status === 'signed').map((r) => r.id),
          dateInStockholm(new Date()),
        );
        const out = [];
        for (const r of rows) {
          const mine = instalments.filter((i) => i.agreement_id === r.id);
          const open = mine.filter((i) => i.status !== 'paid' && i.status !== 'sent');
          const signatories = r.status === 'draft' ? await signatoriesOf(tx, r.funder_id, orgId) : [];
          out.push({
            id: r.id,
            number: r.number,
            kind: r.kind,
            status: r.status,
            funderName: r.funder_name,
            applicationTitle: r.title,
            caseNumber: r.case_number ?? '',
            amount: r.amount,
            paid: ore(mine.filter((i) => i.status === 'paid' || i.status === 'sent').reduce((s, i) => s + i.amount, 0)),
            toCome: ore(open.reduce((s, i) => s + i.amount, 0)),
            nextDue: open[0] ? { amount: open[0].amount, dueOn: open[0].due_on, condition: open[0].condition } : null,
            mayISign: signatories.some((s) => s.email === user.email.toLowerCase()),
            overdueReport: overdue.get(r.id) ?? null,
          });
        }
        return { agreements: out };
      });
    },
  );

  app.get(
    '/api/agreements/:id',
    {
      schema: {
        tags: ['agreements'],
        summary: 'One agreement with its signatures, schedule, ledger and recoveries',
        params: Params,
        response: { 200: AgreementView, ...errorResponses },
      },
    },
    async (request) => view(requireUser(request), request.params.id),
  );

  app.put(
    '/api/agreements/:id',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Save the draft (caseworker). Send the version you edited; each save is a new version that both parties accept anew.',
        params: Params,
        body: Type.Object(
          { version: Type.Integer({ minimum: 1 }), kind: Literals(['assignment', 'iop']), content: AgreementContentSchema, schedule: ScheduleSchema },
          { additionalProperties: false },
        ),
        response: { 200: AgreementView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await updateAgreement(ctx, user, request.params.id, request.body);
      return view(user, request.params.id);
    },
  );

  app.post(
    '/api/agreements/:id/comments',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Comment on the agreement (either party); the other side is told',
        params: Params,
        body: Type.Object({ body: Type.String({ maxLength: 4000 }) }, { additionalProperties: false }),
        response: { 201: AgreementView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await commentOnAgreement(ctx, user, request.params.id, request.body.body);
      reply.code(201);
      return view(user, request.params.id);
    },
  );

  app.post(
    '/api/agreements/:id/sign',
    {
      schema: {
        tags: ['agreements'],
        summary:
          'Sign the agreement for your side: the association’s signatory as its approved eligibility names them, or the funder’s delegate. Send the contentSha256 you read; when both have signed the same content, the agreement is signed.',
        params: Params,
        body: Type.Object({ contentSha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) }, { additionalProperties: false }),
        response: { 200: AgreementView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await signAgreement(ctx, user, request.params.id, request.body);
      return view(user, request.params.id);
    },
  );

  app.post(
    '/api/agreements/:id/amendments',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Amend a signed agreement with a reason (caseworker); the signed text is kept and the association is told',
        params: Params,
        body: Type.Object(
          { version: Type.Integer({ minimum: 1 }), reason: Type.String({ maxLength: 2000 }), content: AgreementContentSchema },
          { additionalProperties: false },
        ),
        response: { 201: AgreementView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await amendAgreement(ctx, user, request.params.id, request.body);
      reply.code(201);
      return view(user, request.params.id);
    },
  );

  app.get(
    '/api/agreements/:id/document.pdf',
    {
      schema: {
        tags: ['agreements'],
        summary: 'The agreement as a PDF: the signed document as kept, or the draft as it stands (?lang=en for English)',
        params: Params,
        querystring: LangQuery,
        response: { 200: Type.String({ description: 'application/pdf' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const lang = request.query.lang ?? 'sv';
      const located = await locateAgreement(ctx, user, request.params.id);
      const doc = await scoped(ctx.db, located.scope, async (tx) => {
        const a = await tx.selectFrom('agreements').selectAll().where('id', '=', located.id).executeTakeFirstOrThrow();
        const amended = await tx.selectFrom('agreement_amendments').select('id').where('agreement_id', '=', a.id).executeTakeFirst();
        // The Swedish signed document is the one both parties signed, as kept; once amended, it is made afresh with the amendments.
        if (lang === 'sv' && a.document_file_id && !amended) {
          const stored = await tx.selectFrom('files').select('data').where('id', '=', a.document_file_id).executeTakeFirst();
          if (stored) return { name: agreementFileName(a.number), pdf: Buffer.from(stored.data) };
        }
        return { name: agreementFileName(a.number), pdf: await agreementPdf(lang, await agreementDocumentData(tx, a)) };
      });
      return sendPdf(reply, doc.name, doc.pdf);
    },
  );

  app.post(
    '/api/instalments/:id/release',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Record that the interim report an instalment waits for is approved: the instalment becomes due on the next bank day (caseworker)',
        params: Params,
        body: Type.Object({ reportApprovedOn: DateString }, { additionalProperties: false }),
        response: { 200: InstalmentView, ...errorResponses },
      },
    },
    async (request) => {
      const i = await releaseInstalment(ctx, requireUser(request), request.params.id, request.body);
      return {
        id: i.id,
        number: i.number,
        amount: i.amount,
        condition: i.condition,
        dueOn: i.due_on,
        status: i.status,
        lastReason: i.last_reason,
        paidOn: i.paid_on,
      };
    },
  );

  app.post(
    '/api/agreements/:id/recoveries',
    {
      schema: {
        tags: ['recoveries'],
        summary:
          'Decide to reclaim money paid under the agreement (återkrav), with reasons; at most what was paid. The letter is mailed and kept. With reportId, the recovery starts from a final report that is not approved.',
        params: Params,
        body: Type.Object(
          {
            amount: OreSchema({ minimum: 1 }),
            grounds: Type.Optional(Literals(['unused', 'unreported', 'misused'], { description: 'Required, unless reportId is given (then unreported)' })),
            reasons: Type.String({ maxLength: 10000 }),
            decidedOn: DateString,
            payBy: DateString,
            reportId: Type.Optional(Nullable(Uuid)),
          },
          { additionalProperties: false },
        ),
        response: { 201: RecoveryView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await decideRecovery(ctx, requireUser(request), request.params.id, { ...request.body, amount: ore(request.body.amount) });
      reply.code(201);
      return {
        id: r.id,
        number: r.number,
        amount: r.amount,
        repaid: ore(0),
        grounds: r.grounds,
        reasons: r.reasons,
        decidedOn: r.decided_on,
        payBy: r.pay_by,
        letterUrl: `/api/recoveries/${r.id}/letter.pdf`,
      };
    },
  );

  app.post(
    '/api/recoveries/:id/repayments',
    {
      schema: {
        tags: ['recoveries'],
        summary: 'Record money paid back on a recovery (finance); never more than is owed',
        params: Params,
        body: Type.Object({ amount: OreSchema({ minimum: 1 }), receivedOn: DateString }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Uuid, amount: OreSchema(), receivedOn: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await recordRepayment(ctx, requireUser(request), request.params.id, { amount: ore(request.body.amount), receivedOn: request.body.receivedOn });
      reply.code(201);
      return { id: r.id, amount: r.amount, receivedOn: r.received_on };
    },
  );

  app.get(
    '/api/recoveries/:id/letter.pdf',
    {
      schema: {
        tags: ['recoveries'],
        summary: 'The recovery decision letter as sent (PDF)',
        params: Params,
        response: { 200: Type.String({ description: 'application/pdf' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const found = await ctx.db.kysely
        .selectFrom('recoveries')
        .select(['agreement_id', 'letter_file_id', 'number'])
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!found?.letter_file_id) throw new Problem(404, 'not_found');
      const located = await locateAgreement(ctx, user, found.agreement_id);
      const file = await scoped(ctx.db, located.scope, (tx) =>
        tx
          .selectFrom('files')
          .select('data')
          .where('id', '=', found.letter_file_id as string)
          .executeTakeFirst(),
      );
      if (!file) throw new Problem(404, 'not_found');
      return sendPdf(reply, recoveryLetterName(found.number), Buffer.from(file.data));
    },
  );
}
