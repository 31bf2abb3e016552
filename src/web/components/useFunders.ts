import { useQuery } from '@tanstack/react-query';
import { listFunders } from '../auth/api.ts';
import { keys } from '../queryKeys.ts';

/** Every funder an association can turn to (for requests and proposals). */
export function useFunders() {
  return useQuery({ queryKey: keys.funders(), queryFn: () => listFunders(), staleTime: 5 * 60_000 });
}
