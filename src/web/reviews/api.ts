// A reviewer's assignments, their review and their declaration of conflicts.
import { client, unwrap } from '../api/client.ts';
import type { Answer, Body } from '../api/types.ts';

export type ReviewAssignment = Answer<'/api/reviews', 'get'>['assignments'][number];
export type MyReview = Answer<'/api/applications/{id}/review', 'get'>;
export type OtherReview = NonNullable<MyReview['others']>[number];
export type Conflict = MyReview['conflict'];
export type Criterion = MyReview['criteria'][number];
export type ScoreSummary = NonNullable<MyReview['summary']>;

export const listMyReviews = () => unwrap(client.GET('/api/reviews'));
export const getMyReview = (applicationId: string) => unwrap(client.GET('/api/applications/{id}/review', { params: { path: { id: applicationId } } }));
export const saveReview = (applicationId: string, body: Body<'/api/applications/{id}/review', 'put'>) =>
  unwrap(client.PUT('/api/applications/{id}/review', { params: { path: { id: applicationId } }, body }));
export const declare = (applicationId: string, body: Body<'/api/applications/{id}/review/declaration', 'post'>) =>
  unwrap(client.POST('/api/applications/{id}/review/declaration', { params: { path: { id: applicationId } }, body }));
