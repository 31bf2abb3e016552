// Decisions on an application: the record and recording one.
import { client, unwrap } from '../api/client.ts';
import type { Answer, Body } from '../api/types.ts';

export type DecisionView = Answer<'/api/applications/{id}/decisions', 'post'>;
export type Outcome = DecisionView['outcome'];
export type Reservation = DecisionView['reservations'][number];
export type DecisionRequest = Body<'/api/applications/{id}/decisions', 'post'>;

export const listDecisions = (applicationId: string) => unwrap(client.GET('/api/applications/{id}/decisions', { params: { path: { id: applicationId } } }));
export const recordDecision = (applicationId: string, body: DecisionRequest) =>
  unwrap(client.POST('/api/applications/{id}/decisions', { params: { path: { id: applicationId } }, body }));
