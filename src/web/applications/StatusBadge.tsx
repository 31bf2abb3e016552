import { useTranslation } from 'react-i18next';
import { shownStatus } from '../../domain/applications/status.ts';
import { OutcomeBadge } from '../assessment/shared.tsx';
import { kr } from '../calls/format.ts';
import type { Outcome } from '../decisions/api.ts';

/**
 * An application's one status in words (and colour, never colour alone), by the domain's rule: its
 * stage until a decision, then the outcome of its current decision with the amount granted.
 */
export function StatusBadge({
  status,
  awaiting = false,
  decision = null,
}: {
  status: string;
  awaiting?: boolean;
  /** The current decision (the inbox and an organisation's list answer the outcome as a plain string). */
  decision?: { outcome: Outcome | (string & {}); amount: number } | null;
}) {
  const { t } = useTranslation();
  const shown = shownStatus({ status, awaitingCompletion: awaiting, outcome: decision?.outcome ?? null });
  if (decision && (shown === 'approved' || shown === 'partially_approved' || shown === 'rejected')) {
    return (
      <>
        <OutcomeBadge outcome={shown} />
        {shown === 'rejected' ? null : <span> {kr(decision.amount)}</span>}
      </>
    );
  }
  const tone = shown === 'draft' ? 'badge-draft' : shown === 'withdrawn' ? 'badge-closed' : shown === 'awaiting_completion' ? 'badge-needs' : 'badge-submitted';
  return <span className={`badge ${tone}`}>{t(`application.status.${shown}`)}</span>;
}
