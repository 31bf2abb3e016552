import type { TFunction } from 'i18next';
import { formatDate, kr } from './format.ts';

const AMOUNT_KEYS = new Set(['amount', 'minAmount', 'maxAmount']);
const DATE_KEYS = new Set(['opensOn', 'deadline']);

/** One changed part of a call in words: what it is, and its value before and after where that reads well. */
export function describeChange(t: TFunction, key: string, change: { before: unknown; after: unknown }, activityLabel: (k: string) => string = (k) => k) {
  const value = (v: unknown): string | null => {
    if (v === null || v === undefined || v === '') return t('common.notGiven');
    if (AMOUNT_KEYS.has(key) && typeof v === 'number') return kr(v);
    if (DATE_KEYS.has(key) && typeof v === 'string') return formatDate(v);
    if (key === 'grantPeriodMonths' && typeof v === 'number') return t('calls.months', { count: v });
    if (key === 'requiresEligibilityApproval') return v ? t('common.yes') : t('common.no');
    if (key === 'title' || key === 'summary') return String(v);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
      if (v.length === 0) return t('common.none');
      const map: Record<string, (x: string) => string> = {
        eligibleForms: (x) => t(`legalForms.${x}`),
        exclusions: (x) => t(`exclusions.${x}.short`),
        targetGroups: (x) => t(`targetGroups.${x}`),
        requiredAttachments: (x) => t(`attachments.${x}`),
        activityTypes: activityLabel,
      };
      return v.map(map[key] ?? ((x: string) => x)).join(', ');
    }
    return null;
  };
  const before = value(change.before);
  const after = value(change.after);
  return { label: t(`callFields.${key}`, { defaultValue: key }), before, after };
}
