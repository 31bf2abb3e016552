// A funder's programmes and their budget lines.
import { client, unwrap } from '../api/client.ts';
import type { Answer, Body } from '../api/types.ts';

export type Programme = Answer<'/api/funders/{funderId}/programmes', 'get'>['programmes'][number];
export type BudgetLine = Programme['lines'][number];

export const listProgrammes = (funderId: string) => unwrap(client.GET('/api/funders/{funderId}/programmes', { params: { path: { funderId } } }));
export const createProgramme = (funderId: string, body: Body<'/api/funders/{funderId}/programmes', 'post'>) =>
  unwrap(client.POST('/api/funders/{funderId}/programmes', { params: { path: { funderId } }, body }));
/** Where a line's payments are booked; null for the funder's default. */
export type LineAccounting = BudgetLine['accounting'];

export const setLineAccounting = (lineId: string, accounting: LineAccounting) =>
  unwrap(client.PUT('/api/budget-lines/{id}/accounting', { params: { path: { id: lineId } }, body: { accounting } }));
