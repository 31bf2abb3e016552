import { useTranslation } from 'react-i18next';
import { OutcomeBadge } from '../assessment/shared.tsx';
import type { Outcome } from '../assessment/types.ts';
import { kr } from '../calls/format.ts';

/**
 * An application's status in words (and colour, never colour alone); once decided, the outcome of
 * its current decision and the amount granted.
 */
export function StatusBadge({
  status,
  awaiting = false,
  decision = null,
}: {
  status: string;
  awaiting?: boolean;
  decision?: { outcome: Outcome; amount: number } | null;
}) {
  const { t } = useTranslation();
  if (decision) {
    return (
      <>
        <OutcomeBadge outcome={decision.outcome} />
        {decision.outcome === 'rejected' ? null : <span> {kr(decision.amount)}</span>}
      </>
    );
  }
  const key = awaiting && status === 'submitted' ? 'awaiting_completion' : status;
  const tone = key === 'draft' ? 'badge-draft' : key === 'withdrawn' ? 'badge-closed' : key === 'awaiting_completion' ? 'badge-needs' : 'badge-submitted';
  return <span className={`badge ${tone}`}>{t(`application.status.${key}`, { defaultValue: key })}</span>;
}
