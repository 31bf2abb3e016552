// Eligibility approvals (bidragsberättigad förening): an organisation's requests and a funder's decisions.
import { client, unwrap } from '../api/client.ts';
import type { Answer, Body, Query } from '../api/types.ts';

export type Approval = Answer<'/api/eligibility/{id}/decision', 'post'>;
export type ApprovalStatus = Approval['status'];
export type Decision = Body<'/api/eligibility/{id}/decision', 'post'>['decision'];
export type EligibilityRequest = Body<'/api/organisations/{organisationId}/eligibility', 'post'>;

export const listOrganisationApprovals = (organisationId: string) =>
  unwrap(client.GET('/api/organisations/{organisationId}/eligibility', { params: { path: { organisationId } } }));
export const requestEligibility = (organisationId: string, body: EligibilityRequest) =>
  unwrap(client.POST('/api/organisations/{organisationId}/eligibility', { params: { path: { organisationId } }, body }));
export const listFunderApprovals = (funderId: string, status?: Query<'/api/funders/{funderId}/eligibility'>['status']) =>
  unwrap(client.GET('/api/funders/{funderId}/eligibility', { params: { path: { funderId }, query: status ? { status } : {} } }));
export type LeadTime = Answer<'/api/funders/{funderId}/eligibility/lead-time', 'get'>;
export const getLeadTime = (funderId: string) => unwrap(client.GET('/api/funders/{funderId}/eligibility/lead-time', { params: { path: { funderId } } }));
export const decideEligibility = (id: string, body: Body<'/api/eligibility/{id}/decision', 'post'>) =>
  unwrap(client.POST('/api/eligibility/{id}/decision', { params: { path: { id } }, body }));

/** The documents a request attaches: the field it sends and the key the approval answers it under. */
export const DOCUMENTS = [
  { field: 'statutesFileId', key: 'statutesFile', item: 'statutes' },
  { field: 'annualReportFileId', key: 'annualReportFile', item: 'annual_report' },
  { field: 'accountsFileId', key: 'accountsFile', item: 'accounts' },
] as const;
