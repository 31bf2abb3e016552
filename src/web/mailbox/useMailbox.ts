import { useQuery } from '@tanstack/react-query';

export type { Mail } from './api.ts';

import { keys } from '../queryKeys.ts';
import { listMails } from './api.ts';

/** The local mailbox (no SMTP server configured); refreshed now and then so new mail shows up. */
export function useMailbox() {
  return useQuery({
    queryKey: keys.mailbox(),
    queryFn: () => listMails(),
    refetchInterval: 3000,
    retry: false,
  });
}
