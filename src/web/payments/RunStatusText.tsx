import { useTranslation } from 'react-i18next';
import type { PaymentStatus, RunStatus } from './api.ts';

/** A run's status in words. */
export function RunStatusText({ status }: { status: RunStatus }) {
  const { t } = useTranslation();
  return <>{t(`payments.runStatus.${status}`)}</>;
}

/** A payment's status in words. */
export function PaymentStatusText({ status }: { status: PaymentStatus }) {
  const { t } = useTranslation();
  return <>{t(`payments.paymentStatus.${status}`)}</>;
}
