import { Type } from 'typebox';
import { TARGET_GROUPS } from '../../domain/calls/types.ts';
import { OverdueReportSchema } from '../payments/schema.ts';
import { Literals, Nullable, OreSchema, Uuid } from '../schemas.ts';

const Text = (max: number) => Type.String({ maxLength: max });
const DateString = Type.String({ maxLength: 10, description: 'A date, YYYY-MM-DD (Europe/Stockholm)' });

export const AgreementContentSchema = Type.Object(
  {
    description: Text(10000),
    activities: Type.Array(Text(200), { maxItems: 50 }),
    areas: Type.Array(Text(200), { maxItems: 50 }),
    targetGroups: Type.Array(Literals(TARGET_GROUPS), { uniqueItems: true }),
    expectedParticipants: Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
    periodFrom: DateString,
    periodTo: DateString,
    conditions: Text(10000),
    contacts: Type.Array(
      Type.Object(
        { party: Literals(['funder', 'organisation']), name: Text(200), role: Text(100), email: Text(254), phone: Text(40) },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
    parties: Type.Array(Type.Object({ key: Type.String({ pattern: '^[a-z0-9_]{1,40}$' }), label: Text(120) }, { additionalProperties: false }), {
      maxItems: 12,
    }),
    responsibilities: Type.Array(
      Type.Object(
        {
          task: Text(300),
          roles: Type.Record(Type.String({ pattern: '^[a-z0-9_]{1,40}$' }), Literals(['responsible', 'takes_part', 'informed']), {
            description: 'Party key → responsible, takes part or informed; a party not named has no part',
          }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
    ownContribution: Nullable(OreSchema({ minimum: 0 })),
    jointFollowUp: Text(4000),
  },
  { additionalProperties: false, $id: 'AgreementContent' },
);

export const ScheduleSchema = Type.Union(
  [
    Type.Object({ kind: Type.Literal('on_signing') }, { additionalProperties: false }),
    Type.Object(
      {
        kind: Type.Literal('instalments'),
        parts: Type.Array(
          Type.Object(
            {
              percent: Type.Integer({ minimum: 0, maximum: 100 }),
              condition: Literals(['on_signing', 'after_interim_report', 'on_date']),
              date: Nullable(DateString),
            },
            { additionalProperties: false },
          ),
          { maxItems: 24 },
        ),
      },
      { additionalProperties: false },
    ),
    Type.Object({ kind: Type.Literal('quarterly') }, { additionalProperties: false }),
  ],
  { description: 'All on signing, instalments by share and condition, or one part per quarter of the period' },
);

export const InstalmentView = Type.Object({
  id: Uuid,
  number: Type.Integer(),
  amount: OreSchema(),
  condition: Literals(['on_signing', 'after_interim_report', 'on_date']),
  dueOn: Nullable(Type.String()),
  status: Literals(['planned', 'due', 'in_run', 'sent', 'paid', 'cancelled']),
  lastReason: Nullable(Type.String()),
  paidOn: Nullable(Type.String()),
});

export const LedgerSummary = Type.Object(
  {
    granted: OreSchema(),
    committed: OreSchema(),
    paid: OreSchema(),
    recovered: OreSchema(),
    owed: OreSchema(),
    remaining: OreSchema(),
  },
  { description: 'Granted in all, in a signed agreement and not yet paid, paid out (net of bank rejections), paid back, still owed back, and left to pay' },
);

export const RecoveryView = Type.Object({
  id: Uuid,
  number: Type.String(),
  amount: OreSchema(),
  repaid: OreSchema(),
  grounds: Literals(['unused', 'unreported', 'misused']),
  reasons: Type.String(),
  decidedOn: Type.String(),
  payBy: Type.String(),
  letterUrl: Type.String(),
});

export const AgreementView = Type.Object({
  id: Uuid,
  number: Type.String(),
  kind: Literals(['assignment', 'iop']),
  status: Literals(['draft', 'signed']),
  version: Type.Integer(),
  amount: OreSchema(),
  applicationId: Uuid,
  caseNumber: Type.String(),
  applicationTitle: Type.String(),
  callTitle: Type.String(),
  funderId: Uuid,
  funderName: Type.String(),
  organisation: Type.Object({ id: Uuid, name: Type.String(), orgNumber: Type.String() }),
  content: AgreementContentSchema,
  schedule: ScheduleSchema,
  contentSha256: Type.String({ description: 'SHA-256 of what a signature accepts; send it back when signing' }),
  signedAt: Nullable(Type.String({ format: 'date-time' })),
  documentSha256: Nullable(Type.String()),
  documentUrl: Type.String(),
  signatures: Type.Array(
    Type.Object({
      party: Literals(['funder', 'organisation']),
      name: Type.String(),
      role: Type.String(),
      signedAt: Type.String({ format: 'date-time' }),
      current: Type.Boolean(),
    }),
  ),
  signatories: Type.Array(Type.Object({ name: Type.String(), role: Type.String() }), { description: 'Who may sign for the association' }),
  comments: Type.Array(
    Type.Object({
      id: Uuid,
      party: Literals(['funder', 'organisation']),
      authorName: Type.String(),
      body: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
    }),
  ),
  amendments: Type.Array(
    Type.Object({ version: Type.Integer(), reason: Type.String(), changed: Type.Array(Type.String()), createdAt: Type.String({ format: 'date-time' }) }),
  ),
  instalments: Type.Array(InstalmentView),
  plannedInstalments: Type.Array(Type.Object({ number: Type.Integer(), amount: OreSchema(), condition: Type.String(), dueOn: Nullable(Type.String()) }), {
    description: 'For a draft: the schedule as it would be if signed today',
  }),
  ledger: LedgerSummary,
  recoveries: Type.Array(RecoveryView),
  payoutHold: Nullable(Literals(['no_verified_account', 'account_change_pending'])),
  overdueReport: Nullable(OverdueReportSchema),
  may: Type.Object({ edit: Type.Boolean(), sign: Type.Boolean(), amend: Type.Boolean(), recover: Type.Boolean(), release: Type.Boolean() }),
});
