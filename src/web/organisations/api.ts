// Organisations and their uploaded documents.
import { client, href, unwrap } from '../api/client.ts';
import type { Answer, Body } from '../api/types.ts';

export type Organisation = Answer<'/api/organisations/{id}', 'get'>;
export type LegalForm = Body<'/api/organisations', 'post'>['legalForm'];
export type UploadedFile = Answer<'/api/organisations/{organisationId}/files', 'post'>;

export const getOrganisation = (id: string) => unwrap(client.GET('/api/organisations/{id}', { params: { path: { id } } }));
export const createOrganisation = (body: Body<'/api/organisations', 'post'>) => unwrap(client.POST('/api/organisations', { body }));

/** Uploads one file as multipart/form-data (field "file"), with the CSRF header like every other change. */
export function uploadFile(organisationId: string, file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return unwrap(
    client.POST('/api/organisations/{organisationId}/files', {
      params: { path: { organisationId } },
      body: form as never,
      bodySerializer: (body: unknown) => body as FormData,
    }),
  );
}

/** Where an uploaded file is downloaded from. */
export const fileUrl = (id: string) => href('/api/files/{id}', { path: { id } });
