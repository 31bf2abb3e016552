import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { CheckboxGroup, Radio } from '../components/fields.tsx';
import { LoadError, Loading, Page, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { keys } from '../queryKeys.ts';
import { type Delivery, getNotificationPreferences, type Preference, setNotificationPreferences } from './api.ts';

const DELIVERIES: readonly Delivery[] = ['each', 'digest', 'none'];

function PreferencesForm({ preferences }: { preferences: Preference[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const f = useAppForm<Record<string, Delivery>>({
    id: 'notifications',
    defaultValues: Object.fromEntries(preferences.map((p) => [p.event, p.delivery])),
    fields: preferences.map((p) => p.event),
    // The server names a choice by its row; on the page it is the event's group.
    mapField: (field) => {
      const row = /^preferences\.(\d+)\./.exec(field);
      return row ? (preferences[Number(row[1])]?.event ?? field) : field;
    },
  });
  const submit = f.onSubmit(async (values) => {
    setSaved(false);
    const answer = await setNotificationPreferences({ preferences: preferences.map((p) => ({ event: p.event, delivery: values[p.event] ?? p.delivery })) });
    queryClient.setQueryData(keys.notificationPreferences(), answer);
    setSaved(true);
  });
  return (
    <>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      {saved ? <Success>{t('notifications.saved')}</Success> : null}
      <form onSubmit={submit} noValidate className="form">
        {preferences.map((p) => (
          <CheckboxGroup key={p.event} id={f.fieldId(p.event)} legend={t(`notifications.events.${p.event}`)} error={f.errors.fields[p.event]} layout="stack">
            {DELIVERIES.map((d) => (
              <Radio
                key={d}
                id={`${f.fieldId(p.event)}-${d}`}
                value={d}
                label={
                  <>
                    {t(`notifications.deliveries.${d}`)}
                    {d === p.default ? <span className="hint-inline"> {t('notifications.default')}</span> : null}
                  </>
                }
                {...f.form.register(p.event)}
              />
            ))}
          </CheckboxGroup>
        ))}
        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
            {t('notifications.save')}
          </button>
        </div>
      </form>
    </>
  );
}

/** /notifications — how the signed-in person is told of new work: a mail each time, a daily summary, or none. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const preferences = useQuery({ queryKey: keys.notificationPreferences(), queryFn: () => getNotificationPreferences() });
  return (
    <Page title={t('notifications.title')}>
      <p className="lead">{t('notifications.lead')}</p>
      {preferences.error ? (
        <LoadError error={preferences.error} />
      ) : preferences.isPending ? (
        <Loading />
      ) : preferences.data.preferences.length ? (
        <PreferencesForm preferences={preferences.data.preferences} />
      ) : (
        <p>{t('notifications.none')}</p>
      )}
      <p>
        <Link to="/">{t('notifications.back')}</Link>
      </p>
    </Page>
  );
}
