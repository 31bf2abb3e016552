import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { ApiError, type Problem } from '../api/client.ts';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { useLocalized } from '../i18n/index.ts';
import { keys } from '../queryKeys.ts';
import { ContentView } from './ApplicationView.tsx';
import { checkApplication, refreshApplication, submitApplication } from './api.ts';
import { stepOfField, stepsOf } from './content.ts';
import { useApplication } from './useApplication.ts';
import { clearLocal } from './useAutosave.ts';

function newKey(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Check your answers before sending: the call's rules for the organisation, what is still missing (each
 * linked to its field), every answer together with a link to change it (the form returns here), then
 * the declaration and the submit button.
 */
export function CheckPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { id = '' } = useParams();
  const { app, call, error } = useApplication(id);
  const check = useQuery({
    queryKey: keys.applicationCheck(id),
    queryFn: () => checkApplication(id),
    retry: false,
    staleTime: 0,
  });
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<Problem | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  // One key per attempt to submit this application from this page: a retry of the same click is the same submission.
  const key = useRef(newKey());
  const submitted = useRef(false);
  const blockedRef = useRef<HTMLHeadingElement>(null);

  if (app.data && app.data.status !== 'draft' && !submitted.current) return <Navigate to={`/applications/${id}`} replace />;
  const steps = call.data ? stepsOf(call.data.rules) : [];
  // To fix what is missing (the form shows the step's problems), or to change an answer (the form offers the way back here).
  const linkTo = (field: string, purpose: 'fix' | 'change' = 'fix') => {
    const fieldId = `application-${field.replace(/^activities\.(\d+)\.typeKey$/, 'activities.$1.kind').replaceAll('.', '-')}`;
    const step = String(stepOfField(field, steps));
    return `/applications/${id}?${new URLSearchParams(purpose === 'fix' ? { step, check: '1' } : { step, from: 'check' })}#${fieldId}`;
  };
  const changeHref = (field: string) => linkTo(field, 'change');

  async function submit() {
    setSending(true);
    setFailure(null);
    try {
      await submitApplication(id, key.current);
      submitted.current = true;
      clearLocal(id);
      await refreshApplication(client, id);
      navigate(`/applications/${id}/receipt`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setFailure(e.problem);
      setSending(false);
      key.current = newKey();
      await check.refetch();
      setTimeout(() => failureRef.current?.focus());
    }
  }

  /** "Aktivitet 1, Från och med", "Stadgar", a question's own text: which field, in words. */
  const labelFor = (field: string): string => {
    const [head, second, third] = field.split('.');
    const sub: Record<string, string> = { typeKey: 'kind', label: 'budgetLabel', amount: 'budgetAmount', role: 'partnerRole' };
    const fieldName = (name: string) => t(`application.fields.${sub[name] ?? name}`, { defaultValue: t(`fields.${name}`, { defaultValue: name }) });
    if (head === 'attachments' && second) return t(`attachments.${second}`);
    if (head === 'declarations' && second) return t(`exclusions.${second}.short`);
    if (head === 'answers' && second) return call.data?.rules.questions.find((q) => q.id === second)?.label ?? t('check.fields.answers');
    const rows: Record<string, string> = {
      activities: 'application.activityN',
      budget: 'application.budgetRowN',
      partners: 'application.partnerN',
      contacts: 'application.contactN',
    };
    if (rows[head] && third) return `${t(rows[head], { n: Number(second) + 1 })}, ${fieldName(third).toLowerCase()}`;
    return t(`check.fields.${head}`, { defaultValue: field });
  };

  const data = check.data;
  const blocked = sending || !data?.ready;
  const failedRules = data?.eligibility.filter((r) => !r.ok) ?? [];
  // Why the button cannot send yet, in words the button is described by.
  const blockedReason = data
    ? [
        t('check.notReadyText'),
        ...failedRules.map((r) => `${t(`check.rules.${r.rule}`)}: ${t('check.notOk').toLocaleLowerCase()}`),
        data.problems.length ? t('check.missingCount', { count: data.problems.length }) : null,
      ]
        .filter(Boolean)
        .join(' ')
    : '';
  return (
    <Page title={t('check.title')}>
      {app.data ? (
        <p className="lead">
          {app.data.organisationName} · {app.data.callTitle}
        </p>
      ) : null}
      <p>
        <Link to={`/applications/${id}`}>{t('check.backToForm')}</Link>
      </p>
      {error || check.error ? (
        <LoadError error={error ?? check.error} />
      ) : !data || !call.data || !app.data ? (
        <Loading />
      ) : (
        <>
          {failure ? (
            <div className="error-summary" ref={failureRef} tabIndex={-1}>
              <div role="alert">
                <h2 className="error-summary-title">{t('check.notSent')}</h2>
                <p>{localized(failure.messages)}</p>
                {failure.errors?.length ? (
                  <ul className="error-summary-list">
                    {failure.errors.map((e) => (
                      <li key={e.field}>
                        <Link to={linkTo(e.field)}>{localized(e.messages)}</Link>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            </div>
          ) : null}
          <section className="section" aria-labelledby="rules-heading">
            <h2 id="rules-heading" ref={data.problems.length ? undefined : blockedRef} tabIndex={-1}>
              {t('check.rulesHeading')}
            </h2>
            <ul className="plain-list check-list">
              {data.eligibility.map((r) => (
                <li key={r.rule} className={r.ok ? 'check-ok' : 'check-fail'}>
                  <span aria-hidden="true">{r.ok ? '✓ ' : '✗ '}</span>
                  <span className="visually-hidden">{r.ok ? t('check.ok') : t('check.notOk')}: </span>
                  {t(`check.rules.${r.rule}`)}
                  {r.ok ? null : <p className="field-error">{r.message}</p>}
                  {!r.ok && r.rule === 'eligibility_approval' ? (
                    <p>
                      <Link to={`/organisations/${app.data?.organisationId}/eligibility?funderId=${app.data?.funderId}`}>{t('check.applyForEligibility')}</Link>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
          <section className="section" aria-labelledby="missing-heading">
            <h2 id="missing-heading" ref={data.problems.length ? blockedRef : undefined} tabIndex={-1}>
              {t('check.missingHeading')}
            </h2>
            {data.problems.length ? (
              <>
                <p>{t('check.missingIntro', { count: data.problems.length })}</p>
                <ul className="spaced-list missing-list">
                  {data.problems.map((p) => (
                    <li key={p.field}>
                      <Link to={linkTo(p.field)}>
                        {t('check.stepLabel', { n: stepOfField(p.field, steps) })} {labelFor(p.field)}: {p.message}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{t('check.nothingMissing')}</p>
            )}
          </section>
          <section className="section" aria-labelledby="answers-heading">
            <h2 id="answers-heading">{t('check.answersHeading')}</h2>
            <p>{t('check.answersIntro')}</p>
            <ContentView content={app.data.content} call={call.data.rules} funderId={app.data.funderId} changeHref={changeHref} />
          </section>
          <section className="section" aria-labelledby="submit-heading">
            <h2 id="submit-heading">{t('check.submitHeading')}</h2>
            <p>{t('check.declaration', { funder: app.data.funderName })}</p>
            <p id="submit-reason" className={data.ready ? undefined : 'field-error'}>
              {data.ready ? t('check.readyText') : blockedReason}
            </p>
            <div className="actions">
              {/* Not `disabled`: a disabled button cannot be reached by Tab, and its reason would go unheard. */}
              <button
                type="button"
                className="button"
                aria-disabled={blocked ? 'true' : undefined}
                aria-describedby="submit-reason"
                onClick={() => {
                  if (sending) return;
                  if (!data.ready) {
                    blockedRef.current?.focus();
                    return;
                  }
                  void submit();
                }}
              >
                {sending ? t('check.sending') : t('check.submit')}
              </button>
            </div>
          </section>
        </>
      )}
    </Page>
  );
}
