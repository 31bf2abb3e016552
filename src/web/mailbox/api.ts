// The local mailbox (demo and development): the mails Samverka sent.
import { client, unwrap } from '../api/client.ts';
import type { Answer } from '../api/types.ts';

export type Mail = Answer<'/api/mailbox', 'get'>['mails'][number];

export const listMails = () => unwrap(client.GET('/api/mailbox'));
