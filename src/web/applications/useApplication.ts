import { useQuery } from '@tanstack/react-query';
import { get } from '../api.ts';
import type { CallDetail } from '../calls/types.ts';
import { keys } from '../queryKeys.ts';
import type { ApplicationView } from './types.ts';

/** The application and its call's rules (which the form and the checks follow). */
export function useApplication(id: string) {
  const app = useQuery({ queryKey: keys.application(id), queryFn: () => get<ApplicationView>(`/api/applications/${encodeURIComponent(id)}`), retry: false });
  const callId = app.data?.callId;
  const call = useQuery({
    queryKey: keys.publicCall(callId),
    queryFn: () => get<CallDetail>(`/api/public/calls/${encodeURIComponent(callId ?? '')}`),
    enabled: !!callId,
    retry: false,
  });
  return { app, call, error: app.error ?? call.error };
}
