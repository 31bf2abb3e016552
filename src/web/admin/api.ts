// A funder's people, decision rules and follow-up settings.
import { client, unwrap } from '../api/client.ts';
import type { Answer, Body } from '../api/types.ts';

export type Members = Answer<'/api/funders/{funderId}/members', 'get'>;
export type Member = Members['members'][number];
export type Role = Body<'/api/funders/{funderId}/invitations', 'post'>['role'];

export const getMembers = (funderId: string) => unwrap(client.GET('/api/funders/{funderId}/members', { params: { path: { funderId } } }));
export const setRoles = (funderId: string, userId: string, body: Body<'/api/funders/{funderId}/members/{userId}/roles', 'put'>) =>
  unwrap(client.PUT('/api/funders/{funderId}/members/{userId}/roles', { params: { path: { funderId, userId } }, body }));
export const invite = (funderId: string, body: Body<'/api/funders/{funderId}/invitations', 'post'>) =>
  unwrap(client.POST('/api/funders/{funderId}/invitations', { params: { path: { funderId } }, body }));
export const saveDecisionRules = (funderId: string, body: Body<'/api/funders/{funderId}/decision-rules', 'put'>) =>
  unwrap(client.PUT('/api/funders/{funderId}/decision-rules', { params: { path: { funderId } }, body }));
export type FollowUpSettings = Answer<'/api/funders/{id}/follow-up-settings', 'get'>;
export const getFollowUpSettings = (funderId: string) => unwrap(client.GET('/api/funders/{id}/follow-up-settings', { params: { path: { id: funderId } } }));
export const saveFollowUpSettings = (funderId: string, body: Body<'/api/funders/{id}/follow-up-settings', 'put'>) =>
  unwrap(client.PUT('/api/funders/{id}/follow-up-settings', { params: { path: { id: funderId } }, body }));
