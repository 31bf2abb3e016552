import { Type } from 'typebox';
import { AGE_BANDS, GENDERS, REPORT_KINDS, REPORT_LIMITS, REPORT_STATUSES } from '../../domain/follow-up/reports.ts';
import type { Ore } from '../../domain/money.ts';
import { CompletionRound } from '../applications/schema.ts';
import { Literals, Nullable, ORE_NOTE, OreSchema, Uuid } from '../schemas.ts';

const Text = (max: number) => Type.String({ maxLength: max });
const MaybeDate = Nullable(Type.String({ maxLength: 10 }));
// Amounts and counts are only typed as numbers here: a negative, broken or absurd one is refused by the
// report's rules on its field (422), in words the association understands. A number or null as one type
// list, not a union: the validator coerces types, and a union's null branch would take a 0 for a null
// (and a number branch a null for a 0); with the type list, a value of either type is left as it is.
const NumberOrNull = (type: 'integer' | 'number', description?: string) =>
  Type.Unsafe<number | null>({ type: [type, 'null'], ...(description ? { description } : {}) });
const Amount = Type.Unsafe<Ore | null>(NumberOrNull('integer', ORE_NOTE));
const Count = NumberOrNull('number');

export const ReportContentSchema = Type.Object(
  {
    spending: Type.Array(
      Type.Object(
        {
          label: Text(200),
          planned: Type.Unsafe<Ore | null>(NumberOrNull('integer', `What the application planned for the row; null for a row outside the plan. ${ORE_NOTE}`)),
          spent: Amount,
          fromGrant: Amount,
          explanation: Text(REPORT_LIMITS.text),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
    activities: Type.Array(
      Type.Object(
        {
          typeKey: Nullable(Type.String({ maxLength: 64 })),
          proposedType: Nullable(Text(120)),
          area: Text(100),
          from: MaybeDate,
          to: MaybeDate,
          frequency: Text(200),
          occasions: Count,
        },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
    participants: Type.Object(
      Object.fromEntries(
        AGE_BANDS.map((band) => [
          band,
          Type.Optional(Type.Object(Object.fromEntries(GENDERS.map((g) => [g, Type.Optional(Count)])), { additionalProperties: false })),
        ]),
      ),
      { additionalProperties: false },
    ),
    worked: Text(REPORT_LIMITS.text),
    didNotWork: Text(REPORT_LIMITS.text),
    wouldChange: Text(REPORT_LIMITS.text),
    surveyComment: Text(REPORT_LIMITS.text),
    attachments: Type.Array(Type.Object({ fileId: Uuid, name: Text(200) }, { additionalProperties: false }), { maxItems: 100 }),
  },
  { additionalProperties: false, $id: 'ReportContent' },
);

export const ReportProblem = Type.Object({ field: Type.String(), code: Type.String(), params: Type.Optional(Type.Record(Type.String(), Type.Unknown())) });

export const ReportView = Type.Object({
  id: Uuid,
  agreementId: Uuid,
  agreementNumber: Type.String(),
  applicationId: Uuid,
  caseNumber: Type.String(),
  title: Type.String({ description: 'The application’s title' }),
  organisationId: Uuid,
  organisationName: Type.String(),
  funderId: Uuid,
  kind: Literals(REPORT_KINDS),
  status: Literals(REPORT_STATUSES),
  dueOn: Type.String(),
  plannedDueOn: Type.String(),
  dueMovedReason: Nullable(Type.String()),
  overdue: Type.Boolean(),
  content: Type.Ref('ReportContent'),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Nullable(Type.String({ description: 'Name of who saved last' })),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  submittedBy: Nullable(Type.String()),
  approvedAt: Nullable(Type.String({ format: 'date-time' })),
  approvedBy: Nullable(Type.String()),
  granted: OreSchema({ description: 'The agreement’s amount' }),
  paid: OreSchema({ description: 'Paid to date on the agreement' }),
  deviationPercent: Type.Integer({ description: 'A spending row deviating from its plan by more than this share needs an explanation' }),
  problems: Type.Array(ReportProblem, { description: 'What stands in the way of submitting the current content, each on its field' }),
  rounds: Type.Array(CompletionRound),
  releases: Nullable(
    Type.Object({ number: Type.Integer(), amount: OreSchema() }, { description: 'The instalment that approving this interim report makes due' }),
  ),
  recovery: Nullable(Type.Object({ id: Uuid, number: Type.String() })),
  can: Type.Object({
    edit: Type.Boolean(),
    submit: Type.Boolean(),
    approve: Type.Boolean(),
    requestCompletion: Type.Boolean(),
    moveDueDate: Type.Boolean(),
    startRecovery: Type.Boolean(),
  }),
});
