import { useQuery } from '@tanstack/react-query';
import { get } from '../api.ts';
import type { Funder } from '../calls/types.ts';

/** Every funder an association can turn to (for requests and proposals). */
export function useFunders() {
  return useQuery({ queryKey: ['funders'], queryFn: () => get<{ funders: Funder[] }>('/api/funders'), staleTime: 5 * 60_000 });
}
