import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { CallRules } from '../../../domain/calls/types.ts';
import { dateTime, formatDate } from '../../calls/format.ts';
import { ConflictNotice, RestoreNotice, SignedOutNotice } from '../../components/DraftNotices.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Info, usePageTitle } from '../../components/page.tsx';
import { SaveStatus } from '../../components/SaveStatus.tsx';
import { useAppForm } from '../../components/useAppForm.ts';
import { useLeaveGuard } from '../../components/useLeaveGuard.tsx';
import { useLocalized } from '../../i18n/index.ts';
import type { ApplicationView } from '../api.ts';
import { fieldOrder, fromContent, problemsOf, stepOfField, stepsOf, toContent, type Values } from '../content.ts';
import { clearLocal, type LocalCopy, unsavedLocal, useAutosave } from '../useAutosave.ts';
import { ActivitiesStep } from './ActivitiesStep.tsx';
import { AssignmentStep } from './AssignmentStep.tsx';
import { AttachmentsStep } from './AttachmentsStep.tsx';
import { BudgetStep } from './BudgetStep.tsx';
import { Comparison } from './Comparison.tsx';
import { PeopleStep } from './PeopleStep.tsx';
import { QuestionsStep } from './QuestionsStep.tsx';

/** The draft, step by step: saved as one types, kept in this browser too, and checked on request. */
export function ApplicationForm({ app, call }: { app: ApplicationView; call: CallRules }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const steps = useMemo(() => stepsOf(call), [call]);
  const stepNumber = Math.min(Math.max(Number(params.get('step')) || 1, 1), steps.length);
  const step = steps[stepNumber - 1];
  const [initial] = useState(() => fromContent(app.content, call));
  const [offer, setOffer] = useState<LocalCopy | null>(() => unsavedLocal(app));
  const convert = useCallback((v: Values) => toContent(v, call), [call]);
  const f = useAppForm<Values>({
    id: 'application',
    defaultValues: initial,
    fields: (v) => fieldOrder(v, call),
    mapField: (field) => field.replace(/^activities\.(\d+)\.typeKey$/, 'activities.$1.kind'),
  });
  const saver = useAutosave(app, f.form, convert);
  // Leaving by a link or the back button saves first; only what cannot be saved holds the person up.
  const leaveDialog = useLeaveGuard({
    unsaved: saver.unsaved,
    save: saver.flush,
    atRisk: saver.atRisk,
    // Signing in again keeps the typing in this browser and offers it back.
    allows: (next) => next.pathname === '/sign-in',
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  const stepTitle = t(step.key === 'questions' ? 'application.steps.questions' : `application.steps.${step.key}`);
  // The check of one's answers is a step too, as the list of steps shows.
  const stepCount = steps.length + 1;
  usePageTitle(`${t('application.stepOf', { n: stepNumber, count: stepCount })}: ${stepTitle} – ${app.callTitle}`);

  const checkStep = useCallback(() => {
    const problems = problemsOf(f.form.getValues(), call).filter((p) => stepOfField(p.field, steps) === stepNumber);
    if (problems.length) f.show(problems);
    else f.clearErrors();
    return problems.length;
  }, [f, call, steps, stepNumber]);

  // A new step: its heading takes focus; coming from the self-check, what is missing on it shows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    // Coming from a change link on the check page: the answer's field takes focus (else the step's heading),
    // a frame after the layout has focused the new page's heading.
    if (params.get('from') === 'check') {
      first.current = false;
      const hash = location.hash;
      requestAnimationFrame(() =>
        requestAnimationFrame(() => ((hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null) ?? headingRef.current)?.focus()),
      );
      return;
    }
    if (params.get('check')) {
      const missing = checkStep();
      if (!missing) headingRef.current?.focus();
      return;
    }
    f.clearErrors();
    if (first.current) {
      first.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [stepNumber, location.key]);

  const go = async (n: number) => {
    void saver.flush();
    setParams({ step: String(n) });
    window.scrollTo(0, 0);
  };

  const toCheck = async () => {
    await saver.flush();
    navigate(`/applications/${app.id}/check`);
  };

  const state = saver.state;
  const here = `/applications/${app.id}?step=${stepNumber}`;
  return (
    <div className="application-form">
      <p className="lead">
        {app.organisationName} · {app.callTitle}
      </p>
      {app.deadline ? <p className="hint">{t('application.deadline', { date: formatDate(app.deadline) })}</p> : null}
      {offer ? (
        <RestoreNotice
          at={offer.at}
          savedAt={app.updatedAt}
          onRestore={() => {
            const restored = fromContent(offer.content, call);
            setOffer(null);
            void saver.saveRestored(restored);
          }}
          onDiscard={() => {
            clearLocal(app.id);
            setOffer(null);
          }}
        />
      ) : null}
      {state.kind === 'conflict' ? (
        <ConflictNotice
          text={t('application.conflictText', { name: state.current.updatedBy ?? t('application.someone'), at: dateTime(state.current.updatedAt) })}
          message={localized(state.message)}
          onKeepMine={() => void saver.keepMine()}
          onTakeTheirs={() => saver.takeTheirs(fromContent(state.current.content, call))}
        >
          <Comparison mine={convert(f.form.getValues())} theirs={state.current.content} />
        </ConflictNotice>
      ) : null}
      {state.kind === 'signIn' ? <SignedOutNotice here={here} /> : null}
      <nav aria-label={t('application.stepsLabel')} className="steps-nav">
        <ol className="steps">
          {steps.map((s) => (
            <li key={s.number} className={s.number === stepNumber ? 'step-current' : undefined}>
              {s.number === stepNumber ? (
                <span aria-current="step">
                  {s.number}. {t(`application.steps.${s.key}`)}
                </span>
              ) : (
                <Link to={`/applications/${app.id}?step=${s.number}`} onClick={() => void saver.flush()}>
                  {s.number}. {t(`application.steps.${s.key}`)}
                </Link>
              )}
            </li>
          ))}
          <li>
            <Link to={`/applications/${app.id}/check`}>
              {stepCount}. {t('application.steps.check')}
            </Link>
          </li>
        </ol>
      </nav>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form
        noValidate
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (stepNumber < steps.length) void go(stepNumber + 1);
          else void toCheck();
        }}
      >
        <h2 ref={headingRef} tabIndex={-1} className="step-heading">
          <span className="step-count">{t('application.stepOf', { n: stepNumber, count: stepCount })}</span> {stepTitle}
        </h2>
        {step.key === 'assignment' ? <AssignmentStep f={f} call={call} /> : null}
        {step.key === 'activities' ? <ActivitiesStep f={f} call={call} funderId={app.funderId} /> : null}
        {step.key === 'budget' ? <BudgetStep f={f} call={call} /> : null}
        {step.key === 'people' ? <PeopleStep f={f} /> : null}
        {step.key === 'attachments' ? <AttachmentsStep f={f} call={call} organisationId={app.organisationId} /> : null}
        {step.key === 'questions' ? <QuestionsStep f={f} step={step} call={call} organisationId={app.organisationId} /> : null}
        <SaveStatus state={state} notSaved={t('application.notSaved')} onRetry={() => void saver.flush()} />
        <div className="actions">
          <button type="submit" className="button">
            {stepNumber < steps.length ? t('application.next') : t('application.toCheck')}
          </button>
          {params.get('from') === 'check' ? (
            <button type="button" className="button button-secondary" onClick={() => void toCheck()}>
              {t('application.backToCheck')}
            </button>
          ) : null}
          {stepNumber > 1 ? (
            <button type="button" className="button button-secondary" onClick={() => void go(stepNumber - 1)}>
              {t('application.previous')}
            </button>
          ) : null}
          <button type="button" className="link-button" onClick={() => checkStep()}>
            {t('application.checkStep')}
          </button>
        </div>
        <Info>
          <p>{t('application.autosaveNote')}</p>
        </Info>
      </form>
      {leaveDialog}
    </div>
  );
}
