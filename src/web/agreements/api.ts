// Agreements: the agreement of a granted application, signing, comments, amendments, releasing an
// instalment after an approved interim report, and recoveries.
import type { QueryClient } from '@tanstack/react-query';
import { client, href, unwrap } from '../api/client.ts';
import type { Answer, Body } from '../api/types.ts';
import { keys } from '../queryKeys.ts';

export type Agreement = Answer<'/api/agreements/{id}', 'get'>;
export type AgreementContent = Agreement['content'];
export type AgreementSchedule = Agreement['schedule'];
export type AgreementKind = Agreement['kind'];
export type AgreementContact = AgreementContent['contacts'][number];
export type Involvement = AgreementContent['responsibilities'][number]['roles'][string];
export type Instalment = Agreement['instalments'][number];
export type PlannedInstalment = Agreement['plannedInstalments'][number];
export type Recovery = Agreement['recoveries'][number];
export type Ledger = Agreement['ledger'];
export type Signature = Agreement['signatures'][number];
export type AgreementUpdate = Body<'/api/agreements/{id}', 'put'>;
export type AmendmentRequest = Body<'/api/agreements/{id}/amendments', 'post'>;
export type RecoveryRequest = Body<'/api/agreements/{id}/recoveries', 'post'>;
export type OrganisationAgreement = Answer<'/api/organisations/{id}/agreements', 'get'>['agreements'][number];

export const getAgreement = (id: string) => unwrap(client.GET('/api/agreements/{id}', { params: { path: { id } } }));
export const getApplicationAgreement = (applicationId: string) =>
  unwrap(client.GET('/api/applications/{id}/agreement', { params: { path: { id: applicationId } } }));
export const draftAgreement = (applicationId: string) => unwrap(client.POST('/api/applications/{id}/agreement', { params: { path: { id: applicationId } } }));
export const saveAgreement = (id: string, body: AgreementUpdate) => unwrap(client.PUT('/api/agreements/{id}', { params: { path: { id } }, body }));
export const amendAgreement = (id: string, body: AmendmentRequest) =>
  unwrap(client.POST('/api/agreements/{id}/amendments', { params: { path: { id } }, body }));
export const commentOnAgreement = (id: string, body: string) =>
  unwrap(client.POST('/api/agreements/{id}/comments', { params: { path: { id } }, body: { body } }));
/** Signs what was read: the server refuses (409 agreement_changed) if the content has changed since. */
export const signAgreement = (id: string, contentSha256: string) =>
  unwrap(client.POST('/api/agreements/{id}/sign', { params: { path: { id } }, body: { contentSha256 } }));
export const releaseInstalment = (instalmentId: string, reportApprovedOn: string) =>
  unwrap(client.POST('/api/instalments/{id}/release', { params: { path: { id: instalmentId } }, body: { reportApprovedOn } }));
export const decideRecovery = (id: string, body: RecoveryRequest) => unwrap(client.POST('/api/agreements/{id}/recoveries', { params: { path: { id } }, body }));
export const listOrganisationAgreements = (organisationId: string) =>
  unwrap(client.GET('/api/organisations/{id}/agreements', { params: { path: { id: organisationId } } }));
export const agreementPdfUrl = (id: string, lang?: 'sv' | 'en') => href('/api/agreements/{id}/document.pdf', { path: { id }, query: { lang } });

/**
 * After a change to an agreement: what the answer says is put in place at once, and everything that
 * shows it (the agreement page, the application's section, the organisation's list) is read again.
 */
export async function refreshAgreement(queryClient: QueryClient, a: Agreement) {
  queryClient.setQueryData(keys.agreements.one(a.id), a);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: keys.agreements.one(a.id) }),
    queryClient.invalidateQueries({ queryKey: keys.agreements.ofApplication(a.applicationId) }),
    queryClient.invalidateQueries({ queryKey: keys.agreements.ofOrganisation(a.organisation.id) }),
  ]);
}
