// Applications: drafting, the self-check, submitting, withdrawing, completion rounds, an organisation's
// applications and the caseworker's inbox.
import type { QueryClient } from '@tanstack/react-query';
import { client, href, unwrap } from '../api/client.ts';
import type { Answer, Body, Query } from '../api/types.ts';
import { keys } from '../queryKeys.ts';

export type ApplicationView = Answer<'/api/applications/{id}', 'get'>;
export type CompletionRound = ApplicationView['completionRequests'][number];
export type CheckResult = Answer<'/api/applications/{id}/check', 'get'>;
export type SubmitReceipt = Answer<'/api/applications/{id}/submit', 'post'>;
export type OrganisationApplication = Answer<'/api/organisations/{organisationId}/applications', 'get'>['applications'][number];
export type InboxPage = Answer<'/api/funders/{funderId}/applications', 'get'>;
export type InboxItem = InboxPage['items'][number];
export type InboxQuery = Query<'/api/funders/{funderId}/applications'>;

export const getApplication = (id: string) => unwrap(client.GET('/api/applications/{id}', { params: { path: { id } } }));
export const startApplication = (callId: string, organisationId: string) =>
  unwrap(client.POST('/api/calls/{callId}/applications', { params: { path: { callId } }, body: { organisationId } }));
/** `keepalive`: sent as the page goes away, so the request outlives it. */
export const saveApplication = (id: string, body: Body<'/api/applications/{id}', 'put'>, init: { keepalive?: boolean } = {}) =>
  unwrap(client.PUT('/api/applications/{id}', { params: { path: { id } }, body, ...init }));
export const checkApplication = (id: string) => unwrap(client.GET('/api/applications/{id}/check', { params: { path: { id } } }));
/** Submits once: a retry with the same idempotency key answers the first answer again. */
export const submitApplication = (id: string, idempotencyKey: string) =>
  unwrap(client.POST('/api/applications/{id}/submit', { params: { path: { id }, header: { 'idempotency-key': idempotencyKey } } }));
export const withdrawApplication = (id: string, reason?: string) =>
  unwrap(client.POST('/api/applications/{id}/withdraw', { params: { path: { id } }, body: reason ? { reason } : {} }));
export const receiptUrl = (id: string, lang?: 'sv' | 'en') => href('/api/applications/{id}/receipt.pdf', { path: { id }, query: { lang } });

export const requestCompletion = (id: string, body: Body<'/api/applications/{id}/completion-requests', 'post'>) =>
  unwrap(client.POST('/api/applications/{id}/completion-requests', { params: { path: { id } }, body }));
export const answerCompletion = (roundId: string, body: Body<'/api/completion-requests/{id}/answer', 'post'>) =>
  unwrap(client.POST('/api/completion-requests/{id}/answer', { params: { path: { id: roundId } }, body }));

export const listOrganisationApplications = (organisationId: string) =>
  unwrap(client.GET('/api/organisations/{organisationId}/applications', { params: { path: { organisationId } } }));

export const listInbox = (funderId: string, query: InboxQuery) =>
  unwrap(client.GET('/api/funders/{funderId}/applications', { params: { path: { funderId }, query } }));
/** The inbox's list as a spreadsheet, with the same filters. */
export const inboxExportUrl = (funderId: string, format: 'csv' | 'xlsx', query: Record<string, string>) =>
  href(format === 'csv' ? '/api/funders/{funderId}/applications.csv' : '/api/funders/{funderId}/applications.xlsx', { path: { funderId }, query });

/** After a change to an application: its view and its history are read again. */
export const refreshApplication = (queryClient: QueryClient, id: string) =>
  Promise.all([queryClient.invalidateQueries({ queryKey: keys.application(id) }), queryClient.invalidateQueries({ queryKey: keys.audit('application', id) })]);
export type ApplicationContent = ApplicationView['content'];
