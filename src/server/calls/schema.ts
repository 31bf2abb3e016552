import { Type } from 'typebox';
import { ATTACHMENT_KINDS, EXCLUSIONS, QUESTION_TYPES, TARGET_GROUPS } from '../../domain/calls/types.ts';
import { LEGAL_FORMS } from '../../domain/organisation.ts';
import { Literals, Nullable, OreSchema, Uuid } from '../schemas.ts';

const CalendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD, Europe/Stockholm' });
const Amount = OreSchema({ minimum: 0 });
const Text = (max: number) => Type.String({ maxLength: max });

export const QuestionSchema = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
    page: Type.Integer({ minimum: 1, maximum: 20 }),
    type: Literals(QUESTION_TYPES),
    label: Text(500),
    help: Type.Optional(Text(2000)),
    required: Type.Boolean(),
    maxWords: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    options: Type.Optional(Type.Array(Type.Object({ value: Type.String({ minLength: 1, maxLength: 64 }), label: Text(200) }), { maxItems: 50 })),
    showIf: Type.Optional(Type.Object({ questionId: Type.String({ maxLength: 64 }), equals: Type.String({ maxLength: 64 }) })),
  },
  { additionalProperties: false },
);

export const CallRulesSchema = Type.Object(
  {
    title: Text(200),
    summary: Text(1000),
    description: Text(20000),
    budgetLineId: Nullable(Uuid),
    amount: Amount,
    focusAreas: Type.Array(Text(200), { maxItems: 20 }),
    eligibleForms: Type.Array(Literals(LEGAL_FORMS), { uniqueItems: true }),
    exclusions: Type.Array(Literals(EXCLUSIONS), { uniqueItems: true }),
    targetGroups: Type.Array(Literals(TARGET_GROUPS), { uniqueItems: true }),
    targetAreas: Type.Array(Text(100), { maxItems: 50 }),
    opensOn: Nullable(CalendarDate),
    deadline: Nullable(CalendarDate),
    grantPeriodMonths: Type.Integer({ minimum: 0, maximum: 120 }),
    minAmount: Amount,
    maxAmount: Amount,
    requiredAttachments: Type.Array(Literals(ATTACHMENT_KINDS), { uniqueItems: true }),
    requiresEligibilityApproval: Type.Boolean(),
    criteria: Type.Array(
      Type.Object(
        {
          id: Type.String({ minLength: 1, maxLength: 64 }),
          label: Text(200),
          description: Type.Optional(Text(1000)),
          weight: Type.Integer({ minimum: 0, maximum: 100 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    followUp: Type.Object(
      {
        reportDueMonths: Type.Integer({ minimum: 0, maximum: 24 }),
        requireFinancialReport: Type.Boolean(),
        requireParticipantSurvey: Type.Boolean(),
        notes: Type.Optional(Text(2000)),
      },
      { additionalProperties: false },
    ),
    questions: Type.Array(QuestionSchema, { maxItems: 100 }),
    activityTypes: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }),
    agreement: Type.Optional(
      Type.Object(
        {
          kind: Literals(['assignment', 'iop'], { description: 'An assignment (uppdrag) or an idea-based public partnership (IOP)' }),
          partners: Type.Array(Type.String({ minLength: 1, maxLength: 120 }), {
            maxItems: 8,
            description: 'Other parties the agreements name, e.g. the housing company',
          }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, $id: 'CallRules' },
);

export const CallSummary = Type.Object({
  id: Uuid,
  funderId: Uuid,
  funderName: Type.String(),
  status: Literals(['draft', 'published']),
  phase: Literals(['draft', 'upcoming', 'open', 'closed']),
  version: Type.Integer(),
  title: Type.String(),
  summary: Type.String(),
  amount: OreSchema(),
  opensOn: Nullable(Type.String()),
  deadline: Nullable(Type.String()),
  closesAt: Nullable(Type.String({ format: 'date-time' })),
  focusAreas: Type.Array(Type.String()),
});

export const Amendment = Type.Object({
  version: Type.Integer(),
  reason: Type.String(),
  changed: Type.Array(Type.String()),
  changes: Type.Record(Type.String(), Type.Object({ before: Type.Unknown(), after: Type.Unknown() })),
  at: Type.String({ format: 'date-time' }),
});

export const CallDetail = Type.Intersect([
  CallSummary,
  Type.Object({
    rules: Type.Ref('CallRules'),
    publishedAt: Nullable(Type.String({ format: 'date-time' })),
    budgetLine: Nullable(Type.Object({ id: Uuid, name: Type.String(), programmeName: Type.String() })),
    amendments: Type.Array(Amendment),
    timeLeft: Nullable(Type.Object({ days: Type.Integer(), hours: Type.Integer(), minutes: Type.Integer() })),
  }),
]);
