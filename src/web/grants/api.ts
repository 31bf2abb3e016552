// The public record of grants (open data).
import { client, href, unwrap } from '../api/client.ts';
import type { Answer } from '../api/types.ts';

export type GrantsReply = Answer<'/api/public/grants', 'get'>;

export const listGrants = (year?: number) => unwrap(client.GET('/api/public/grants', { params: { query: year ? { year } : {} } }));
/** The same list as open data, at an address anyone can fetch. */
export const grantsUrl = (year?: number) => href('/api/public/grants', { query: { year } });
