import { useQuery } from '@tanstack/react-query';
import { getPublicCall } from '../calls/api.ts';
import { keys } from '../queryKeys.ts';
import { getApplication } from './api.ts';

/** The application and its call's rules (which the form and the checks follow). */
export function useApplication(id: string) {
  const app = useQuery({ queryKey: keys.application(id), queryFn: () => getApplication(id), retry: false });
  const callId = app.data?.callId;
  const call = useQuery({
    queryKey: keys.publicCall(callId),
    queryFn: () => getPublicCall(callId ?? ''),
    enabled: !!callId,
    retry: false,
  });
  return { app, call, error: app.error ?? call.error };
}
