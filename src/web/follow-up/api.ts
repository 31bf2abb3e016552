// Follow-up reports: an agreement's and an organisation's, one report, saving it as it is typed and
// submitting it, and the caseworker's approval, completion round and moved due date.
import type { QueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../api/client.ts';
import type { Answer, Body, Query } from '../api/types.ts';
import { keys } from '../queryKeys.ts';

export type Report = Answer<'/api/reports/{id}', 'get'>;

export const getReport = (id: string) => unwrap(client.GET('/api/reports/{id}', { params: { path: { id } } }));
export const listAgreementReports = (agreementId: string) => unwrap(client.GET('/api/agreements/{id}/reports', { params: { path: { id: agreementId } } }));
export const listOrganisationReports = (organisationId: string) =>
  unwrap(client.GET('/api/organisations/{id}/reports', { params: { path: { id: organisationId } } }));
export type FunderReportFilter = NonNullable<Query<'/api/funders/{id}/reports'>['status']>;
/** The funder's reports for the caseworker: to review, overdue or all, the overdue first. */
export const listFunderReports = (funderId: string, status: FunderReportFilter) =>
  unwrap(client.GET('/api/funders/{id}/reports', { params: { path: { id: funderId }, query: { status } } }));
/** `keepalive`: sent as the page goes away, so the request outlives it. */
export const saveReport = (id: string, body: Body<'/api/reports/{id}', 'put'>, init: { keepalive?: boolean } = {}) =>
  unwrap(client.PUT('/api/reports/{id}', { params: { path: { id } }, body, ...init }));
export const submitReport = (id: string, version: number) => unwrap(client.POST('/api/reports/{id}/submit', { params: { path: { id } }, body: { version } }));
export const approveReport = (id: string) => unwrap(client.POST('/api/reports/{id}/approve', { params: { path: { id } } }));
export const requestReportCompletion = (id: string, body: Body<'/api/reports/{id}/completion-requests', 'post'>) =>
  unwrap(client.POST('/api/reports/{id}/completion-requests', { params: { path: { id } }, body }));
export const moveReportDueDate = (id: string, body: Body<'/api/reports/{id}/due-date', 'put'>) =>
  unwrap(client.PUT('/api/reports/{id}/due-date', { params: { path: { id } }, body }));

/**
 * After a change to a report: what the answer says is put in place at once, and everything that shows
 * it is read again: the lists of reports, and the agreement and payments (an approved interim report
 * makes an instalment due).
 */
export async function refreshReport(queryClient: QueryClient, r: Report) {
  queryClient.setQueryData(keys.reports.one(r.id), r);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.reports.ofAgreement(r.agreementId) }),
    queryClient.invalidateQueries({ queryKey: keys.reports.ofOrganisation(r.organisationId) }),
    queryClient.invalidateQueries({ queryKey: keys.reports.ofFunder(r.funderId) }),
    queryClient.invalidateQueries({ queryKey: keys.agreements.one(r.agreementId) }),
    queryClient.invalidateQueries({ queryKey: keys.organisationAgreements(r.organisationId) }),
    queryClient.invalidateQueries({ queryKey: keys.payments.all(r.funderId) }),
  ]);
}
