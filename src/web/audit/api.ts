// The audit trail of one object.
import { client, unwrap } from '../api/client.ts';
import type { Answer, Query } from '../api/types.ts';

export type AuditEntry = Answer<'/api/audit', 'get'>['entries'][number];
export type AuditQuery = Query<'/api/audit'>;

export const getAuditTrail = (query: AuditQuery) => unwrap(client.GET('/api/audit', { params: { query } }));
