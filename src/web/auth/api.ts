// Sessions, sign-in, registration, password resets, invitations and the funders one signs in to.
import { client, fetchSession, href, rememberCsrf, unwrap } from '../api/client.ts';
import type { Answer, Body } from '../api/types.ts';

export type { SessionReply, SessionUser } from '../api/client.ts';
export { fetchSession };
export type Funder = Answer<'/api/funders', 'get'>['funders'][number];
export type Invitation = Answer<'/api/invitations/{token}', 'get'>;

export const listFunders = () => unwrap(client.GET('/api/funders'));

export const signIn = (body: Body<'/api/auth/login', 'post'>) => unwrap(client.POST('/api/auth/login', { body }));
export const register = (body: Body<'/api/auth/register', 'post'>) => unwrap(client.POST('/api/auth/register', { body }));
export const signOut = (everywhere = false) => unwrap(everywhere ? client.POST('/api/auth/logout-everywhere') : client.POST('/api/auth/logout'));
/** Where single sign-on with a funder's identity provider starts (a redirect the browser follows). */
export const singleSignOnUrl = (funderId: string) => href('/api/auth/oidc/{funderId}/start', { path: { funderId } });

export const requestPasswordReset = (email: string) => unwrap(client.POST('/api/auth/password-reset', { body: { email } }));
export const resetPassword = (body: Body<'/api/auth/password-reset/confirm', 'post'>) => unwrap(client.POST('/api/auth/password-reset/confirm', { body }));

export const getInvitation = (token: string) => unwrap(client.GET('/api/invitations/{token}', { params: { path: { token } } }));
export async function acceptInvitation(body: Body<'/api/invitations/accept', 'post'>) {
  const answer = await unwrap(client.POST('/api/invitations/accept', { body }));
  rememberCsrf(answer.csrfToken);
  return answer;
}

/** Saves the language the server answers this person in. */
export const saveLocale = (locale: 'sv' | 'en') => unwrap(client.PUT('/api/me/locale', { body: { locale } }));
