import { useTranslation } from 'react-i18next';
import { OutcomeBadge } from '../assessment/shared.tsx';
import { kr } from '../calls/format.ts';
import type { Outcome } from '../decisions/api.ts';

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
  /** The inbox and an organisation's list answer the outcome as a plain string. */
  decision?: { outcome: Outcome | (string & {}); amount: number } | null;
}) {
  const { t } = useTranslation();
  if (decision) {
    return (
      <>
        <OutcomeBadge outcome={decision.outcome as Outcome} />
        {decision.outcome === 'rejected' ? null : <span> {kr(decision.amount)}</span>}
      </>
    );
  }
  const key = awaiting && status === 'submitted' ? 'awaiting_completion' : status;
  const tone = key === 'draft' ? 'badge-draft' : key === 'withdrawn' ? 'badge-closed' : key === 'awaiting_completion' ? 'badge-needs' : 'badge-submitted';
  return <span className={`badge ${tone}`}>{t(`application.status.${key}`, { defaultValue: key })}</span>;
}
