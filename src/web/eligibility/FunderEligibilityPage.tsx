import { useQuery, useQueryClient } from '@tanstack/react-query';
import i18n from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { EVIDENCE_ITEMS } from '../../domain/eligibility.ts';
import { formatDateTime } from '../audit/AuditTrail.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { CheckboxGroup, Radio, TextAreaField } from '../components/fields.tsx';
import { useFunder } from '../components/funder.ts';
import { LoadError, Loading, Page, RestoredNotice, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { localFieldError } from '../components/validation.ts';
import { fileUrl } from '../organisations/api.ts';
import { keys } from '../queryKeys.ts';
import { type Approval, type ApprovalStatus, type Decision, DOCUMENTS, decideEligibility, listFunderApprovals } from './api.ts';
import { MissingList, StatusText } from './EligibilitySection.tsx';

const FILTERS = ['all', 'submitted', 'needs_more', 'approved', 'rejected'] as const;
type Filter = (typeof FILTERS)[number];

const evidenceItem = (field: string) => (EVIDENCE_ITEMS as readonly string[]).includes(field);

function DecisionForm({ approval, onDecided }: { approval: Approval; onDecided: (status: ApprovalStatus) => void }) {
  const { t } = useTranslation();
  const formId = `decision-${approval.id}`;
  const f = useAppForm<{ decision: string; note: string }>({
    id: formId,
    draftKey: `eligibility-${formId}`,
    defaultValues: { decision: '', note: '' },
    fields: ['decision', 'note'],
    // Approving with something missing: the server names each missing item; here they belong to the choice.
    mapField: (field) => (evidenceItem(field) ? 'decision' : field),
    validate: (v) => {
      if (!v.decision) return [localFieldError('decision', 'eligibility.decision.choose')];
      if (v.decision === 'approve' && approval.missing.length) {
        return [
          localFieldError('decision', 'eligibility.decision.cannotApprove', (lng) => ({
            items: approval.missing.map((m) => i18n.getFixedT(lng)(`evidence.${m}`)).join(', '),
          })),
        ];
      }
      if (v.decision !== 'approve' && !v.note.trim())
        return [localFieldError('note', v.decision === 'reject' ? 'eligibility.decision.noteNeededReject' : 'eligibility.decision.noteNeeded')];
      return [];
    },
  });
  const decision = f.form.watch('decision');
  const submit = f.onSubmit(async (v) => {
    const done = await decideEligibility(approval.id, { decision: v.decision as Decision, ...(v.note.trim() ? { note: v.note.trim() } : {}) });
    onDecided(done.status);
  });
  return (
    <>
      <RestoredNotice restored={f.restored} />
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={submit} noValidate className="form decision-form">
        <CheckboxGroup
          id={f.fieldId('decision')}
          legend={t('eligibility.decision.legend', { name: approval.organisationName })}
          error={f.errors.fields.decision}
          layout="stack"
        >
          {(['approve', 'request_more', 'reject'] as const).map((d) => (
            <Radio key={d} id={`${formId}-${d}`} value={d} label={t(`eligibility.decision.${d}`)} {...f.form.register('decision')} />
          ))}
        </CheckboxGroup>
        <TextAreaField
          label={t('eligibility.decision.note')}
          hint={t('eligibility.decision.noteHint')}
          optional={decision === 'approve' || !decision}
          rows={3}
          {...f.field('note')}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
            {t('eligibility.decision.submit')}
            <span className="visually-hidden"> {t('eligibility.decision.for', { name: approval.organisationName })}</span>
          </button>
        </div>
      </form>
    </>
  );
}

function RequestCard({ approval, mayDecide, onDecided }: { approval: Approval; mayDecide: boolean; onDecided: (a: Approval, status: ApprovalStatus) => void }) {
  const { t } = useTranslation();
  const open = approval.status === 'submitted' || approval.status === 'needs_more';
  return (
    <li className="card request">
      <h3>{t('eligibility.requestCard', { name: approval.organisationName, year: approval.year })}</h3>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('eligibility.orgNumber')}</dt>
          <dd className="org-number">{approval.organisationNumber}</dd>
        </div>
      </dl>
      <p>
        <Link to={`/funders/${approval.funderId}/applications?${new URLSearchParams({ q: approval.organisationName })}`}>
          {t('eligibility.theirApplications', { name: approval.organisationName })}
        </Link>
      </p>
      <p>
        <StatusText approval={approval} /> <span className="hint-inline">{t('eligibility.submittedAt', { date: formatDateTime(approval.submittedAt) })}</span>
      </p>
      <dl className="facts facts-compact">
        {DOCUMENTS.map((d) => {
          const id = approval[d.key];
          return (
            <div key={d.key}>
              <dt>{t(`evidence.${d.item}`)}</dt>
              <dd>
                {id ? (
                  <a href={fileUrl(id)} download>
                    {t('eligibility.download')}
                    <span className="visually-hidden">
                      : {t(`evidence.${d.item}`)}, {approval.organisationName}
                    </span>
                  </a>
                ) : (
                  t('eligibility.notSent')
                )}
              </dd>
            </div>
          );
        })}
        <div>
          <dt>{t('eligibility.board')}</dt>
          <dd>
            {approval.board.length ? (
              <ul className="plain-list compact-list">
                {approval.board.map((m) => (
                  <li key={`${m.name}-${m.role}`}>
                    {m.name} ({m.role})
                    {m.signatory ? (
                      <>
                        {' '}
                        <span className="badge badge-approved">{t('eligibility.signatoryBadge')}</span>
                        {m.email ? <span className="member-email"> {m.email}</span> : null}
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              t('eligibility.notSent')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('eligibility.signatories')}</dt>
          <dd>
            {approval.board.some((m) => m.signatory)
              ? approval.board
                  .filter((m) => m.signatory)
                  .map((m) => m.name)
                  .join(', ')
              : t('eligibility.noSignatory')}
          </dd>
        </div>
        <div>
          <dt>{t('eligibility.memberCount')}</dt>
          <dd>{approval.memberCount ?? t('eligibility.notSent')}</dd>
        </div>
        <div>
          <dt>{t('eligibility.payout')}</dt>
          <dd>
            {approval.payoutKind && approval.payoutNumber ? `${t(`eligibility.${approval.payoutKind}`)} ${approval.payoutNumber}` : t('eligibility.notSent')}
          </dd>
        </div>
      </dl>
      <MissingList missing={approval.missing} />
      {approval.requestNote ? (
        <p>
          <strong>{t('eligibility.latestNote')}:</strong> <span className="preserve-lines">{approval.requestNote}</span>
        </p>
      ) : null}
      {open && mayDecide ? <DecisionForm approval={approval} onDecided={(status) => onDecided(approval, status)} /> : null}
    </li>
  );
}

/** The funder's eligibility requests, filtered by status, each with its documents and a decision. */
export function FunderEligibilityPage() {
  const { t } = useTranslation();
  const { funderId = '' } = useParams();
  const [params] = useSearchParams();
  const client = useQueryClient();
  const funder = useFunder(funderId);
  const raw = params.get('status');
  const filter: Filter = FILTERS.includes(raw as Filter) ? (raw as Filter) : 'all';
  const [decided, setDecided] = useState<{ name: string; status: ApprovalStatus } | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  const data = useQuery({
    queryKey: keys.funderEligibility(funderId, filter),
    queryFn: () => listFunderApprovals(funderId, filter === 'all' ? undefined : filter),
    retry: false,
  });
  return (
    <Page title={t('eligibility.funderTitle')}>
      {funder.name ? <p className="lead">{funder.name}</p> : null}
      <p>{t('eligibility.funderIntro')}</p>
      <nav aria-label={t('eligibility.filterLabel')}>
        <ul className="filter-list">
          {FILTERS.map((x) => (
            <li key={x}>
              <Link
                to={x === 'all' ? `/funders/${funderId}/eligibility` : `/funders/${funderId}/eligibility?status=${x}`}
                aria-current={x === filter ? 'page' : undefined}
                className="filter-link"
              >
                {t(`eligibility.filter.${x}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* The decided request may leave the list: focus goes to the confirmation instead of being lost. */}
      <div ref={confirmation} tabIndex={-1} className="focus-target">
        {decided ? <Success>{t(`eligibility.decided.${decided.status}`, { name: decided.name })}</Success> : null}
      </div>
      {data.isPending ? (
        <Loading />
      ) : data.error ? (
        <LoadError error={data.error} />
      ) : (
        <>
          <p className="result-count">{t('eligibility.count', { count: data.data.approvals.length })}</p>
          <ul className="card-list">
            {data.data.approvals.map((a) => (
              <RequestCard
                key={a.id}
                approval={a}
                mayDecide={funder.reviewEligibility}
                onDecided={(approval, status) => {
                  setDecided({ name: approval.organisationName, status });
                  void client.invalidateQueries({ queryKey: keys.funderEligibility(funderId) });
                  requestAnimationFrame(() => confirmation.current?.focus());
                }}
              />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
