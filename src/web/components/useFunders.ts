import { useQuery } from '@tanstack/react-query';
import { get } from '../api.ts';
import type { Funder } from '../calls/types.ts';
import { keys } from '../queryKeys.ts';

/** Every funder an association can turn to (for requests and proposals). */
export function useFunders() {
  return useQuery({ queryKey: keys.funders(), queryFn: () => get<{ funders: Funder[] }>('/api/funders'), staleTime: 5 * 60_000 });
}
