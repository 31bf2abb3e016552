import { useInfiniteQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { emptyContent } from '../../domain/applications/types.ts';
import { FUNDER_ROLES } from '../../domain/roles.ts';
import { score } from '../assessment/shared.tsx';
import { describeChange } from '../calls/changes.ts';
import { dateTime, formatDate, kr } from '../calls/format.ts';
import { LoadError, Loading } from '../components/page.tsx';
import { keys } from '../queryKeys.ts';

export type { AuditEntry };

import { type AuditEntry, type AuditQuery, getAuditTrail } from './api.ts';

/** A moment as the whole app writes it ("3 mars 2022 kl. 14.32"), in Swedish time whatever the reader's clock says. */
export function formatDateTime(iso: string) {
  return dateTime(iso);
}

const roleOrder = (role: unknown) => (FUNDER_ROLES as readonly unknown[]).indexOf(role);

const roleList = (t: TFunction, roles: unknown) =>
  Array.isArray(roles) && roles.length
    ? [...roles]
        .sort((a, b) => roleOrder(a) - roleOrder(b))
        .map((r) => t(`roles.${String(r)}`))
        .join(', ')
    : t('audit.noRoles');

/** The parts of an application in the form's order, for naming what a save changed. */
const FORM_ORDER = Object.keys(emptyContent());

/** The facts of an entry worth reading, in words; technical details (addresses, hashes) are left out. */
function details(t: TFunction, entry: AuditEntry, changed: string[]): string[] {
  const d = entry.data;
  switch (entry.action) {
    case 'application.draft_saved': {
      const rank = (k: string) => (FORM_ORDER.includes(k) ? FORM_ORDER.indexOf(k) : FORM_ORDER.length);
      const parts = [...changed].sort((a, b) => rank(a) - rank(b)).map((k) => t(`application.fields.${k}`, { defaultValue: k }));
      return parts.length ? [t('audit.changedParts', { parts: parts.join(', ') })] : [t('audit.nothingChanged')];
    }
    case 'review.draft_saved':
      return [];
    case 'organisation.registered':
      return [
        `${t('fields.orgNumber')}: ${String(d.orgNumber ?? '')}`,
        `${t('fields.organisationName')}: ${String(d.name ?? '')}`,
        `${t('fields.legalForm')}: ${t(`legalForms.${String(d.legalForm)}`, { defaultValue: String(d.legalForm ?? '') })}`,
      ];
    case 'organisation.member_added':
      return d.email ? [`${t('fields.email')}: ${String(d.email)}`] : [];
    case 'funder.roles_changed':
      return [t('audit.rolesBefore', { roles: roleList(t, d.before) }), t('audit.rolesAfter', { roles: roleList(t, d.after) })];
    case 'funder.user_invited':
      return [`${t('fields.email')}: ${String(d.email ?? '')}`, `${t('fields.role')}: ${t(`roles.${String(d.role)}`)}`];
    case 'funder.invitation_accepted':
      return [`${t('fields.role')}: ${t(`roles.${String(d.role)}`)}`];
    case 'user.signed_in':
      return d.via ? [t(`audit.via.${String(d.via)}`, { defaultValue: String(d.via) })] : [];
    case 'call.created':
      return [
        ...(d.title ? [`${t('callFields.title')}: ${String(d.title)}`] : []),
        ...(typeof d.amount === 'number' ? [`${t('callFields.amount')}: ${kr(d.amount)}`] : []),
      ];
    case 'call.draft_updated':
      return Array.isArray(d.changed) && d.changed.length
        ? [t('audit.changedParts', { parts: d.changed.map((k) => t(`callFields.${String(k)}`, { defaultValue: String(k) })).join(', ') })]
        : [t('audit.nothingChanged')];
    case 'call.published':
      return typeof d.deadline === 'string' ? [`${t('callFields.deadline')}: ${formatDate(d.deadline)}`] : [];
    case 'call.amended': {
      const changes = (d.changes ?? {}) as Record<string, { before: unknown; after: unknown }>;
      return Object.entries(changes).map(([key, change]) => {
        const c = describeChange(t, key, change);
        return c.before !== null && c.after !== null ? t('calls.amendments.fromTo', { label: c.label, before: c.before, after: c.after }) : c.label;
      });
    }
    case 'programme.created':
      return [`${t('programmes.name')}: ${String(d.name ?? '')}`, ...(typeof d.amount === 'number' ? [`${t('programmes.amount')}: ${kr(d.amount)}`] : [])];
    case 'eligibility.submitted':
    case 'eligibility.resubmitted':
    case 'eligibility.approved':
    case 'eligibility.needs_more':
    case 'eligibility.rejected':
      return [
        ...(d.year ? [`${t('eligibility.year')}: ${String(d.year)}`] : []),
        ...(typeof d.validUntil === 'string' ? [t('eligibility.status.approvedUntil', { date: formatDate(d.validUntil) })] : []),
        ...(Array.isArray(d.missing) && d.missing.length
          ? [`${t('eligibility.missingTitle')} ${d.missing.map((m) => t(`evidence.${String(m)}`)).join(', ')}`]
          : []),
      ];
    case 'activity_type.proposed':
      return d.label ? [`${t('catalogue.proposeLabel')}: ${String(d.label)}`] : [];
    case 'activity_type.adopted':
    case 'activity_type.declined':
      return [`${t('catalogue.labelSv')}: ${String(d.labelSv ?? '')}`, `${t('catalogue.labelEn')}: ${String(d.labelEn ?? '')}`];
    case 'file.uploaded':
      return d.name ? [`${t('audit.fileName')}: ${String(d.name)}`] : [];
    case 'application.started':
    case 'application.submitted':
    case 'application.withdrawn':
    case 'application.completion_requested':
    case 'application.completion_answered':
      // The case number and amount in words; ids, versions and flags are for the machine.
      return [
        ...(typeof d.caseNumber === 'string' ? [`${t('application.caseNumber')}: ${d.caseNumber}`] : []),
        ...(typeof d.amountRequested === 'number' ? [`${t('application.fields.amountRequested')}: ${kr(d.amountRequested)}`] : []),
      ];
    case 'application.screened':
      return typeof d.outcome === 'string' ? [t(`assessment.screening.outcome.${d.outcome}`, { defaultValue: d.outcome })] : [];
    case 'application.reviewers_set':
      return [
        ...(Array.isArray(d.added) && d.added.length ? [t('audit.details.reviewersAdded', { count: d.added.length })] : []),
        ...(Array.isArray(d.removed) && d.removed.length ? [t('audit.details.reviewersRemoved', { count: d.removed.length })] : []),
      ];
    case 'application.proposed':
      return typeof d.amount === 'number' ? [t('audit.details.proposedAmount', { amount: kr(d.amount) })] : [];
    case 'review.submitted':
      return typeof d.weighted === 'number' ? [t('audit.details.weighted', { score: score(d.weighted) })] : [];
    case 'review.conflict_declared':
    case 'review.no_conflict_declared':
    case 'funder.decision_rules_changed':
      return [];
    case 'decision.recorded':
    case 'decision.superseded':
      return [
        ...(typeof d.outcome === 'string' ? [t(`assessment.outcome.${d.outcome}`, { defaultValue: d.outcome })] : []),
        ...(typeof d.amount === 'number' && d.outcome !== 'rejected' ? [kr(d.amount)] : []),
        ...(typeof d.decidedOn === 'string' ? [t('audit.details.decidedOn', { date: formatDate(d.decidedOn) })] : []),
        ...(typeof d.paragraph === 'string' && d.paragraph ? [t('audit.details.paragraph', { paragraph: d.paragraph })] : []),
      ];
    case 'report.draft_saved':
    case 'report.submitted':
    case 'report.approved':
    case 'report.completion_requested':
    case 'report.completion_answered':
      return d.kind === 'interim' || d.kind === 'final' ? [t(d.kind === 'interim' ? 'audit.details.reportInterim' : 'audit.details.reportFinal')] : [];
    case 'report.due_moved':
      return [
        ...(d.kind === 'interim' || d.kind === 'final' ? [t(d.kind === 'interim' ? 'audit.details.reportInterim' : 'audit.details.reportFinal')] : []),
        ...(typeof d.from === 'string' && typeof d.to === 'string' ? [t('audit.details.dueMoved', { from: formatDate(d.from), to: formatDate(d.to) })] : []),
      ];
    case 'user.locale_changed':
      return [t(`language.name.${String(d.locale)}`, { defaultValue: String(d.locale ?? '') })];
    default:
      return Object.entries(d)
        .filter(([key, value]) => key !== 'ip' && ['string', 'number', 'boolean'].includes(typeof value))
        .map(([key, value]) => `${key}: ${String(value)}`);
  }
}

function actorName(t: TFunction, actor: string) {
  return actor === 'system' || actor === 'anonymous' ? t(`audit.actor.${actor}`) : actor;
}

/** Saves of a draft, read as one line per run by the same person (the server gathers a run into one entry). */
const REPEATING = new Set(['application.draft_saved', 'review.draft_saved', 'report.draft_saved']);

interface Group {
  /** The newest entry of the run, shown with its details. */
  entry: AuditEntry;
  /** When the run's first save was made. */
  firstAt: string;
  /** How many saves the run stands for. */
  count: number;
  /** Every part a run of draft saves changed. */
  changed: string[];
}

/** How many saves an entry stands for: a gathered run says so in its data. */
const savesOf = (e: AuditEntry) => (typeof e.data.saves === 'number' && e.data.saves > 0 ? e.data.saves : 1);
const firstSavedAt = (e: AuditEntry) => (typeof e.data.firstSavedAt === 'string' ? e.data.firstSavedAt : e.at);

/** Newest-first entries, with each run of repeated saves by one person folded into one. */
export function grouped(newestFirst: AuditEntry[]): Group[] {
  const groups: Group[] = [];
  for (const entry of newestFirst) {
    const last = groups.at(-1);
    const changed = Array.isArray(entry.data.changed) ? entry.data.changed.map(String) : [];
    if (last && REPEATING.has(entry.action) && last.entry.action === entry.action && last.entry.actor === entry.actor) {
      last.firstAt = firstSavedAt(entry);
      last.count += savesOf(entry);
      for (const part of changed) if (!last.changed.includes(part)) last.changed.push(part);
    } else {
      groups.push({ entry, firstAt: firstSavedAt(entry), count: savesOf(entry), changed });
    }
  }
  return groups;
}

/** The audit trail of one object, newest first: who did what, when, and why. */
export function AuditTrail({ objectType, objectId, funderId }: { objectType: AuditQuery['objectType']; objectId: string; funderId?: string }) {
  const { t } = useTranslation();
  const query: AuditQuery = { objectType, objectId, ...(funderId ? { funderId } : {}) };
  const trail = useInfiniteQuery({
    queryKey: keys.audit(objectType, objectId, funderId ?? null),
    queryFn: ({ pageParam }) => getAuditTrail({ ...query, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: 0,
    // A page reads oldest first; the next one back ends just before its first entry.
    getNextPageParam: (last) => (last.older ? (last.entries.find((e) => e.position !== null)?.position ?? undefined) : undefined),
  });
  if (trail.isPending) return <Loading />;
  if (trail.error) return <LoadError error={trail.error} />;
  const groups = grouped(trail.data.pages.flatMap((page) => [...page.entries].reverse()));
  if (groups.length === 0) return <p>{t('audit.empty')}</p>;
  return (
    <>
      <ol className="audit-trail">
        {groups.map(({ entry, firstAt, count, changed }) => (
          <li key={entry.position ?? `${entry.action}:${entry.actor}:${entry.at}`} className="audit-entry">
            <p className="audit-what">{t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}</p>
            <p className="audit-meta">
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              <span aria-hidden="true"> · </span>
              <span className="visually-hidden">, </span>
              {t('audit.by', { actor: actorName(t, entry.actor) })}
            </p>
            {count > 1 ? <p className="audit-meta">{t('audit.repeated', { count, first: formatDateTime(firstAt) })}</p> : null}
            {entry.sealed ? null : <p className="audit-meta">{t('audit.unsealed')}</p>}
            {entry.reason ? (
              <p className="audit-reason">
                {t('audit.reason')}: {entry.reason}
              </p>
            ) : null}
            {details(t, entry, changed).length ? (
              <ul className="audit-details">
                {details(t, entry, changed).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {trail.hasNextPage ? (
        <button type="button" className="button button-secondary" disabled={trail.isFetchingNextPage} onClick={() => void trail.fetchNextPage()}>
          {t('audit.older')}
        </button>
      ) : null}
    </>
  );
}
