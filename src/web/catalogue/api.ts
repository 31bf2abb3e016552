// The catalogue of activity types: the adopted ones, and proposals a funder adopts or declines.
import { client, unwrap } from '../api/client.ts';
import type { Answer, Body } from '../api/types.ts';

export type ActivityType = Answer<'/api/activity-types', 'get'>['activityTypes'][number];
export type Proposal = Answer<'/api/funders/{funderId}/activity-types', 'get'>['proposals'][number];

/** The adopted activity types, with a funder's own when one is given. */
export const listActivityTypes = (funderId?: string | null) => unwrap(client.GET('/api/activity-types', { params: { query: funderId ? { funderId } : {} } }));
export const listFunderActivityTypes = (funderId: string) => unwrap(client.GET('/api/funders/{funderId}/activity-types', { params: { path: { funderId } } }));
export const proposeActivityType = (body: Body<'/api/activity-types/proposals', 'post'>) => unwrap(client.POST('/api/activity-types/proposals', { body }));
export const decideActivityType = (id: string, body: Body<'/api/activity-types/{id}/decision', 'post'>) =>
  unwrap(client.POST('/api/activity-types/{id}/decision', { params: { path: { id } }, body }));
