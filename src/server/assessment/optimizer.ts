import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { scoped } from '../../db/scope.ts';
import { remaining } from '../../domain/assessment/budget.ts';
import type { CallRules } from '../../domain/calls/types.ts';
import { maxOre, minOre, type Ore, ore, ZERO_ORE } from '../../domain/money.ts';
import type { OptimizerApplication, OptimizerConstraint, Reason, Shift as ShiftOf } from '../../domain/optimizer/types.ts';
import { policy } from '../../domain/roles.ts';
import { both, type Lang, type MessageCode, translate } from '../../i18n/messages.ts';
import { budgetState } from '../budget/guard.ts';
import type { AppContext } from '../context.ts';
import { requireUser, scopeOf } from '../plugins/session.ts';
import { Problem } from '../problem.ts';
import { errorResponses, Nullable, OreSchema, Uuid } from '../schemas.ts';
import { optimize } from './solver.ts';
import { reviewsOf, scoreSummary } from './store.ts';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const ConstraintSchema = Type.Union([
  Type.Object(
    {
      id: Id,
      kind: Type.Union([Type.Literal('min_focus'), Type.Literal('max_focus')]),
      focusArea: Type.String({ maxLength: 300 }),
      amount: Type.Optional(OreSchema({ minimum: 0 })),
      count: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      id: Id,
      kind: Type.Literal('cover_area'),
      areas: Type.Array(Type.String({ maxLength: 200 }), { minItems: 1, maxItems: 100 }),
      count: Type.Optional(Type.Integer({ minimum: 1 })),
    },
    { additionalProperties: false },
  ),
  Type.Object({ id: Id, kind: Type.Literal('max_org_share'), share: Type.Number({ exclusiveMinimum: 0, maximum: 1 }) }, { additionalProperties: false }),
  Type.Object(
    { id: Id, kind: Type.Literal('lock_in'), applicationId: Uuid, amount: Type.Optional(OreSchema({ minimum: 1 })) },
    { additionalProperties: false },
  ),
  Type.Object({ id: Id, kind: Type.Literal('lock_out'), applicationId: Uuid }, { additionalProperties: false }),
]);

const Both = Type.Object({ sv: Type.String(), en: Type.String() });
/** In the request's language, and in both, so the page can follow a change of language without solving again. */
const Message = Type.Object({ code: Type.String(), message: Type.String(), messages: Both });
/** An application a constraint moves money from or to: what it gets with the constraint and without it. */
const Shift = Type.Object({
  id: Uuid,
  caseNumber: Type.String(),
  organisationName: Type.String(),
  title: Type.String(),
  with: OreSchema(),
  without: OreSchema(),
});
const OptimizerView = Type.Object({
  status: Type.Union([Type.Literal('optimal'), Type.Literal('time_limit')]),
  budget: OreSchema({ description: 'What is left of the call to decide on' }),
  score: Type.Number(),
  total: OreSchema(),
  leftover: OreSchema(),
  gap: Nullable(Type.Number()),
  solveSeconds: Type.Number(),
  applications: Type.Array(
    Type.Object({
      id: Uuid,
      caseNumber: Type.String(),
      organisationName: Type.String(),
      title: Type.String(),
      requested: OreSchema(),
      score: Nullable(Type.Number()),
      amount: OreSchema(),
      decision: Type.Union([Type.Literal('full'), Type.Literal('partial'), Type.Literal('none')]),
      reasons: Type.Array(Message),
    }),
  ),
  constraintCosts: Type.Array(
    Type.Object({
      constraintId: Type.String(),
      description: Type.String(),
      cost: Type.Number({ description: 'How much higher the weighted score would be without the constraint' }),
      exact: Type.Boolean(),
      displacedAmount: OreSchema({ description: 'What would go to other applications without the constraint' }),
      displaced: Type.Array(Shift, { description: 'Applications that get less (or nothing) because of the constraint, most money first' }),
      favoured: Type.Array(Shift, { description: 'Applications that get more because of the constraint, most money first' }),
      message: Type.String(),
      messages: Both,
    }),
  ),
});

const two = (n: number, lang: Lang) => n.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 });

/** A constraint in words, as the caseworker set it. */
function describeConstraint(c: OptimizerConstraint, lang: Lang, names: Map<string, string>): string {
  const sv = lang === 'sv';
  const kr = (n: Ore) => translate('amount_only', lang, { amount: n });
  switch (c.kind) {
    case 'min_focus':
    case 'max_focus': {
      const least = c.kind === 'min_focus';
      const parts = [
        c.amount !== undefined ? kr(c.amount) : null,
        c.count !== undefined ? (sv ? `${c.count} ansökningar` : `${c.count} applications`) : null,
      ].filter(Boolean);
      return sv
        ? `${least ? 'minst' : 'högst'} ${parts.join(' och ')} till ”${c.focusArea}”`
        : `${least ? 'at least' : 'at most'} ${parts.join(' and ')} to “${c.focusArea}”`;
    }
    case 'cover_area':
      return sv
        ? `minst ${c.count ?? 1} beviljad i varje område: ${c.areas.join(', ')}`
        : `at least ${c.count ?? 1} funded in each area: ${c.areas.join(', ')}`;
    case 'max_org_share':
      return sv ? `högst ${two(c.share * 100, lang)} % av budgeten per organisation` : `at most ${two(c.share * 100, lang)}% of the budget per organisation`;
    case 'lock_in':
      return sv
        ? `${names.get(c.applicationId) ?? c.applicationId} ska beviljas${c.amount ? ` med ${kr(c.amount)}` : ''}`
        : `${names.get(c.applicationId) ?? c.applicationId} is funded${c.amount ? ` with ${kr(c.amount)}` : ''}`;
    case 'lock_out':
      return sv ? `${names.get(c.applicationId) ?? c.applicationId} ska inte beviljas` : `${names.get(c.applicationId) ?? c.applicationId} is not funded`;
  }
}

type InBoth = { sv: string; en: string };
/** A number with up to two decimals, written in each language. */
const twoInBoth = (n: number): InBoth => ({ sv: two(n, 'sv'), en: two(n, 'en') });
const joined = (list: InBoth[]): InBoth => ({ sv: list.map((x) => x.sv).join('; '), en: list.map((x) => x.en).join('; ') });

/** A reason's parameters as its message fills them in, in both languages. */
function reasonParams(r: Reason, describe: (id: string) => InBoth): Record<string, unknown> {
  const p = r.params as Record<string, unknown>;
  const params: Record<string, unknown> = { ...p };
  for (const k of ['score', 'minScore', 'gain', 'valuePerMkr']) if (typeof p[k] === 'number') params[k] = twoInBoth(p[k] as number);
  if (typeof p.share === 'number') params.share = twoInBoth((p.share as number) * 100);
  if (Array.isArray(p.constraintIds)) params.constraints = joined((p.constraintIds as string[]).map(describe));
  if (typeof p.constraintId === 'string') params.constraints = describe(p.constraintId);
  return params;
}

/** The optimizer: proposes which of a call's screened, scored applications to fund within what is left of its budget. */
export function optimizerRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post(
    '/api/calls/:id/optimizer',
    {
      schema: {
        tags: ['assessment'],
        summary:
          'Propose which eligible, scored and undecided applications to fund, and how much (in full or a share between the call’s minimum and maximum), to get the most weighted score out of what is left of the budget under the caseworker’s constraints; with what each constraint costs (in weighted score, and in the money and applications it displaces) and why each application is in or out. It proposes; people decide. An infeasible set of constraints is refused naming the ones that conflict.',
        params: Type.Object({ id: Uuid }),
        body: Type.Object(
          { constraints: Type.Array(ConstraintSchema, { maxItems: 50 }), minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 5 })) },
          { additionalProperties: false },
        ),
        response: { 200: OptimizerView, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { id } = request.params;
      const { constraints, minScore } = request.body;
      const lang = request.lang;
      const call = await ctx.db.kysely.selectFrom('calls').select(['funder_id']).where('id', '=', id).executeTakeFirst();
      if (!call || !policy.assess(user, call.funder_id)) throw new Problem(404, 'not_found');
      const data = await scoped(ctx.db, scopeOf(user, call.funder_id), async (tx) => {
        const rules = (await tx.selectFrom('calls').select('rules').where('id', '=', id).executeTakeFirstOrThrow()).rules as CallRules;
        const apps = await tx
          .selectFrom('applications as a')
          .select(['a.id', 'a.case_number', 'a.organisation_id', 'a.organisation_name', 'a.submitted_content'])
          .where('a.call_id', '=', id)
          .where('a.status', '=', 'submitted')
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('decisions as d').select('d.id').whereRef('d.application_id', '=', 'a.id'))))
          .where(({ eb, selectFrom }) =>
            eb(
              selectFrom('screenings as s').select('s.outcome').whereRef('s.application_id', '=', 'a.id').orderBy('s.screened_at', 'desc').limit(1),
              '=',
              'eligible',
            ),
          )
          .orderBy('a.case_number')
          .execute();
        const reviews = await reviewsOf(
          tx,
          apps.map((a) => a.id),
        );
        const budget = remaining(await budgetState(tx, id));
        return { rules, apps, reviews, budget };
      });
      const scored = data.apps.map((a) => ({
        ...a,
        score: scoreSummary(
          data.rules,
          data.reviews.filter((r) => r.application_id === a.id),
        ).mean,
      }));
      const names = new Map(scored.map((a) => [a.id, `${a.case_number} ${a.organisation_name}`]));
      const describe = (cid: string): InBoth => {
        const c = constraints.find((x) => x.id === cid);
        return c ? { sv: describeConstraint(c, 'sv', names), en: describeConstraint(c, 'en', names) } : { sv: cid, en: cid };
      };
      /** A message in the request's language, and in both. */
      const inBoth = (code: MessageCode, params?: Record<string, unknown>) => {
        const messages = both(code, params);
        return { message: messages[lang], messages };
      };
      const candidates: OptimizerApplication[] = scored
        .filter((a) => a.score !== null && a.submitted_content)
        .map((a) => {
          const requested = a.submitted_content?.amountRequested ?? ZERO_ORE;
          return {
            id: a.id,
            organisationId: a.organisation_id,
            score: a.score as number,
            requested,
            min: maxOre(ore(1), minOre(data.rules.minAmount, requested)),
            max: data.rules.maxAmount > 0 ? data.rules.maxAmount : requested,
            focusAreas: a.submitted_content?.focusAreas ?? [],
            areas: [...new Set((a.submitted_content?.activities ?? []).flatMap((x) => x.areas))],
          };
        });
      const result = await optimize({ budget: data.budget, applications: candidates, constraints, minScore }, { timeLimitSeconds: 5 });
      if (result.status === 'invalid')
        throw new Problem(
          422,
          'validation_failed',
          {},
          result.problems.map((p) => ({ field: p.field, code: p.code === 'unknown_application' ? 'invalid_choice' : 'invalid_value', params: p.params })),
        );
      if (result.status === 'infeasible') {
        const indices = result.conflicts.map((cid) => constraints.findIndex((c) => c.id === cid));
        throw new Problem(
          422,
          'optimizer_infeasible',
          { constraints: joined(result.conflicts.map(describe)) },
          indices.map((i) => ({ field: `constraints.${i}`, code: 'optimizer_conflicting_constraint' })),
          { conflicts: result.conflicts, minimal: result.minimal },
        );
      }
      if (!result.proposal) throw new Problem(503, 'optimizer_no_answer');
      const byId = new Map(result.proposal.allocations.map((a) => [a.applicationId, a]));
      const scoredById = new Map(scored.map((a) => [a.id, a]));
      const shiftOf = (s: ShiftOf): Static<typeof Shift> => {
        const a = scoredById.get(s.applicationId);
        return {
          id: s.applicationId,
          caseNumber: a?.case_number ?? '',
          organisationName: a?.organisation_name ?? '',
          title: a?.submitted_content?.title ?? '',
          with: s.with,
          without: s.without,
        };
      };
      return {
        status: result.status,
        budget: data.budget,
        score: result.proposal.score,
        total: result.proposal.total,
        leftover: result.proposal.leftover,
        gap: result.gap,
        solveSeconds: result.solveSeconds,
        applications: scored.map((a) => {
          const allocation = byId.get(a.id);
          return {
            id: a.id,
            caseNumber: a.case_number ?? '',
            organisationName: a.organisation_name,
            title: a.submitted_content?.title ?? '',
            requested: a.submitted_content?.amountRequested ?? 0,
            score: a.score,
            amount: allocation?.amount ?? 0,
            decision: allocation?.decision ?? 'none',
            reasons: allocation
              ? allocation.reasons.map((r) => ({ code: r.code, ...inBoth(`optimizer_${r.code}` as MessageCode, reasonParams(r, describe)) }))
              : [{ code: 'not_scored', ...inBoth('optimizer_not_scored') }],
          };
        }),
        constraintCosts: result.constraintCosts.map((c) => {
          const params = { constraint: describe(c.constraintId), cost: twoInBoth(c.cost), amount: c.amount };
          const code: MessageCode = c.cost === 0 ? 'optimizer_constraint_free' : c.amount > 0 ? 'optimizer_constraint_displaces' : 'optimizer_constraint_cost';
          return {
            constraintId: c.constraintId,
            description: describe(c.constraintId)[lang],
            cost: c.cost,
            exact: c.exact,
            displacedAmount: c.amount,
            displaced: c.displaced.map(shiftOf),
            favoured: c.favoured.map(shiftOf),
            ...inBoth(code, params),
          };
        }),
      };
    },
  );
}
