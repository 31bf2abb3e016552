// An organisation's agreements and payout accounts, as the association sees them.
import { client, unwrap } from '../api/client.ts';
import type { Answer, Body } from '../api/types.ts';

export type OrganisationAgreement = Answer<'/api/organisations/{id}/agreements', 'get'>['agreements'][number];
export type PayoutAccounts = Answer<'/api/organisations/{id}/payout-accounts', 'get'>;
export type PayoutAccount = PayoutAccounts['accounts'][number];
export type PayoutAccountRequest = Body<'/api/organisations/{id}/payout-accounts', 'post'>;

export const listOrganisationAgreements = (id: string) => unwrap(client.GET('/api/organisations/{id}/agreements', { params: { path: { id } } }));
export const listPayoutAccounts = (id: string) => unwrap(client.GET('/api/organisations/{id}/payout-accounts', { params: { path: { id } } }));
export const requestPayoutAccount = (id: string, body: PayoutAccountRequest) =>
  unwrap(client.POST('/api/organisations/{id}/payout-accounts', { params: { path: { id } }, body }));
