import { useTranslation } from 'react-i18next';

/** An application's status in words (and colour, never colour alone). */
export function StatusBadge({ status, awaiting = false }: { status: string; awaiting?: boolean }) {
  const { t } = useTranslation();
  const key = awaiting && status === 'submitted' ? 'awaiting_completion' : status;
  const tone = key === 'draft' ? 'badge-draft' : key === 'withdrawn' ? 'badge-closed' : key === 'awaiting_completion' ? 'badge-needs' : 'badge-submitted';
  return <span className={`badge ${tone}`}>{t(`application.status.${key}`, { defaultValue: key })}</span>;
}
