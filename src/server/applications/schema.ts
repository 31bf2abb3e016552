import { Type } from 'typebox';
import { SHOWN_STATUSES } from '../../domain/applications/status.ts';
import { ATTACHMENT_KINDS, EXCLUSIONS, TARGET_GROUPS } from '../../domain/calls/types.ts';
import { Literals, Nullable, OreSchema, Uuid } from '../schemas.ts';

const Text = (max: number) => Type.String({ maxLength: max });
const Amount = OreSchema({ minimum: 0, maximum: 1e13 });
const MaybeDate = Nullable(Type.String({ maxLength: 10 }));

export const ApplicationContentSchema = Type.Object(
  {
    title: Text(200),
    description: Text(20000),
    complement: Text(10000),
    focusAreas: Type.Array(Text(200), { maxItems: 20 }),
    activities: Type.Array(
      Type.Object(
        {
          typeKey: Nullable(Type.String({ maxLength: 64 })),
          proposedType: Nullable(Text(120)),
          description: Text(2000),
          targetGroups: Type.Array(Literals(TARGET_GROUPS), { uniqueItems: true }),
          areas: Type.Array(Text(100), { maxItems: 30 }),
          from: MaybeDate,
          to: MaybeDate,
          expectedParticipants: Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 30 },
    ),
    budget: Type.Array(Type.Object({ label: Text(200), amount: OreSchema({ minimum: -1e13, maximum: 1e13 }) }, { additionalProperties: false }), {
      maxItems: 100,
    }),
    ownContribution: Amount,
    otherFunding: Amount,
    amountRequested: Amount,
    partners: Type.Array(Type.Object({ orgNumber: Text(20), name: Text(200), role: Text(500) }, { additionalProperties: false }), { maxItems: 20 }),
    contacts: Type.Array(Type.Object({ name: Text(200), email: Text(254), phone: Text(40) }, { additionalProperties: false }), { maxItems: 10 }),
    declarations: Type.Object(Object.fromEntries(EXCLUSIONS.map((e) => [e, Type.Optional(Type.Boolean())])), { additionalProperties: false }),
    answers: Type.Record(
      Type.String({ maxLength: 64 }),
      Nullable(Type.Union([Type.String({ maxLength: 20000 }), Type.Number(), Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })])),
    ),
    attachments: Type.Array(Type.Object({ kind: Literals(ATTACHMENT_KINDS), fileId: Uuid, name: Text(200) }, { additionalProperties: false }), {
      maxItems: 30,
    }),
  },
  { additionalProperties: false, $id: 'ApplicationContent' },
);

/** The one status to show: the stage until a decision, then the current decision's outcome. */
export const ShownStatus = Literals(SHOWN_STATUSES, {
  description: "The status to show: draft, submitted, awaiting_completion, withdrawn, or the current decision's outcome",
});

export const CompletionRound = Type.Object({
  id: Uuid,
  message: Type.String(),
  replyBy: Type.String(),
  askedAt: Type.String({ format: 'date-time' }),
  answer: Nullable(Type.String()),
  answerFiles: Type.Array(Type.Object({ fileId: Uuid, name: Type.String() })),
  answeredAt: Nullable(Type.String({ format: 'date-time' })),
});

export const ApplicationView = Type.Object({
  id: Uuid,
  callId: Uuid,
  callTitle: Type.String(),
  funderId: Uuid,
  funderName: Type.String(),
  organisationId: Uuid,
  organisationName: Type.String(),
  status: Type.String({ description: 'The stored stage (draft, submitted, withdrawn); show shownStatus instead' }),
  shownStatus: ShownStatus,
  /** The current decision, if any: its outcome and the amount granted. */
  decision: Nullable(Type.Object({ outcome: Type.String(), amount: OreSchema() })),
  version: Type.Integer(),
  content: Type.Ref('ApplicationContent'),
  caseNumber: Nullable(Type.String()),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Nullable(Type.String()),
  withdrawnAt: Nullable(Type.String({ format: 'date-time' })),
  /** Whether a decision has been made on it (it can then no longer be withdrawn). */
  decided: Type.Boolean(),
  deadline: Nullable(Type.String()),
  closesAt: Nullable(Type.String({ format: 'date-time' })),
  access: Type.Union([Type.Literal('applicant'), Type.Literal('partner'), Type.Literal('staff')]),
  completionRequests: Type.Array(CompletionRound),
});

export const InboxItem = Type.Object({
  id: Uuid,
  caseNumber: Nullable(Type.String()),
  status: Type.String({ description: 'The stored stage (submitted, withdrawn); show shownStatus instead' }),
  shownStatus: ShownStatus,
  awaitingCompletion: Type.Boolean(),
  callId: Uuid,
  callTitle: Type.String(),
  organisationId: Uuid,
  organisationName: Type.String(),
  legalForm: Type.String(),
  title: Type.String(),
  amountRequested: OreSchema(),
  areas: Type.Array(Type.String()),
  focusAreas: Type.Array(Type.String()),
  submittedAt: Nullable(Type.String({ format: 'date-time' })),
  /** The current decision, if any: its outcome and the amount granted. */
  decision: Nullable(Type.Object({ outcome: Type.String(), amount: OreSchema() })),
});
