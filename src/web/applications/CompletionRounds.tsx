// Completion rounds (kompletteringar): the caseworker asks for more by a date, the association answers
// with text and documents. Applications and follow-up reports use the same rounds, the same answer and
// these same components.
import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { both } from '../../i18n/messages.ts';
import { ApiError, type Messages } from '../api/client.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextAreaField, TextField } from '../components/fields.tsx';
import { RestoredNotice, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { required } from '../components/validation.ts';
import { useLocalized } from '../i18n/index.ts';
import { fileUrl, uploadFile } from '../organisations/api.ts';
import { answerCompletion, type CompletionRound } from './api.ts';
import { dateTime } from './format.ts';

/** The association's answer to an open completion round: text and, if asked for, documents. */
function AnswerForm({
  round,
  organisationId,
  beforeAnswer,
  onAnswered,
}: {
  round: CompletionRound;
  organisationId: string;
  beforeAnswer?: () => Promise<boolean>;
  onAnswered: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
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
      const uploaded = await uploadFile(organisationId, file);
      setFiles((list) => [...list, { fileId: uploaded.id, name: uploaded.name }]);
      event.target.value = '';
    } catch (e) {
      setFileError(e instanceof ApiError ? (e.problem.errors?.[0]?.messages ?? e.problem.messages) : both('internal'));
    } finally {
      setUploading(false);
    }
  }
  const submit = f.onSubmit(async (v) => {
    if (beforeAnswer && !(await beforeAnswer())) return;
    await answerCompletion(round.id, { answer: v.answer.trim(), files: v.files });
    await onAnswered();
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

/** The caseworker asks for completion: what is needed, and by when. `send` makes the request; the form says it was sent. */
export function RequestCompletionForm({
  draftKey,
  organisationName,
  intro,
  send,
}: {
  /** Keeps the text across a sign-in: unique per object. */
  draftKey: string;
  organisationName: string;
  /** Said under the heading; by default that the association is mailed. */
  intro?: string;
  send: (body: { message: string; replyBy: string }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const f = useAppForm<{ message: string; replyBy: string }>({
    id: 'completion',
    draftKey,
    defaultValues: { message: '', replyBy: '' },
    fields: ['message', 'replyBy'],
    validate: (v) => required(v, 'message', 'replyBy'),
  });
  const submit = f.onSubmit(async (v) => {
    setSent(false);
    await send({ message: v.message.trim(), replyBy: v.replyBy });
    f.form.reset({ message: '', replyBy: '' });
    f.clearRestored();
    setSent(true);
  });
  return (
    <section className="section" aria-labelledby="ask-heading">
      <h2 id="ask-heading">{t('application.completion.askHeading')}</h2>
      <p className="hint">{intro ?? t('application.completion.askIntro', { organisation: organisationName })}</p>
      {sent ? <Success>{t('application.completion.asked', { organisation: organisationName })}</Success> : null}
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

/**
 * The rounds so far, each with its question, its date and its answer; an open round has the answer
 * form when `canAnswer` (the association, while the object waits for its answer).
 */
export function CompletionRounds({
  rounds,
  organisationId,
  canAnswer,
  beforeAnswer,
  onAnswered,
}: {
  rounds: CompletionRound[];
  organisationId: string;
  canAnswer: boolean;
  /** Before an answer is sent (what else is on the page saved first); false stops it. */
  beforeAnswer?: () => Promise<boolean>;
  /** After an answer is sent: what shows the object is read again. */
  onAnswered: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  if (!rounds.length) return null;
  return (
    <section className="section" aria-labelledby="rounds-heading">
      <h2 id="rounds-heading">{t('application.completion.heading')}</h2>
      <ol className="card-list">
        {rounds.map((r, i) => (
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
            ) : canAnswer ? (
              <AnswerForm round={r} organisationId={organisationId} beforeAnswer={beforeAnswer} onAnswered={onAnswered} />
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
