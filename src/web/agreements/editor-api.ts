// The editor's requests: saving a draft, amending a signed agreement, and reading the agreement
// afresh when someone else saved meanwhile.
import { client, unwrap } from '../api/client.ts';
import type { AmendmentRequest, DraftRequest } from './editor-types.ts';

export const fetchAgreementForEditor = (id: string) => unwrap(client.GET('/api/agreements/{id}', { params: { path: { id } } }));

export const saveAgreementDraft = (id: string, body: DraftRequest) => unwrap(client.PUT('/api/agreements/{id}', { params: { path: { id } }, body }));

export const amendAgreement = (id: string, body: AmendmentRequest) =>
  unwrap(client.POST('/api/agreements/{id}/amendments', { params: { path: { id } }, body }));
