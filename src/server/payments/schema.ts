import { Type } from 'typebox';
import { REPORT_KINDS } from '../../domain/follow-up/reports.ts';
import { Literals, Nullable, Uuid } from '../schemas.ts';

/** Where a payment is booked: the funder's Kommun-Bas account and objects (src/domain/payments/accounting.ts). */
export const AccountingSchema = Type.Object(
  {
    account: Type.String({ maxLength: 4, description: 'Kommun-Bas account, four digits' }),
    responsibility: Nullable(Type.String({ maxLength: 20, description: 'Ansvar (SIE dimension 1)' })),
    activity: Nullable(Type.String({ maxLength: 20, description: 'Verksamhet (SIE dimension 20)' })),
    project: Nullable(Type.String({ maxLength: 20, description: 'Projekt (SIE dimension 6)' })),
  },
  { additionalProperties: false },
);

/** A follow-up report of an agreement that is overdue: nothing is paid on the agreement until it is submitted. */
export const OverdueReportSchema = Type.Object(
  { id: Uuid, kind: Literals(REPORT_KINDS), dueOn: Type.String({ description: 'The due date that has passed, YYYY-MM-DD (Europe/Stockholm)' }) },
  { description: 'A follow-up report of the agreement that is overdue: nothing is paid on the agreement until it is submitted' },
);
