// Calls: a funder's calls and their designer, and the published calls anyone can read.
import { client, unwrap } from '../api/client.ts';
import type { Answer, Body, Query } from '../api/types.ts';

export type CallSummary = Answer<'/api/public/calls', 'get'>['calls'][number];
export type CallDetail = Answer<'/api/calls/{id}', 'get'>;
export type Phase = CallSummary['phase'];
export type Amendment = CallDetail['amendments'][number];
export type CallRulesBody = Body<'/api/calls/{id}', 'put'>;

export const listFunderCalls = (funderId: string) => unwrap(client.GET('/api/funders/{funderId}/calls', { params: { path: { funderId } } }));
export const getCall = (id: string) => unwrap(client.GET('/api/calls/{id}', { params: { path: { id } } }));
/** `keepalive` (both): sent as the page goes away, so the request outlives it. */
export const createCall = (funderId: string, body: Body<'/api/funders/{funderId}/calls', 'post'>, init: { keepalive?: boolean } = {}) =>
  unwrap(client.POST('/api/funders/{funderId}/calls', { params: { path: { funderId } }, body, ...init }));
export const updateCall = (id: string, body: CallRulesBody, init: { keepalive?: boolean } = {}) =>
  unwrap(client.PUT('/api/calls/{id}', { params: { path: { id } }, body, ...init }));
export const publishCall = (id: string) => unwrap(client.POST('/api/calls/{id}/publish', { params: { path: { id } } }));
export const amendCall = (id: string, body: Body<'/api/calls/{id}/amendments', 'post'>) =>
  unwrap(client.POST('/api/calls/{id}/amendments', { params: { path: { id } }, body }));

export const listPublicCalls = (phase?: Query<'/api/public/calls'>['phase']) =>
  unwrap(client.GET('/api/public/calls', { params: { query: phase ? { phase } : {} } }));
export const getPublicCall = (id: string) => unwrap(client.GET('/api/public/calls/{id}', { params: { path: { id } } }));
