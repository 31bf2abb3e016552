import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCREENING_RULES, type ScreeningRule } from '../../domain/assessment/types.ts';
import { dateTime } from '../applications/format.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { CheckboxGroup, Radio, TextAreaField } from '../components/fields.tsx';
import { RestoredNotice, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { keys } from '../queryKeys.ts';
import { type ScreeningView, screen } from './api.ts';
import { describeField, ScreeningBadge } from './shared.tsx';

type Choice = 'confirm' | 'override';
type Values = { rules: Record<ScreeningRule, { choice: Choice; reason: string }> };

function defaults(view: ScreeningView): Values {
  const rules = {} as Values['rules'];
  for (const a of view.automatic) {
    const settled = view.latest?.rules.find((r) => r.rule === a.rule);
    rules[a.rule] = settled ? { choice: settled.ok === a.ok ? 'confirm' : 'override', reason: settled.reason ?? '' } : { choice: 'confirm', reason: '' };
  }
  return { rules };
}

const FIELDS = SCREENING_RULES.flatMap((r) => [`rules.${r}.choice`, `rules.${r}.reason`]);

/** "Uppfyller" / "Uppfyller inte", for a rule's result. */
function useResult() {
  const { t } = useTranslation();
  return (ok: boolean) => t(ok ? 'assessment.screening.met' : 'assessment.screening.notMet');
}

/** What the automatic check found for a rule, and the fields it found wanting. */
function Automatic({ ok, fields }: { ok: boolean; fields: string[] }) {
  const { t } = useTranslation();
  const result = useResult();
  const described = fields.map((f) => describeField(t, f)).filter((f): f is string => Boolean(f));
  return (
    <div className="hint">
      <p className="automatic-result">
        <span className={ok ? 'check-ok' : 'check-fail'}>
          <span aria-hidden="true">{ok ? '✓' : '✗'} </span>
          {t('assessment.screening.automatic', { result: result(ok) })}
        </span>
      </p>
      {described.length ? (
        <p>
          {t('assessment.screening.wanting')} {[...new Set(described)].join('; ')}
        </p>
      ) : null}
    </div>
  );
}

/** The latest screening: its outcome, when, and each rule as settled. */
function Latest({ latest }: { latest: NonNullable<ScreeningView['latest']> }) {
  const { t } = useTranslation();
  const result = useResult();
  return (
    <div className="latest-screening">
      <h3>{t('assessment.screening.latestHeading')}</h3>
      <p>
        <ScreeningBadge outcome={latest.outcome} />{' '}
        <span className="hint-inline">{t('assessment.screening.screenedAt', { at: dateTime(latest.screenedAt) })}</span>
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-wrap" aria-label={t('assessment.screening.latestCaption')} tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">{t('assessment.screening.latestCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessment.screening.rule')}</th>
              <th scope="col">{t('assessment.screening.automaticColumn')}</th>
              <th scope="col">{t('assessment.screening.settledColumn')}</th>
              <th scope="col">{t('assessment.screening.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {latest.rules.map((r) => (
              <tr key={r.rule}>
                <th scope="row">{t(`assessment.rules.${r.rule}`)}</th>
                <td>{result(r.automatic)}</td>
                <td>
                  {result(r.ok)}
                  {r.ok !== r.automatic ? <span className="hint-inline"> {t('assessment.screening.overridden')}</span> : null}
                </td>
                <td className="preserve-lines">{r.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** The caseworker's screening: each rule's automatic result confirmed or overridden (with a reason). */
function ScreeningForm({ applicationId, callId, view }: { applicationId: string; callId: string; view: ScreeningView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const result = useResult();
  const [saved, setSaved] = useState<'eligible' | 'ineligible' | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const f = useAppForm<Values>({
    id: 'screening',
    draftKey: `screening-${applicationId}`,
    defaultValues: defaults(view),
    fields: FIELDS,
    // "rules.legal_form" (a rule left out) belongs to the rule's choice.
    mapField: (field) => (/^rules\.[a-z_]+$/.test(field) ? `${field}.choice` : field),
  });
  const values = f.form.watch('rules');
  const outcome = view.automatic.every((a) => (values[a.rule]?.choice === 'override' ? !a.ok : a.ok)) ? 'eligible' : 'ineligible';
  const submit = f.onSubmit(async (v) => {
    setSaved(null);
    const rules = view.automatic.map((a) => {
      const choice = v.rules[a.rule];
      const overriding = choice.choice === 'override';
      // A reason is asked for (and shown) only with an override.
      return { rule: a.rule, ok: overriding ? !a.ok : a.ok, reason: overriding ? choice.reason.trim() || null : null };
    });
    const answer = await screen(applicationId, { rules });
    client.setQueryData(keys.screening(applicationId), answer);
    setSaved(answer.latest?.outcome ?? null);
    await client.invalidateQueries({ queryKey: keys.assessment(callId) });
  });
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  return (
    <>
      <div className="focus-target" tabIndex={-1} ref={savedRef}>
        {saved ? <Success>{t('assessment.screening.saved', { outcome: t(`assessment.screening.outcome.${saved}`) })}</Success> : null}
      </div>
      <RestoredNotice restored={f.restored} />
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={submit} noValidate className="form">
        {view.automatic.map((a) => {
          const choiceId = f.fieldId(`rules.${a.rule}.choice`);
          const overriding = values[a.rule]?.choice === 'override';
          const label = t(`assessment.rules.${a.rule}`);
          return (
            <fieldset key={a.rule} className="row-fieldset screening-rule">
              <legend className="legend-small">{label}</legend>
              <Automatic ok={a.ok} fields={a.fields} />
              <CheckboxGroup id={choiceId} legend={t('assessment.screening.choiceLegend')} error={f.errors.fields[`rules.${a.rule}.choice`]}>
                <Radio
                  id={`${choiceId}-confirm`}
                  value="confirm"
                  label={t('assessment.screening.confirm', { result: result(a.ok) })}
                  {...f.form.register(`rules.${a.rule}.choice`)}
                />
                <Radio
                  id={`${choiceId}-override`}
                  value="override"
                  label={t('assessment.screening.override', { result: result(!a.ok) })}
                  {...f.form.register(`rules.${a.rule}.choice`)}
                />
              </CheckboxGroup>
              {overriding ? (
                <TextAreaField
                  label={t('assessment.screening.reasonFor')}
                  hint={t('assessment.screening.reasonRequired')}
                  rows={2}
                  {...f.field(`rules.${a.rule}.reason`)}
                />
              ) : null}
            </fieldset>
          );
        })}
        <p className="screening-outcome" aria-live="polite">
          {t('assessment.screening.outcomeIfSaved', { outcome: t(`assessment.screening.outcome.${outcome}`) })}
        </p>
        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
            {t('assessment.screening.save')}
          </button>
        </div>
      </form>
    </>
  );
}

export function ScreeningSection({
  applicationId,
  callId,
  view,
  mayScreen,
  open,
}: {
  applicationId: string;
  callId: string;
  view: ScreeningView;
  mayScreen: boolean;
  open: boolean;
}) {
  const { t } = useTranslation();
  // Screened once, the form waits behind a button; a first screening (and one just saved) shows it.
  const [editing, setEditing] = useState(!view.latest);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const [focusForm, setFocusForm] = useState(false);
  useEffect(() => {
    if (focusForm && editing) {
      formHeading.current?.focus();
      setFocusForm(false);
    }
  }, [focusForm, editing]);
  return (
    <section className="section" aria-labelledby="screening-heading" id="screening">
      <h2 id="screening-heading">{t('assessment.screening.heading')}</h2>
      <p className="hint">{t('assessment.screening.intro')}</p>
      {view.latest ? <Latest latest={view.latest} /> : <p>{t('assessment.screening.notScreenedYet')}</p>}
      {mayScreen && open && editing ? (
        <>
          <h3 ref={formHeading} tabIndex={-1}>
            {t('assessment.screening.formHeading')}
          </h3>
          <ScreeningForm applicationId={applicationId} callId={callId} view={view} />
        </>
      ) : mayScreen && open ? (
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setEditing(true);
              setFocusForm(true);
            }}
          >
            {t('assessment.screening.again')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
