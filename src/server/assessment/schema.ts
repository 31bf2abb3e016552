import { Type } from 'typebox';
import { DECISION_OUTCOMES, SCREENING_RULES } from '../../domain/assessment/types.ts';
import { Literals, Nullable, OreSchema, Uuid } from '../schemas.ts';

const Rule = Literals(SCREENING_RULES);

export const ScreeningView = Type.Object({
  automatic: Type.Array(Type.Object({ rule: Rule, ok: Type.Boolean(), fields: Type.Array(Type.String()) })),
  latest: Nullable(
    Type.Object({
      outcome: Literals(['eligible', 'ineligible']),
      screenedAt: Type.String({ format: 'date-time' }),
      rules: Type.Array(
        Type.Object({ rule: Rule, automatic: Type.Boolean(), ok: Type.Boolean(), reason: Nullable(Type.String()), fields: Type.Array(Type.String()) }),
      ),
    }),
  ),
});

export const ProposalView = Type.Object({ amount: OreSchema(), reasons: Type.String(), proposedAt: Type.String({ format: 'date-time' }) });

export const ScoreSummary = Type.Object({
  count: Type.Integer(),
  mean: Nullable(Type.Number()),
  spread: Nullable(Type.Number()),
  min: Nullable(Type.Number()),
  max: Nullable(Type.Number()),
  outliers: Type.Array(Type.Object({ reviewerId: Uuid, name: Type.String(), score: Type.Number() })),
});

export const Criterion = Type.Object({ id: Type.String(), label: Type.String(), description: Type.Optional(Type.String()), weight: Type.Number() });

export const DecisionOutcome = Literals(DECISION_OUTCOMES);

export const AssessmentOverview = Type.Object({
  call: Type.Object({
    id: Uuid,
    funderId: Uuid,
    title: Type.String(),
    funderName: Type.String(),
    decisionBody: Type.String(),
    amount: OreSchema(),
    minAmount: OreSchema(),
    maxAmount: OreSchema(),
    criteria: Type.Array(Criterion),
    focusAreas: Type.Array(Type.String()),
    targetAreas: Type.Array(Type.String()),
  }),
  budget: Type.Object({ amount: OreSchema(), granted: OreSchema(), remaining: OreSchema(), proposedUndecided: OreSchema() }),
  applications: Type.Array(
    Type.Object({
      id: Uuid,
      caseNumber: Type.String(),
      organisationId: Uuid,
      organisationName: Type.String(),
      status: Type.String(),
      title: Type.String(),
      amountRequested: OreSchema(),
      focusAreas: Type.Array(Type.String()),
      areas: Type.Array(Type.String()),
      submittedAt: Nullable(Type.String({ format: 'date-time' })),
      screening: Nullable(Type.Object({ outcome: Literals(['eligible', 'ineligible']), screenedAt: Type.String({ format: 'date-time' }) })),
      reviewers: Type.Array(Type.Object({ userId: Uuid, name: Type.String(), conflict: Nullable(Literals(['none', 'conflict'])), submitted: Type.Boolean() })),
      scores: ScoreSummary,
      proposal: Nullable(ProposalView),
      decision: Nullable(
        Type.Object({
          id: Uuid,
          outcome: DecisionOutcome,
          amount: OreSchema(),
          decidedOn: Type.String(),
          paragraph: Type.String(),
          reasons: Type.String(),
          madeBy: Literals(['committee', 'delegate']),
        }),
      ),
    }),
  ),
});
