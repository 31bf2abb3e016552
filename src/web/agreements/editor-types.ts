// The agreement as the API shows it, and the parts of it the editor changes, named from the generated
// API types so they follow the server's schema.
import type { Answer, Body } from '../api/types.ts';

/** One agreement as GET /api/agreements/:id answers it. */
export type Agreement = Answer<'/api/agreements/{id}', 'get'>;
export type AgreementContent = Agreement['content'];
export type AgreementSchedule = Agreement['schedule'];
export type AgreementKind = Agreement['kind'];
export type AgreementContact = AgreementContent['contacts'][number];
export type Involvement = AgreementContent['responsibilities'][number]['roles'][string];

/** What saving a draft sends (PUT /api/agreements/:id). */
export type DraftRequest = Body<'/api/agreements/{id}', 'put'>;
/** What an amendment of a signed agreement sends (POST /api/agreements/:id/amendments). */
export type AmendmentRequest = Body<'/api/agreements/{id}/amendments', 'post'>;
