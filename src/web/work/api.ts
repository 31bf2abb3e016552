// What needs the signed-in staff member: their work queues per funder.
import { client, unwrap } from '../api/client.ts';
import type { Answer } from '../api/types.ts';

export type MyWork = Answer<'/api/me/work', 'get'>;
export type WorkQueue = MyWork['funders'][number]['queues'][number];
export type WorkItem = WorkQueue['items'][number];

export const getMyWork = (limit: number) => unwrap(client.GET('/api/me/work', { params: { query: { limit } } }));
