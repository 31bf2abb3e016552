import { useQuery } from '@tanstack/react-query';
import { get } from '../api.ts';
import { keys } from '../queryKeys.ts';

export interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: string;
  createdAt: string;
}

/** The local mailbox (no SMTP server configured); refreshed now and then so new mail shows up. */
export function useMailbox() {
  return useQuery({
    queryKey: keys.mailbox(),
    queryFn: () => get<{ mails: Mail[] }>('/api/mailbox'),
    refetchInterval: 3000,
    retry: false,
  });
}
