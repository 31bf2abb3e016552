// Payments: finance's settings, what is due, payment runs with two attests, the bank's answers, payout
// account changes waiting for a second person, and the ledger.
import { client, unwrap } from '../api/client.ts';
import type { Answer, Body, Query } from '../api/types.ts';

export type Due = Answer<'/api/funders/{id}/payments/due', 'get'>;
export type DueInstalment = Due['due'][number];
export type Hold = NonNullable<DueInstalment['hold']>;
export type RunSummary = Answer<'/api/payment-runs/{id}', 'get'>['run'];
export type RunPayment = Answer<'/api/payment-runs/{id}', 'get'>['payments'][number];
export type RunStatus = RunSummary['status'];
export type PaymentStatus = RunPayment['status'];
export type PendingAccount = Answer<'/api/funders/{id}/payout-accounts', 'get'>['accounts'][number];
export type LedgerBy = Query<'/api/funders/{id}/ledger'>['by'];
export type LedgerRow = Answer<'/api/funders/{id}/ledger', 'get'>['rows'][number];
export type Settings = Body<'/api/funders/{id}/payment-settings', 'put'>;
export type SettleResult = Answer<'/api/payment-runs/{id}/confirm', 'post'>;
export type BankFileResult = Answer<'/api/funders/{id}/bank-files', 'post'>;
export type RunFileKind = 'pain001' | 'sie' | 'csv';

export const RUN_FILE_KINDS: readonly RunFileKind[] = ['pain001', 'sie', 'csv'];
export const LEDGER_GROUPS: readonly LedgerBy[] = ['budget_line', 'call', 'agreement', 'organisation'];

const path = (id: string) => ({ params: { path: { id } } });

export const getDue = (funderId: string, by: string) =>
  unwrap(client.GET('/api/funders/{id}/payments/due', { params: { path: { id: funderId }, query: by ? { by } : {} } }));
export const listRuns = (funderId: string) => unwrap(client.GET('/api/funders/{id}/payment-runs', path(funderId)));
export const prepareRun = (funderId: string, body: Body<'/api/funders/{id}/payment-runs', 'post'>) =>
  unwrap(client.POST('/api/funders/{id}/payment-runs', { ...path(funderId), body }));
export const getRun = (runId: string) => unwrap(client.GET('/api/payment-runs/{id}', path(runId)));
export const approveRun = (runId: string) => unwrap(client.POST('/api/payment-runs/{id}/approve', path(runId)));
export const cancelRun = (runId: string, reason: string) =>
  unwrap(client.POST('/api/payment-runs/{id}/cancel', { ...path(runId), body: reason ? { reason } : {} }));
export const confirmPaid = (runId: string, paidOn: string) => unwrap(client.POST('/api/payment-runs/{id}/confirm', { ...path(runId), body: { paidOn } }));
export const rejectPayment = (paymentId: string, reason: string) => unwrap(client.POST('/api/payments/{id}/reject', { ...path(paymentId), body: { reason } }));
export const importBankFile = (funderId: string, content: string) =>
  unwrap(client.POST('/api/funders/{id}/bank-files', { ...path(funderId), body: { content } }));
export const getLedger = (funderId: string, by: LedgerBy) =>
  unwrap(client.GET('/api/funders/{id}/ledger', { params: { path: { id: funderId }, query: { by } } }));
export const getSettings = (funderId: string) => unwrap(client.GET('/api/funders/{id}/payment-settings', path(funderId)));
export const putSettings = (funderId: string, body: Settings) => unwrap(client.PUT('/api/funders/{id}/payment-settings', { ...path(funderId), body }));
export const listPendingAccounts = (funderId: string) =>
  unwrap(client.GET('/api/funders/{id}/payout-accounts', { params: { path: { id: funderId }, query: { status: 'pending' } } }));
export const decideAccount = (accountId: string, body: Body<'/api/payout-accounts/{id}/decision', 'post'>) =>
  unwrap(client.POST('/api/payout-accounts/{id}/decision', { ...path(accountId), body }));

/** Where a run's file is fetched; a plain link, so the browser saves it as the server names it. */
export const runFileUrl = (runId: string, kind: RunFileKind) => `/api/payment-runs/${encodeURIComponent(runId)}/files/${kind}`;
