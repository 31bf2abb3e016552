import { Type } from 'typebox';
import { Nullable } from '../schemas.ts';

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
