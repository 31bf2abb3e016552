import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FollowUpSettings, followUpSettingsProblems } from '../../domain/follow-up-settings.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/fields.tsx';
import { LoadError, Loading, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { localFieldError, ruleErrors } from '../components/validation.ts';
import { keys } from '../queryKeys.ts';
import { getFollowUpSettings, saveFollowUpSettings } from './api.ts';

const FIELDS = ['surveyMinGroup', 'reportDeviationPercent', 'reportReminderDays'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

/** A whole number as typed ("5", " 14 "); anything else is not one. */
const parse = (text: string) => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The settings as typed, each a whole number or NaN. */
const toSettings = (v: Values): FollowUpSettings => ({
  surveyMinGroup: parse(v.surveyMinGroup),
  reportDeviationPercent: parse(v.reportDeviationPercent),
  reportReminderDays: parse(v.reportReminderDays),
});

/** The funder's follow-up settings: the survey's smallest group, the deviation a report may have unexplained, the reminder's lead. */
export function FollowUpSettingsForm({ funderId }: { funderId: string }) {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: keys.followUpSettings(funderId), queryFn: () => getFollowUpSettings(funderId), retry: false });
  return (
    <section className="section" aria-labelledby="follow-up-settings-heading">
      <h2 id="follow-up-settings-heading">{t('users.followUp.heading')}</h2>
      <p>{t('users.followUp.intro')}</p>
      <div className="narrow">
        {settings.error ? <LoadError error={settings.error} /> : settings.data ? <SettingsForm funderId={funderId} current={settings.data} /> : <Loading />}
      </div>
    </section>
  );
}

function SettingsForm({ funderId, current }: { funderId: string; current: FollowUpSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [saved, setSaved] = useState<number | null>(null);
  const f = useAppForm<Values>({
    id: 'follow-up',
    defaultValues: {
      surveyMinGroup: String(current.surveyMinGroup),
      reportDeviationPercent: String(current.reportDeviationPercent),
      reportReminderDays: String(current.reportReminderDays),
    },
    fields: FIELDS,
    validate: (v) => {
      const numbers = FIELDS.filter((k) => Number.isNaN(parse(v[k])));
      // "5.5" or "fem" is not a whole number: said so, as everywhere a count is typed.
      if (numbers.length) return numbers.map((k) => localFieldError(k, 'form.notAWholeNumber'));
      return ruleErrors(followUpSettingsProblems(toSettings(v)));
    },
  });
  const submit = f.onSubmit(async (v) => {
    setSaved(null);
    const answer = await saveFollowUpSettings(funderId, toSettings(v));
    setSaved(answer.surveyMinGroup);
    client.setQueryData(keys.followUpSettings(funderId), answer);
    // What the smallest group hides changes with it.
    await client.invalidateQueries({ queryKey: keys.surveyResults.all });
  });
  return (
    <>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      {saved !== null ? <Success>{t('users.followUp.saved', { k: saved })}</Success> : null}
      <form onSubmit={submit} noValidate className="form">
        <TextField
          label={t('users.followUp.minGroup')}
          hint={t('users.followUp.minGroupHint')}
          inputMode="numeric"
          className="input-short"
          {...f.field('surveyMinGroup')}
        />
        <TextField
          label={t('users.followUp.deviation')}
          hint={t('users.followUp.deviationHint')}
          inputMode="numeric"
          className="input-short"
          {...f.field('reportDeviationPercent')}
        />
        <TextField
          label={t('users.followUp.reminder')}
          hint={t('users.followUp.reminderHint')}
          inputMode="numeric"
          className="input-short"
          {...f.field('reportReminderDays')}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
            {t('users.followUp.save')}
          </button>
        </div>
      </form>
    </>
  );
}
