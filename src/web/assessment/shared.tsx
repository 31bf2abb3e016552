// Small pieces the assessment pages share: who may do what, scores and outcomes in words, and the fields a screening rule found wanting.

import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { policy } from '../../domain/roles.ts';
import { usePrincipal } from '../components/funder.ts';
import type { Outcome } from '../decisions/api.ts';
import { currentLanguage } from '../i18n/index.ts';
import { keys } from '../queryKeys.ts';
import { getAssessment, type ScoreSummary } from './api.ts';

/** What the signed-in person may do in a funder's assessment (the server's own policies). */
export function useAssessmentRights(funderId: string | undefined) {
  const principal = usePrincipal();
  const id = funderId ?? '';
  return {
    assess: policy.assess(principal, id),
    view: policy.viewAssessment(principal, id),
    recordDecision: policy.recordDecision(principal, id),
    decideAsDelegate: policy.decideAsDelegate(principal, id),
  };
}

/** A call's assessment overview, and what the signed-in person may do with it. */
export function useCallAssessment(callId: string) {
  const overview = useQuery({
    queryKey: keys.assessment(callId),
    queryFn: () => getAssessment(callId),
    retry: false,
  });
  return { overview, rights: useAssessmentRights(overview.data?.call.funderId) };
}

/** A score as people read it: "3,95" / "3.95". */
export function score(value: number): string {
  return new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 2 }).format(value);
}

/** "3,95 ± 0,48" — the weighted mean and its spread — or "no scores yet". */
export function meanText(t: TFunction, s: ScoreSummary): string {
  if (s.mean === null) return t('assessment.scores.none');
  return s.spread === null ? score(s.mean) : t('assessment.scores.meanSpread', { mean: score(s.mean), spread: score(s.spread) });
}

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const tone = outcome === 'rejected' ? 'badge-rejected' : 'badge-approved';
  return <span className={`badge ${tone}`}>{t(`assessment.outcome.${outcome}`)}</span>;
}

export function ScreeningBadge({ outcome }: { outcome: 'eligible' | 'ineligible' }) {
  const { t } = useTranslation();
  return <span className={`badge ${outcome === 'eligible' ? 'badge-approved' : 'badge-rejected'}`}>{t(`assessment.screening.outcome.${outcome}`)}</span>;
}

/** Where a reviewer stands: not yet declared, with a conflict of interest, scoring, or submitted. */
export function ReviewerStateText({ conflict, submitted }: { conflict: 'none' | 'conflict' | null; submitted: boolean }) {
  const { t } = useTranslation();
  const state = conflict === 'conflict' ? 'conflict' : submitted ? 'submitted' : conflict === 'none' ? 'scoring' : 'notDeclared';
  return <>{t(`assessment.reviewers.state.${state}`)}</>;
}

const RULE_NAMES = new Set(['call_open', 'legal_form', 'eligibility_approval']);

/**
 * A field the self-check found wanting, in words: "Aktiviteter 1: Sorts aktivitet",
 * "Bilagor: Stadgar". Eligibility rules name themselves, so they add nothing and are left out.
 */
export function describeField(t: TFunction, path: string): string | null {
  if (RULE_NAMES.has(path)) return null;
  const [top = '', second, third] = path.split('.');
  const topName = t(`application.fieldNames.${top}`, { defaultValue: top });
  if (second === undefined) return topName;
  if (top === 'declarations') return `${topName}: ${t(`exclusions.${second}.short`, { defaultValue: second })}`;
  if (top === 'attachments') return `${topName}: ${t(`attachments.${second}`, { defaultValue: second })}`;
  if (/^\d+$/.test(second)) {
    const row = `${topName} ${Number(second) + 1}`;
    const field = third === 'typeKey' ? 'kind' : third;
    return field ? `${row}: ${t(`application.fields.${field}`, { defaultValue: field })}` : row;
  }
  return `${topName}: ${second}`;
}
