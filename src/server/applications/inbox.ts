import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Tx } from '../../db/connection.ts';
import { scoped } from '../../db/scope.ts';
import { shownStatus } from '../../domain/applications/status.ts';
import { INBOX_STATUSES, type InboxStatus } from '../../domain/applications/types.ts';
import type { Ore } from '../../domain/money.ts';
import { LEGAL_FORMS } from '../../domain/organisation.ts';
import { policy } from '../../domain/roles.ts';
import { DECISION_OUTCOME_LABELS, LEGAL_FORM_LABELS, label, SHOWN_STATUS_LABELS } from '../../i18n/labels.ts';
import type { Lang } from '../../i18n/messages.ts';
import { isCurrent } from '../budget/guard.ts';
import type { AppContext } from '../context.ts';
import { type SheetTable, sendCsv, sendXlsx } from '../exports.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Literals, Nullable, Uuid } from '../schemas.ts';
import { InboxItem } from './schema.ts';

const SORTS = ['submitted_desc', 'submitted_asc', 'amount_desc', 'amount_asc', 'organisation'] as const;
type Sort = (typeof SORTS)[number];

const Filters = Type.Object({
  callId: Type.Optional(Uuid),
  status: Type.Optional(Literals(INBOX_STATUSES)),
  area: Type.Optional(Type.String({ maxLength: 100 })),
  focus: Type.Optional(Type.String({ maxLength: 200 })),
  orgType: Type.Optional(Literals(LEGAL_FORMS)),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  sort: Type.Optional(Literals(SORTS)),
});

interface FilterValues {
  callId?: string;
  status?: InboxStatus;
  area?: string;
  focus?: string;
  orgType?: string;
  q?: string;
  sort?: Sort;
}

/** The sort key of a row and its SQL, for keyset pagination: (key, id) beyond the cursor. */
const ORDER: Record<Sort, { expr: string; dir: 'asc' | 'desc' }> = {
  submitted_desc: { expr: 'a.submitted_at', dir: 'desc' },
  submitted_asc: { expr: 'a.submitted_at', dir: 'asc' },
  amount_desc: { expr: 'a.amount_requested', dir: 'desc' },
  amount_asc: { expr: 'a.amount_requested', dir: 'asc' },
  organisation: { expr: 'lower(a.organisation_name)', dir: 'asc' },
};

interface Row {
  id: string;
  case_number: string | null;
  status: string;
  awaiting: boolean;
  call_id: string;
  call_title: string;
  organisation_id: string;
  organisation_name: string;
  legal_form: string;
  title: string;
  amount_requested: Ore;
  areas: string[] | null;
  focus_areas: string[] | null;
  submitted_at: Date | null;
  outcome: string | null;
  granted: Ore | null;
  sort_key: string | number | Date | null;
}

function query(tx: Tx, funderId: string, f: FilterValues, limit: number, after: { key: unknown; id: string } | null) {
  const sort = ORDER[f.sort ?? 'submitted_desc'];
  const where = [sql`a.funder_id = ${funderId}`, sql`a.status <> 'draft'`];
  if (f.callId) where.push(sql`a.call_id = ${f.callId}`);
  if (f.status === 'awaiting_completion')
    where.push(
      sql`a.status = 'submitted' and exists (select 1 from completion_requests c where c.application_id = a.id and c.report_id is null and c.answered_at is null)`,
    );
  else if (f.status === 'undecided') where.push(sql`a.status = 'submitted' and cur.outcome is null`);
  // "Inkommen" is the shown status: received, not decided, no completion round open.
  else if (f.status === 'submitted')
    where.push(
      sql`a.status = 'submitted' and cur.outcome is null and not exists (select 1 from completion_requests c where c.application_id = a.id and c.report_id is null and c.answered_at is null)`,
    );
  else if (f.status === 'withdrawn') where.push(sql`a.status = 'withdrawn'`);
  else if (f.status) where.push(sql`cur.outcome = ${f.status}`);
  if (f.area) where.push(sql`jsonb_path_exists(a.submitted_content, '$.activities[*].areas[*] ? (@ == $v)', jsonb_build_object('v', ${f.area}::text))`);
  if (f.focus) where.push(sql`a.submitted_content -> 'focusAreas' ? ${f.focus}`);
  if (f.orgType) where.push(sql`o.legal_form = ${f.orgType}`);
  if (f.q?.trim()) where.push(sql`(a.search @@ plainto_tsquery('simple', ${f.q.trim()}) or a.case_number ilike ${`%${f.q.trim()}%`})`);
  const key = sql.raw(sort.expr);
  if (after) {
    const op = sql.raw(sort.dir === 'desc' ? '<' : '>');
    where.push(sql`(${key}, a.id) ${op} (${after.key}, ${after.id})`);
  }
  const dir = sql.raw(sort.dir);
  return sql<Row>`
    select a.id, a.case_number, a.status, a.call_id, c.title as call_title, a.organisation_id, a.organisation_name, o.legal_form,
           a.title, a.amount_requested, a.submitted_at, ${key} as sort_key,
           exists (select 1 from completion_requests r where r.application_id = a.id and r.report_id is null and r.answered_at is null) as awaiting,
           (select coalesce(jsonb_agg(distinct x), '[]') from jsonb_array_elements(a.submitted_content -> 'activities') act,
              jsonb_array_elements_text(act -> 'areas') x) as areas,
           a.submitted_content -> 'focusAreas' as focus_areas,
           cur.outcome, cur.amount as granted
    from applications a
    join calls c on c.id = a.call_id
    join organisations o on o.id = a.organisation_id
    left join lateral (
      select d.outcome, d.amount from decisions d
      where d.application_id = a.id and ${isCurrent}
    ) cur on true
    where ${sql.join(where, sql` and `)}
    order by ${key} ${dir}, a.id ${dir}
    limit ${limit}
  `.execute(tx);
}

/** The calls, areas and focus areas that received applications name, for the inbox's filters. */
async function facets(tx: Tx, funderId: string) {
  const { rows } = await sql<{ calls: { id: string; title: string }[] | null; areas: string[] | null; focus: string[] | null }>`
    select
      (select jsonb_agg(distinct jsonb_build_object('id', c.id, 'title', c.title)) from calls c
        where exists (select 1 from applications x where x.call_id = c.id and x.funder_id = ${funderId} and x.status <> 'draft')) as calls,
      (select jsonb_agg(distinct area order by area) from applications a,
        jsonb_array_elements(a.submitted_content -> 'activities') act, jsonb_array_elements_text(act -> 'areas') area
        where a.funder_id = ${funderId} and a.status <> 'draft') as areas,
      (select jsonb_agg(distinct focus order by focus) from applications a, jsonb_array_elements_text(a.submitted_content -> 'focusAreas') focus
        where a.funder_id = ${funderId} and a.status <> 'draft') as focus
  `.execute(tx);
  const r = rows[0];
  return { calls: (r.calls ?? []).sort((a, b) => a.title.localeCompare(b.title, 'sv')), areas: r.areas ?? [], focusAreas: r.focus ?? [] };
}

const shownOf = (r: Row) => shownStatus({ status: r.status, awaitingCompletion: r.awaiting, outcome: r.outcome });

const present = (r: Row) => ({
  id: r.id,
  caseNumber: r.case_number,
  status: r.status,
  shownStatus: shownOf(r),
  awaitingCompletion: r.awaiting,
  callId: r.call_id,
  callTitle: r.call_title,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  legalForm: r.legal_form,
  title: r.title,
  amountRequested: r.amount_requested,
  areas: r.areas ?? [],
  focusAreas: r.focus_areas ?? [],
  submittedAt: r.submitted_at?.toISOString() ?? null,
  decision: r.outcome ? { outcome: r.outcome, amount: r.granted ?? 0 } : null,
});

const cursorOf = (r: Row) => Buffer.from(JSON.stringify([r.sort_key instanceof Date ? r.sort_key.toISOString() : r.sort_key, r.id])).toString('base64url');

function parseCursor(cursor: string | undefined): { key: unknown; id: string } | null {
  if (!cursor) return null;
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, string];
    if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { key, id };
  } catch {
    throw new Problem(400, 'invalid_value', {}, [{ field: 'after', code: 'invalid_value' }]);
  }
}

const HEADERS = {
  sv: [
    'Diarienummer',
    'Status',
    'Utlysning',
    'Organisation',
    'Organisationsform',
    'Titel',
    'Sökt belopp (kr)',
    'Områden',
    'Inriktning',
    'Inkom',
    'Beslut',
    'Beviljat belopp (kr)',
  ],
  en: [
    'Case number',
    'Status',
    'Call',
    'Organisation',
    'Legal form',
    'Title',
    'Amount applied for (SEK)',
    'Areas',
    'Focus',
    'Received',
    'Decision',
    'Amount granted (SEK)',
  ],
};

function exportRows(rows: Row[], lang: Lang) {
  return rows.map((r) => [
    r.case_number ?? '',
    label(SHOWN_STATUS_LABELS, shownOf(r), lang),
    r.call_title,
    r.organisation_name,
    label(LEGAL_FORM_LABELS, r.legal_form, lang),
    r.title,
    r.amount_requested / 100,
    (r.areas ?? []).join('; '),
    (r.focus_areas ?? []).join('; '),
    r.submitted_at ? r.submitted_at.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }) : '',
    r.outcome ? label(DECISION_OUTCOME_LABELS, r.outcome, lang) : '',
    r.outcome ? (r.granted ?? 0) / 100 : '',
  ]);
}

export function inboxRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const FunderParams = Type.Object({ funderId: Uuid });
  const authorise = (request: Parameters<typeof requireUser>[0], funderId: string) => {
    const user = requireUser(request);
    if (!policy.readFunder(user, funderId)) throw new Problem(403, 'forbidden');
    return user;
  };

  app.get(
    '/api/funders/:funderId/applications',
    {
      schema: {
        tags: ['applications'],
        summary: "The caseworker's inbox: received applications of the funder's calls, filtered, searched, sorted, a page at a time (keyset)",
        params: FunderParams,
        querystring: Type.Intersect([
          Filters,
          Type.Object({ after: Type.Optional(Type.String({ maxLength: 500 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
        ]),
        response: {
          200: Type.Object({
            items: Type.Array(InboxItem),
            next: Nullable(Type.String()),
            facets: Type.Optional(
              Type.Object(
                {
                  calls: Type.Array(Type.Object({ id: Uuid, title: Type.String() })),
                  areas: Type.Array(Type.String()),
                  focusAreas: Type.Array(Type.String()),
                },
                { description: 'What the filters can choose from, on the first page only' },
              ),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { funderId } = request.params;
      const user = authorise(request, funderId);
      const q = request.query;
      const limit = q.limit ?? 50;
      const after = parseCursor(q.after);
      return scoped(ctx.db, scopeOf(user, funderId), async (tx) => {
        const { rows } = await query(tx, funderId, q, limit + 1, after);
        const page = rows.slice(0, limit);
        return {
          items: page.map(present),
          next: rows.length > limit ? cursorOf(page[page.length - 1]) : null,
          ...(after ? {} : { facets: await facets(tx, funderId) }),
        };
      });
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/funders/:funderId/applications.${format}`,
      {
        schema: {
          tags: ['applications'],
          summary: `The inbox with the same filters as a ${format.toUpperCase()} file`,
          params: FunderParams,
          querystring: Filters,
          response: { 200: Type.Unknown({ description: format }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { funderId } = request.params;
        const user = authorise(request, funderId);
        const filters = request.query;
        const { rows } = await scoped(ctx.db, scopeOf(user, funderId), (tx) => query(tx, funderId, filters, 10_000, null));
        const table: SheetTable = {
          name: request.lang === 'sv' ? 'Ansökningar' : 'Applications',
          headers: HEADERS[request.lang],
          rows: exportRows(rows, request.lang),
          numberFormats: { 7: '# ##0.00' },
          columnWidth: 22,
        };
        const baseName = `ansokningar-${new Date().toISOString().slice(0, 10)}`;
        return format === 'csv' ? sendCsv(reply, baseName, table) : sendXlsx(reply, baseName, table);
      },
    );
  }
}
