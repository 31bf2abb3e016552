import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { phaseAt, timeLeft } from '../../domain/deadlines.ts';
import type { CallSummary, Phase } from './api.ts';
import { formatDate, timeLeftText } from './format.ts';
import { useNow } from './useNow.ts';

/** The phase as the reader's clock sees it (a page left open past the deadline says so). */
export function livePhase(call: Pick<CallSummary, 'phase' | 'opensOn' | 'deadline'>, now: Date): Phase {
  if (call.phase === 'draft' || !call.opensOn || !call.deadline) return call.phase;
  return phaseAt(call.opensOn, call.deadline, now);
}

/** A phase in words, not colour alone. */
export function PhaseBadge({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${phase}`}>{t(`calls.phase.${phase}`)}</span>;
}

/** "Sista dag: 6 mars 2022, kl. 23.59" */
export function deadlineText(t: TFunction, deadline: string) {
  return t('calls.deadlineAt', { date: formatDate(deadline) });
}

/** Where the call stands: opens on, open with time left, or closed since the deadline. */
export function CallStatus({ call }: { call: CallSummary }) {
  const { t } = useTranslation();
  const now = useNow();
  const phase = livePhase(call, now);
  if (!call.deadline) return null;
  if (phase === 'closed') {
    return (
      <div className="notice notice-closed call-status">
        <p>
          <strong>{t('calls.closedOn', { date: formatDate(call.deadline) })}</strong>
        </p>
        <p>{t('calls.closedMore')}</p>
      </div>
    );
  }
  if (phase === 'upcoming' && call.opensOn) {
    return (
      <div className="notice call-status">
        <p>
          <strong>{t('calls.opensOnLong', { date: formatDate(call.opensOn) })}</strong>
        </p>
        <p>{deadlineText(t, call.deadline)}</p>
      </div>
    );
  }
  if (phase === 'open') {
    return (
      <div className="notice notice-open call-status">
        <p>
          <strong>{t('calls.openNow')}</strong>
        </p>
        <p>{deadlineText(t, call.deadline)}</p>
        <p className="time-left">{timeLeftText(t, timeLeft(call.deadline, now))}</p>
      </div>
    );
  }
  return null;
}
