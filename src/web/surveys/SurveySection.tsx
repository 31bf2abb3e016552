import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, type Messages } from '../api/client.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Facts } from '../components/Facts.tsx';
import { CheckboxGroup, TextAreaField, TextField } from '../components/fields.tsx';
import { LoadError, Loading, Success } from '../components/page.tsx';
import { RemoveRowButton } from '../components/rows.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { useLocalized } from '../i18n/index.ts';
import { keys } from '../queryKeys.ts';
import {
  actOnFreeText,
  closeSurvey,
  type FreeText,
  getAgreementSurvey,
  getFreeTexts,
  openSurvey,
  refreshSurvey,
  type Survey,
  setSurveyQuestions,
} from './api.ts';

/** A problem from the server, said where the action was. */
function Problem({ problem }: { problem: Messages | null }) {
  const localized = useLocalized();
  if (!problem) return null;
  return (
    <div className="notice notice-error" role="alert">
      <p>{localized(problem)}</p>
    </div>
  );
}

const problemOf = (error: unknown): Messages => {
  if (error instanceof ApiError) return error.problem.messages;
  throw error;
};

/** The link, copied with a button or by hand from its field. */
function SurveyLink({ link }: { link: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard (a page not served over https, a browser that says no): the link is selected to copy by hand.
      input.current?.select();
      setCopied('no');
    }
  }
  return (
    <div className="field">
      <TextField
        id="survey-link"
        label={t('surveySection.link')}
        hint={t('surveySection.linkHint')}
        ref={input}
        readOnly
        value={link}
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {t('surveySection.copy')}
        </button>
      </div>
      <p role="status" className="hint">
        {copied === 'yes' ? t('surveySection.copied') : copied === 'no' ? t('surveySection.copyFailed') : ''}
      </p>
    </div>
  );
}

/** Closing stops answers (the link then says so in all three languages); opening again takes them again. */
function OpenOrClose({ s, agreementId }: { s: Survey; agreementId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Messages | null>(null);
  // The button just used may be gone (a released survey is not opened again): focus moves to what it says now.
  const said = useRef<HTMLParagraphElement>(null);
  if (!s.can.close && !s.can.open)
    return s.status === 'closed' && s.released ? (
      <p ref={said} tabIndex={-1} className="hint">
        {t('surveySection.releasedHint')}
      </p>
    ) : null;
  async function act() {
    setBusy(true);
    setProblem(null);
    try {
      await refreshSurvey(client, agreementId, await (s.can.close ? closeSurvey(s.id) : openSurvey(s.id)));
      setTimeout(() => said.current?.focus());
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Problem problem={problem} />
      <p ref={said} tabIndex={-1} className="hint">
        {s.can.close ? t('surveySection.closeHint', { k: s.minGroup }) : t('surveySection.openHint')}
      </p>
      <div className="actions">
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void act()}>
          {s.can.close ? t('surveySection.close') : t('surveySection.open')}
        </button>
      </div>
    </>
  );
}

interface QuestionRow {
  sv: string;
  en: string;
  easy: string;
}
const EMPTY_QUESTION: QuestionRow = { sv: '', en: '', easy: '' };

/** The association's own questions: shown to everyone, edited by the association and the caseworker until the first answer. */
function ExtraQuestions({ s, agreementId }: { s: Survey; agreementId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [saved, setSaved] = useState(false);
  const f = useAppForm<{ questions: QuestionRow[] }>({
    id: 'survey-questions',
    defaultValues: { questions: s.extraQuestions.map((q) => ({ sv: q.text.sv, en: q.text.en ?? '', easy: q.text.easy ?? '' })) },
    fields: (v) => ['questions', ...v.questions.flatMap((_, i) => ['sv', 'en', 'easy'].map((l) => `questions.${i}.text.${l}`))],
  });
  const rows = useFieldArray({ control: f.form.control, name: 'questions' });
  const submit = f.onSubmit(async (v) => {
    setSaved(false);
    const answer = await setSurveyQuestions(s.id, {
      questions: v.questions.map((q) => ({ text: { sv: q.sv.trim(), en: q.en.trim() || null, easy: q.easy.trim() || null } })),
    });
    await refreshSurvey(client, agreementId, answer);
    setSaved(true);
  });
  const groupId = f.fieldId('questions');
  // The server names a field by the request's path (questions.0.text.sv); the form's inputs sit at questions.0.sv.
  const field = (i: number, lang: keyof QuestionRow) => {
    const bound = f.field(`questions.${i}.${lang}`);
    return { ...bound, id: f.fieldId(`questions.${i}.text.${lang}`), error: f.errors.fields[`questions.${i}.text.${lang}`] };
  };
  return (
    <section aria-labelledby="survey-questions-heading">
      <h3 id="survey-questions-heading">{t('surveySection.questions.heading')}</h3>
      {!s.can.editQuestions ? (
        <>
          {s.extraQuestions.length ? (
            <ol>
              {s.extraQuestions.map((q) => (
                <li key={q.id} lang="sv">
                  {q.text.sv}
                </li>
              ))}
            </ol>
          ) : (
            <p>{t('surveySection.questions.none')}</p>
          )}
          {s.questionsFrozen ? <p className="hint">{t('surveySection.questions.frozen')}</p> : null}
        </>
      ) : (
        <div className="narrow-wide">
          <p className="hint">{t('surveySection.questions.intro', { count: s.maxExtraQuestions })}</p>
          {saved ? <Success>{t('surveySection.questions.saved')}</Success> : null}
          <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
          <form onSubmit={submit} noValidate className="form">
            {/* A fieldset, so that the error summary's link to the list's own error lands on it and names it. */}
            <CheckboxGroup
              id={groupId}
              legend={<span className="visually-hidden">{t('surveySection.questions.heading')}</span>}
              error={f.errors.fields.questions}
              layout="plain"
            >
              {rows.fields.map((row, i) => (
                <fieldset key={row.id} className="row-fieldset">
                  <legend className="legend-small">{t('surveySection.questions.questionN', { n: i + 1 })}</legend>
                  <TextField label={t('surveySection.questions.sv')} hint={t('surveySection.questions.scaleHint')} lang="sv" {...field(i, 'sv')} />
                  <TextField label={t('surveySection.questions.en')} optional lang="en" {...field(i, 'en')} />
                  <TextField label={t('surveySection.questions.easy')} hint={t('surveySection.questions.easyHint')} optional lang="sv" {...field(i, 'easy')} />
                  <RemoveRowButton groupId={groupId} onRemove={() => rows.remove(i)}>
                    {t('surveySection.questions.remove', { n: i + 1 })}
                  </RemoveRowButton>
                </fieldset>
              ))}
            </CheckboxGroup>
            <div className="actions">
              {rows.fields.length < s.maxExtraQuestions ? (
                <button
                  id={`${groupId}-add`}
                  type="button"
                  className="button button-secondary"
                  onClick={() => rows.append({ ...EMPTY_QUESTION }, { focusName: `questions.${rows.fields.length}.sv` })}
                >
                  {t('surveySection.questions.add')}
                </button>
              ) : (
                <p id={`${groupId}-add`} tabIndex={-1} className="hint">
                  {t('surveySection.questions.max', { count: s.maxExtraQuestions })}
                </p>
              )}
              <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
                {t('surveySection.questions.save')}
              </button>
            </div>
          </form>
        </div>
      )}
    </section>
  );
}

const FREE_TEXT_BADGE = { unread: 'badge-needs', read: 'badge-approved', masked: 'badge-closed' } as const;

/** One free text: its state, and for the caseworker the acts of reading and masking. */
function FreeTextItem({ item, n, mayRead, onDone }: { item: FreeText; n: number; mayRead: boolean; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [masking, setMasking] = useState(false);
  const [problem, setProblem] = useState<Messages | null>(null);
  const [busy, setBusy] = useState(false);
  const maskButton = useRef<HTMLButtonElement>(null);
  const f = useAppForm<{ masked: string }>({ id: `free-text-${item.id}`, defaultValues: { masked: item.text ?? '' }, fields: ['masked'] });
  const mask = f.onSubmit(async (v) => {
    await actOnFreeText(item.id, { action: 'mask', masked: v.masked.trim() || null });
    setMasking(false);
    await onDone();
    refocus();
  });
  // The button or form just used is gone: focus stays on this item, at the button that remains.
  const refocus = () => setTimeout(() => maskButton.current?.focus());
  async function read() {
    setBusy(true);
    setProblem(null);
    try {
      await actOnFreeText(item.id, { action: 'read' });
      await onDone();
      refocus();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  }
  const headingId = `free-text-${item.id}-heading`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {t('surveySection.freeTexts.itemN', { n })}{' '}
        <span className={`badge ${FREE_TEXT_BADGE[item.state]}`}>{t(`surveySection.freeTexts.state.${item.state}`)}</span>
      </h4>
      {item.text === null ? <p className="hint">{t('surveySection.freeTexts.allHidden')}</p> : <p className="preserve-lines">{item.text}</p>}
      <Problem problem={problem} />
      {mayRead && !masking ? (
        <div className="actions">
          {item.state === 'unread' ? (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void read()}>
              {t('surveySection.freeTexts.markRead')}
            </button>
          ) : null}
          <button ref={maskButton} type="button" className="button button-secondary" onClick={() => setMasking(true)}>
            {t('surveySection.freeTexts.mask')}
          </button>
        </div>
      ) : null}
      {masking ? (
        <div className="narrow-wide">
          <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
          <form onSubmit={mask} noValidate className="form">
            <TextAreaField
              label={t('surveySection.freeTexts.maskLabel')}
              hint={t('surveySection.freeTexts.maskHint')}
              optional
              rows={3}
              autoFocus
              {...f.field('masked')}
            />
            <div className="actions">
              <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
                {t('surveySection.freeTexts.saveMask')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setMasking(false);
                  refocus();
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </form>
        </div>
      ) : null}
    </li>
  );
}

/** The free texts, for the funder's staff: the caseworker's reading list, or what has been read. */
function FreeTexts({ s, agreementId }: { s: Survey; agreementId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useQuery({ queryKey: keys.surveys.freeTexts(s.id), queryFn: () => getFreeTexts(s.id), retry: false });
  const list = query.data;
  async function reload() {
    await Promise.all([
      client.invalidateQueries({ queryKey: keys.surveys.freeTexts(s.id) }),
      client.invalidateQueries({ queryKey: keys.surveys.ofAgreement(agreementId) }),
    ]);
  }
  return (
    <section aria-labelledby="survey-free-texts-heading">
      <h3 id="survey-free-texts-heading">{t('surveySection.freeTexts.heading')}</h3>
      <p className="hint">{s.can.readFreeTexts ? t('surveySection.freeTexts.introCaseworker') : t('surveySection.freeTexts.introStaff')}</p>
      {query.error ? (
        <LoadError error={query.error} />
      ) : !list ? (
        <Loading />
      ) : list.hidden ? (
        <p>{t('surveySection.freeTexts.hidden', { count: list.minGroup, answers: list.answers })}</p>
      ) : list.items.length ? (
        <ol className="card-list">
          {list.items.map((item, i) => (
            <FreeTextItem key={item.id} item={item} n={i + 1} mayRead={list.mayRead} onDone={reload} />
          ))}
        </ol>
      ) : (
        <p>{t('surveySection.freeTexts.none')}</p>
      )}
    </section>
  );
}

/**
 * The participants' survey of an agreement, for the association and the funder's staff: the link to share
 * (copyable) and the poster to print, whether it takes answers, how many have answered, the association's
 * own questions, and for the staff the free texts, which a caseworker reads (and may mask) first. Shows
 * nothing for an agreement without a survey, or to someone who may not see it.
 */
export function SurveySection({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: keys.surveys.ofAgreement(agreementId), queryFn: () => getAgreementSurvey(agreementId), retry: false });
  if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 403)) return null;
  const s = query.data;
  return (
    <section className="section" aria-labelledby="survey-section-heading">
      <h2 id="survey-section-heading">{t('surveySection.heading')}</h2>
      {query.error ? (
        <LoadError error={query.error} />
      ) : !s ? (
        <Loading />
      ) : (
        <>
          <p>{t('surveySection.intro')}</p>
          <Facts
            items={[
              [t('surveySection.status'), s.status === 'open' ? t('surveySection.isOpen') : t('surveySection.isClosed')],
              [t('surveySection.answers'), String(s.answers)],
              [t('surveySection.resultsShown'), t('surveySection.resultsShownValue', { count: s.minGroup })],
              ...(s.unreadFreeTexts !== null ? ([[t('surveySection.unread'), String(s.unreadFreeTexts)]] as [string, string][]) : []),
            ]}
          />
          <SurveyLink link={s.link} />
          <p>
            <a href={s.posterUrl}>{t('surveySection.poster')}</a>
          </p>
          <OpenOrClose s={s} agreementId={agreementId} />
          <ExtraQuestions s={s} agreementId={agreementId} />
          {s.can.seeFreeTexts ? <FreeTexts s={s} agreementId={agreementId} /> : null}
        </>
      )}
    </section>
  );
}
