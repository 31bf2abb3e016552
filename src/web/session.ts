import { useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchSession, type SessionReply, type SessionUser } from './api/client.ts';
import { keys } from './queryKeys.ts';

export const sessionQuery = { queryKey: keys.session, queryFn: fetchSession, staleTime: 60_000 };

/** Who is signed in (null when nobody), as the server last said. */
export function useSession() {
  const query = useQuery(sessionQuery);
  return { user: query.data?.user ?? null, mailbox: query.data?.mailbox ?? false, loading: query.isPending, error: query.error };
}

export function useUser(): SessionUser | null {
  return useSession().user;
}

/** Replaces what the app knows about the session after sign-in, sign-out or a new account. */
export function useSessionChange() {
  const client = useQueryClient();
  return async (reply?: SessionReply) => {
    // Whatever was loaded belongs to the previous person.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
    if (reply) client.setQueryData(keys.session, reply);
    else await client.fetchQuery({ queryKey: keys.session, queryFn: fetchSession, staleTime: 0 });
  };
}

/** Only same-site paths are followed after sign-in, so a link cannot send anyone elsewhere. */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

export function signInPath(next: string): string {
  return `/sign-in?${new URLSearchParams({ next })}`;
}
