import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { both } from '../../i18n/messages.ts';
import { AgreementSection } from '../agreements/AgreementSection.tsx';
import { ApiError, type Messages } from '../api/client.ts';
import { useAssessmentRights } from '../assessment/shared.tsx';
import { AuditTrail } from '../audit/AuditTrail.tsx';
import type { CallDetail } from '../calls/api.ts';
import { ConfirmedAction } from '../components/ConfirmedAction.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../components/fields.tsx';
import { useFunder } from '../components/funder.ts';
import { LoadError, Loading, Page, RestoredNotice, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { required } from '../components/validation.ts';
import { DecisionRecord } from '../decisions/DecisionRecord.tsx';
import { useLocalized } from '../i18n/index.ts';
import { fileUrl, uploadFile } from '../organisations/api.ts';
import { ContentView } from './ApplicationView.tsx';
import { type ApplicationView, answerCompletion, type CompletionRound, receiptUrl, refreshApplication, requestCompletion, withdrawApplication } from './api.ts';
import { ApplicationForm } from './form/ApplicationForm.tsx';
import { dateTime } from './format.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { useApplication } from './useApplication.ts';

/** The applicant's answer to an open completion round: text and, if asked for, documents. */
function AnswerForm({ app, round }: { app: ApplicationView; round: CompletionRound }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const client = useQueryClient();
  const [fileError, setFileError] = useState<Messages | null>(null);
  const [uploading, setUploading] = useState(false);
  // The uploaded files are part of the form's values, so a sign-in in between keeps them too.
  const f = useAppForm<{ answer: string; files: { fileId: string; name: string }[] }>({
    id: `answer-${round.id}`,
    draftKey: `answer-${round.id}`,
    defaultValues: { answer: '', files: [] },
    fields: ['answer', 'files'],
    validate: (v) => required(v, 'answer'),
  });
  const files = f.form.watch('files');
  const setFiles = (next: (list: { fileId: string; name: string }[]) => { fileId: string; name: string }[]) =>
    f.form.setValue('files', next(f.form.getValues('files')));
  const fileId = f.fieldId('files');
  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setUploading(true);
    setFileError(null);
    try {
      const uploaded = await uploadFile(app.organisationId, file);
      setFiles((list) => [...list, { fileId: uploaded.id, name: uploaded.name }]);
      event.target.value = '';
    } catch (e) {
      setFileError(e instanceof ApiError ? (e.problem.errors?.[0]?.messages ?? e.problem.messages) : both('internal'));
    } finally {
      setUploading(false);
    }
  }
  const submit = f.onSubmit(async (v) => {
    await answerCompletion(round.id, { answer: v.answer.trim(), files: v.files });
    await refreshApplication(client, app.id);
  });
  const fileShown = fileError ?? f.errors.fields.files;
  return (
    <div className="narrow-wide">
      <RestoredNotice restored={f.restored} />
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={submit} noValidate className="form">
        <TextAreaField label={t('application.completion.answer')} rows={5} {...f.field('answer')} />
        <div className={`field${fileShown ? ' field-invalid' : ''}`}>
          <label htmlFor={fileId} className="label">
            {t('application.completion.files')}
            <span className="optional"> ({t('form.optional')})</span>
          </label>
          {fileShown ? (
            <p id={`${fileId}-error`} className="field-error">
              <span className="visually-hidden">{t('form.errorPrefix')} </span>
              {localized(fileShown)}
            </p>
          ) : null}
          {files.length ? (
            <ul className="plain-list">
              {files.map((x) => (
                <li key={x.fileId}>
                  {x.name}{' '}
                  <button type="button" className="link-button" onClick={() => setFiles((list) => list.filter((y) => y.fileId !== x.fileId))}>
                    {t('application.removeFile')}
                    <span className="visually-hidden">: {x.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <input
            id={fileId}
            type="file"
            className="file-input"
            aria-invalid={fileShown ? true : undefined}
            aria-describedby={fileShown ? `${fileId}-error` : undefined}
            onChange={(e) => void choose(e)}
          />
          <p className="file-status" role="status">
            {uploading ? t('eligibility.uploading') : null}
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting || uploading}>
            {t('application.completion.send')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** The caseworker asks for completion: what is needed, and by when. */
function RequestCompletionForm({ app }: { app: ApplicationView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [sent, setSent] = useState(false);
  const f = useAppForm<{ message: string; replyBy: string }>({
    id: 'completion',
    draftKey: `completion-${app.id}`,
    defaultValues: { message: '', replyBy: '' },
    fields: ['message', 'replyBy'],
    validate: (v) => required(v, 'message', 'replyBy'),
  });
  const submit = f.onSubmit(async (v) => {
    await requestCompletion(app.id, { message: v.message.trim(), replyBy: v.replyBy });
    f.form.reset({ message: '', replyBy: '' });
    setSent(true);
    await refreshApplication(client, app.id);
  });
  return (
    <section className="section" aria-labelledby="ask-heading">
      <h2 id="ask-heading">{t('application.completion.askHeading')}</h2>
      <p className="hint">{t('application.completion.askIntro', { organisation: app.organisationName })}</p>
      {sent ? <Success>{t('application.completion.asked', { organisation: app.organisationName })}</Success> : null}
      <div className="narrow-wide">
        <RestoredNotice restored={f.restored} />
        <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
        <form onSubmit={submit} noValidate className="form">
          <TextAreaField label={t('application.completion.message')} hint={t('application.completion.messageHint')} rows={5} {...f.field('message')} />
          <TextField
            label={t('application.completion.replyBy')}
            hint={t('application.completion.replyByHint')}
            type="date"
            min={dateInStockholm(new Date(Date.now() + 86_400_000))}
            className="input-medium"
            {...f.field('replyBy')}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {t('application.completion.ask')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}

function Rounds({ app }: { app: ApplicationView }) {
  const { t } = useTranslation();
  if (!app.completionRequests.length) return app.access === 'staff' ? null : null;
  return (
    <section className="section" aria-labelledby="rounds-heading">
      <h2 id="rounds-heading">{t('application.completion.heading')}</h2>
      <ol className="card-list">
        {app.completionRequests.map((r, i) => (
          <li key={r.id} className="card completion-round">
            <h3>
              {t('application.completion.roundN', { n: i + 1 })}{' '}
              <span className={`badge ${r.answeredAt ? 'badge-approved' : 'badge-needs'}`}>
                {r.answeredAt ? t('application.completion.answered') : t('application.completion.open')}
              </span>
            </h3>
            <p className="hint">{t('application.completion.askedAt', { at: dateTime(r.askedAt), date: r.replyBy })}</p>
            <p className="preserve-lines">{r.message}</p>
            {r.answeredAt ? (
              <>
                <h4>{t('application.completion.answerHeading', { at: dateTime(r.answeredAt) })}</h4>
                <p className="preserve-lines">{r.answer}</p>
                {r.answerFiles.length ? (
                  <ul className="plain-list">
                    {r.answerFiles.map((x) => (
                      <li key={x.fileId}>
                        <a href={fileUrl(x.fileId)} download>
                          {x.name}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : app.access === 'applicant' && app.status === 'submitted' ? (
              <AnswerForm app={app} round={r} />
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Withdraw({ app }: { app: ApplicationView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <ConfirmedAction
      id="withdraw"
      draftKey={`withdraw-${app.id}`}
      heading={t('application.withdraw.heading')}
      intro={t('application.withdraw.intro')}
      start={t('application.withdraw.start')}
      name="reason"
      label={t('application.withdraw.reason')}
      optional
      sure={t('application.withdraw.sure')}
      confirm={t('application.withdraw.confirm')}
      onConfirm={async (reason) => {
        await withdrawApplication(app.id, reason);
        await refreshApplication(client, app.id);
        document.querySelector<HTMLElement>('main h1')?.focus();
      }}
    />
  );
}

function Submitted({ app, call }: { app: ApplicationView; call: CallDetail }) {
  const { t } = useTranslation();
  const funder = useFunder(app.funderId);
  return (
    <>
      <p className="lead">
        {app.organisationName} · {app.callTitle}
      </p>
      <dl className="facts">
        <div>
          <dt>{t('application.statusLabel')}</dt>
          <dd>
            <StatusBadge status={app.status} awaiting={app.completionRequests.some((r) => !r.answeredAt)} decision={app.decision} />
          </dd>
        </div>
        <div>
          <dt>{t('application.caseNumber')}</dt>
          <dd>{app.caseNumber ?? t('common.notGiven')}</dd>
        </div>
        {app.submittedAt ? (
          <div>
            <dt>{t('application.received')}</dt>
            <dd>{dateTime(app.submittedAt)}</dd>
          </div>
        ) : null}
        {app.withdrawnAt ? (
          <div>
            <dt>{t('application.withdrawnAt')}</dt>
            <dd>{dateTime(app.withdrawnAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('application.funder')}</dt>
          <dd>{app.funderName}</dd>
        </div>
      </dl>
      {app.access === 'partner' ? <p className="notice notice-info">{t('application.partnerNote', { organisation: app.organisationName })}</p> : null}
      {app.caseNumber && app.access !== 'staff' ? (
        <p>
          <a href={receiptUrl(app.id)}>{t('application.receiptPdf')}</a>
        </p>
      ) : null}
      <DecisionRecord applicationId={app.id} status={app.status} />
      <AgreementSection applicationId={app.id} funderId={app.funderId} decision={app.decision} />
      <Rounds app={app} />
      {app.access === 'staff' && app.status === 'submitted' ? <RequestCompletionForm app={app} /> : null}
      <section className="section" aria-labelledby="content-heading">
        <h2 id="content-heading">
          {app.status === 'draft'
            ? t('application.draftVersion')
            : app.access === 'staff'
              ? t('application.receivedVersion')
              : t('application.submittedVersion')}
        </h2>
        <ContentView content={app.content} call={call.rules} funderId={app.funderId} />
      </section>
      {app.access === 'applicant' && app.status === 'submitted' && !app.decided ? <Withdraw app={app} /> : null}
      {/* A co-applicant reads the application but not its case history; of the funder's staff, those who may read audit trails. */}
      {app.access === 'applicant' || (app.access === 'staff' && funder.viewAudit) ? (
        <section className="section" aria-labelledby="history-heading">
          <h2 id="history-heading">{t('audit.heading')}</h2>
          <AuditTrail objectType="application" objectId={app.id} />
        </section>
      ) : null}
    </>
  );
}

/** /applications/:id — the draft form for the applicant, otherwise the application as it stands. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { app, call, error } = useApplication(id);
  const data = app.data;
  const assessment = useAssessmentRights(data?.funderId);
  const title = data ? data.content.title || data.callTitle : t('application.title');
  const draftForm = data?.status === 'draft' && data.access === 'applicant';
  const body = error ? (
    <LoadError error={error} />
  ) : data && call.data ? (
    draftForm ? (
      <ApplicationForm app={data} call={call.data.rules} />
    ) : (
      <Submitted app={data} call={call.data} />
    )
  ) : (
    <Loading />
  );
  if (draftForm) {
    // The form sets the tab's title itself, with its step.
    return (
      <>
        <h1 tabIndex={-1} className="page-heading">
          {t('application.formHeading')}
        </h1>
        {body}
      </>
    );
  }
  return (
    <Page title={title} heading={data?.caseNumber ? `${title} (${data.caseNumber})` : title}>
      {data && data.access !== 'staff' ? (
        <p>
          <Link to={`/organisations/${data.organisationId}`}>{t('application.backToOrganisation', { name: data.organisationName })}</Link>
        </p>
      ) : data ? (
        <p className="inline-links">
          <Link to={`/funders/${data.funderId}/applications`}>{t('inbox.back')}</Link>
          {assessment.view ? <Link to={`/applications/${data.id}/assessment`}>{t('assessment.link')}</Link> : null}
        </p>
      ) : null}
      {body}
    </Page>
  );
}
