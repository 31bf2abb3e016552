import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { draftProblems, publishProblems } from '../../../domain/calls/rules.ts';
import { dateInStockholm } from '../../../domain/deadlines.ts';
import { addOre, ZERO_ORE } from '../../../domain/money.ts';
import { ApiError } from '../../api/client.ts';
import { AuditTrail } from '../../audit/AuditTrail.tsx';
import type { ActivityType } from '../../catalogue/api.ts';
import { ConfirmStep, useConfirmStep } from '../../components/ConfirmedAction.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { useFunder } from '../../components/funder.ts';
import { LoadError, Loading, Page, RestoredNotice } from '../../components/page.tsx';
import { SaveStatus } from '../../components/SaveStatus.tsx';
import { useAppForm } from '../../components/useAppForm.ts';
import { useAutosave } from '../../components/useAutosave.ts';
import { useLeaveGuard } from '../../components/useLeaveGuard.tsx';
import { collect, required, ruleErrors } from '../../components/validation.ts';
import { listProgrammes, type Programme } from '../../programmes/api.ts';
import { keys } from '../../queryKeys.ts';
import { amendCall, type CallDetail, createCall, getCall, publishCall, updateCall } from '../api.ts';
import { AmendmentList, useActivityLabels } from '../CallRulesView.tsx';
import { PhaseBadge } from '../CallStatus.tsx';
import { AttachmentsSection } from './AttachmentsSection.tsx';
import { BasicsSection } from './BasicsSection.tsx';
import { CriteriaSection } from './CriteriaSection.tsx';
import { DatesSection } from './DatesSection.tsx';
import { FocusSection } from './FocusSection.tsx';
import { FollowUpSection } from './FollowUpSection.tsx';
import { MoneySection } from './MoneySection.tsx';
import { QuestionsSection } from './QuestionsSection.tsx';
import { ReasonSection } from './ReasonSection.tsx';
import { type DesignerValues, fieldNames, mapServerField, NEW_CALL, toRules, toValues } from './values.ts';
import { WhoSection } from './WhoSection.tsx';

/** The navigation after a new call's first save: the same form goes on, at the call's own address (see Layout). */
interface SamePage {
  samePage?: boolean;
}

const GROUPS = ['basics', 'money', 'who', 'focus', 'dates', 'attachments', 'criteria', 'followUp', 'questions'] as const;

function Designer({
  funderId,
  call,
  programmes,
  activityTypes,
}: {
  funderId: string;
  call: CallDetail | null;
  programmes: Programme[];
  activityTypes: ActivityType[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const funder = useFunder(funderId);
  const published = call?.status === 'published';
  /** The call being written: none until a new call's first save creates it. */
  const callId = useRef(call?.id ?? null);

  /** What is left on a line for this call: its own amount already set aside counts as available to it. */
  const available = (lineId: string | null) => {
    const line = programmes.flatMap((p) => p.lines).find((l) => l.id === lineId);
    if (!line) return null;
    return addOre(line.available, call && call.rules.budgetLineId === lineId ? call.amount : ZERO_ORE);
  };

  const f = useAppForm<DesignerValues>({
    id: 'call',
    defaultValues: call ? toValues(call.rules) : NEW_CALL,
    fields: fieldNames,
    mapField: mapServerField,
    draftKey: `call-${call ? `${call.id}-${call.version}` : `new-${funderId}`}`,
    validate: (v) => {
      const { rules, problems } = toRules(v);
      const check = published ? publishProblems : draftProblems;
      return collect(
        required(v, 'title'),
        published ? required(v, 'reason') : [],
        problems,
        ruleErrors(
          check(rules, {
            lineAvailable: available(rules.budgetLineId),
            today: dateInStockholm(new Date()),
            previousDeadline: call?.rules.deadline ?? null,
          }),
        ),
      );
    },
  });

  const refresh = async (detail: CallDetail) => {
    client.setQueryData(keys.call(detail.id), detail);
    await Promise.all([
      client.invalidateQueries({ queryKey: keys.funderCalls(funderId) }),
      client.invalidateQueries({ queryKey: keys.programmes(funderId) }),
      client.invalidateQueries({ queryKey: keys.publicCalls() }),
      client.invalidateQueries({ queryKey: keys.publicCall(detail.id) }),
      client.invalidateQueries({ queryKey: keys.audit('call', detail.id) }),
    ]);
  };

  const editPath = (id: string) => `/funders/${funderId}/calls/${id}/edit`;

  // A draft is saved as it is typed (created on its first save); a published call changes only by
  // amendment, so there changes are only noted, for the warning before leaving.
  const saver = useAutosave<DesignerValues>({
    form: f.form,
    enabled: !published,
    delayMs: 1000,
    send: async (v, leaving) => {
      const { rules, problems } = toRules(v);
      // Not a number where one is needed: the save button shows where.
      if (problems.length) throw new ApiError({ title: 'invalid', status: 422, code: 'validation_failed', messages: { sv: '', en: '' } });
      const at = new Date().toISOString();
      const id = callId.current;
      if (!id) {
        const created = await createCall(funderId, rules, { keepalive: leaving });
        callId.current = created.id;
        client.setQueryData(keys.call(created.id), created);
        navigate(editPath(created.id), { replace: true, state: { samePage: true } satisfies SamePage });
        void refresh(created);
        return at;
      }
      void refresh(await updateCall(id, rules, { keepalive: leaving }));
      return at;
    },
    stopsOn: (error) => {
      if (!error.needsSignIn) return null;
      // Kept in this browser across the sign-in, as the form does on any refused save.
      f.showError(error);
      return { kind: 'signIn' };
    },
  });
  const leaveDialog = useLeaveGuard({
    unsaved: saver.unsaved,
    atRisk: saver.atRisk,
    // Its own address after the first save; signing in again, which brings the typing back (useAppForm).
    allows: (next) => !!(next.state as SamePage | null)?.samePage || next.pathname === '/sign-in',
  });

  /** After publishing or amending, the page is the published call's: start from its top. */
  const startOver = (flash: string) => {
    navigate(location.pathname, { replace: true, state: { flash } });
    requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
  };

  /** Saving now, with every problem shown on its field (the autosave only says that something is wrong). */
  const saveDraft = f.onSubmit(async (v) => {
    await saver.settle();
    const { rules } = toRules(v);
    const id = callId.current;
    if (!id) {
      const created = await createCall(funderId, rules);
      callId.current = created.id;
      saver.savedElsewhere(new Date().toISOString());
      await refresh(created);
      navigate(editPath(created.id), { replace: true, state: { flash: 'callDraftCreated' } });
      return;
    }
    const updated = await updateCall(id, rules);
    saver.savedElsewhere(new Date().toISOString());
    await refresh(updated);
  });

  // Publishing cannot be undone: it asks first, saying what happens and who sees it.
  const publishStep = useConfirmStep('publish');
  const publish = f.onSubmit(
    publishStep.guard(async (v) => {
      if (!call) return;
      await saver.settle();
      // What is on the screen is what gets published.
      await updateCall(call.id, toRules(v).rules);
      const done = await publishCall(call.id);
      await refresh(done);
      startOver('callPublished');
    }),
  );

  const amend = f.onSubmit(async (v) => {
    if (!call) return;
    const done = await amendCall(call.id, { rules: toRules(v).rules, reason: v.reason.trim() });
    await refresh(done);
    startOver('callAmended');
  });

  const pageTitle = !call
    ? t('designer.newTitle')
    : published
      ? t('designer.amendTitle', { title: call.title })
      : t('designer.draftTitle', { title: call.title || t('calls.untitled') });

  return (
    <Page title={pageTitle}>
      <p className="lead">{funder.name ?? call?.funderName}</p>
      {call ? (
        <div className="designer-status">
          <p>
            <PhaseBadge phase={call.phase} /> {published ? t('designer.publishedNote') : t('designer.draftNote')}
          </p>
          {published ? (
            <p>
              <Link to={`/calls/${call.id}`}>{t('calls.viewPublic')}</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <p>{t('designer.newIntro')}</p>
      )}
      <RestoredNotice restored={f.restored} />
      <nav aria-label={t('designer.partsLabel')} className="designer-parts">
        <ul className="inline-links">
          {GROUPS.map((g) => (
            <li key={g}>
              <a href={`#group-${g}`}>{t(`designer.groups.${g}`)}</a>
            </li>
          ))}
          {published ? (
            <li>
              <a href="#group-reason">{t('designer.groups.reason')}</a>
            </li>
          ) : null}
        </ul>
      </nav>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={published ? amend : saveDraft} noValidate className="form designer">
        <BasicsSection f={f} />

        <MoneySection f={f} programmes={programmes} available={available} />

        <WhoSection f={f} />

        <FocusSection f={f} activityTypes={activityTypes} />

        <DatesSection f={f} />

        <AttachmentsSection f={f} />

        <CriteriaSection f={f} />

        <FollowUpSection f={f} />

        <QuestionsSection f={f} />

        {published ? <ReasonSection f={f} /> : null}

        {publishStep.asking ? (
          <ConfirmStep
            step={publishStep}
            heading={t('designer.confirmPublish.heading')}
            confirm={t('designer.confirmPublish.confirm')}
            onConfirm={publish}
            busy={f.form.formState.isSubmitting}
          >
            <ul>
              <li>{t('designer.confirmPublish.what', { title: f.form.getValues('title') })}</li>
              <li>{t('designer.confirmPublish.after')}</li>
              <li>{t('designer.confirmPublish.told')}</li>
            </ul>
          </ConfirmStep>
        ) : null}
        <div className="actions" hidden={publishStep.asking}>
          {published ? (
            <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {t('designer.saveAmendment')}
            </button>
          ) : (
            <>
              <button type="submit" className={call ? 'button button-secondary' : 'button'} disabled={f.form.formState.isSubmitting}>
                {t('designer.saveDraft')}
              </button>
              {call ? (
                <button ref={publishStep.startRef} type="button" className="button" disabled={f.form.formState.isSubmitting} onClick={publish}>
                  {t('designer.publish')}
                </button>
              ) : null}
            </>
          )}
        </div>
        {!published ? <SaveStatus state={saver.state} notSaved={t('designer.notSaved')} onRetry={() => void saveDraft()} /> : null}
        {!published ? <p className="hint">{call ? t('designer.publishHint') : t('designer.saveFirstHint')}</p> : null}
      </form>
      {leaveDialog}

      {published && call ? (
        <section className="section" aria-labelledby="amendments-heading">
          <h2 id="amendments-heading">{t('calls.sections.amendments')}</h2>
          <AmendmentList amendments={call.amendments} funderId={funderId} />
        </section>
      ) : null}
      {call ? (
        <section className="section" aria-labelledby="history-heading">
          <h2 id="history-heading">{t('audit.heading')}</h2>
          <p className="hint">{t('designer.historyIntro')}</p>
          <AuditTrail objectType="call" objectId={call.id} funderId={funderId} />
        </section>
      ) : null}
    </Page>
  );
}

/** The call designer: a new call, a draft, or (once published) an amendment with a reason. */
export function CallDesignerPage() {
  const { t } = useTranslation();
  const params = useParams();
  const location = useLocation();
  const callId = params.callId;
  const call = useQuery({
    queryKey: keys.call(callId),
    queryFn: () => getCall(callId ?? ''),
    enabled: !!callId,
    retry: false,
  });
  const funderId = params.funderId ?? call.data?.funderId ?? '';
  const programmes = useQuery({
    queryKey: keys.programmes(funderId),
    queryFn: () => listProgrammes(funderId),
    enabled: !!funderId,
    retry: false,
  });
  const catalogue = useActivityLabels(funderId || undefined);
  const error = call.error ?? programmes.error;
  if (error || (callId && call.isPending) || programmes.isPending) {
    return <Page title={callId ? t('designer.loadingTitle') : t('designer.newTitle')}>{error ? <LoadError error={error} /> : <Loading />}</Page>;
  }
  const detail = call.data ?? null;
  return (
    <Designer
      // A new call's first save moves to the call's address, and the form being typed in stays.
      key={detail && !(location.state as SamePage | null)?.samePage ? `${detail.id}-${detail.status}-${detail.version}` : `new-${funderId}`}
      funderId={funderId}
      call={detail}
      programmes={programmes.data?.programmes ?? []}
      activityTypes={catalogue.types}
    />
  );
}
