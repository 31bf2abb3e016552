import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mandatoryMailsFor, NOTIFICATION_RULES } from '../../domain/notifications.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { CheckboxGroup, Radio } from '../components/fields.tsx';
import { LoadError, Loading, Page, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { keys } from '../queryKeys.ts';
import { useUser } from '../session.ts';
import { type Delivery, getNotificationPreferences, type Preference, setNotificationPreferences } from './api.ts';

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
  // Staff's new work first, then the association's reminders: each with the choices its event offers.
  const groups = [
    { key: 'work', items: preferences.filter((p) => NOTIFICATION_RULES[p.event].roles.length > 0) },
    { key: 'association', items: preferences.filter((p) => NOTIFICATION_RULES[p.event].members) },
  ].filter((g) => g.items.length);
  return (
    <>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      {saved ? <Success>{t('notifications.saved')}</Success> : null}
      <form onSubmit={submit} noValidate className="form">
        {groups.map((g) => (
          <section key={g.key} className="section" aria-labelledby={`notifications-${g.key}`}>
            <h2 id={`notifications-${g.key}`}>{t(`notifications.groups.${g.key}.heading`)}</h2>
            <p className="hint">{t(`notifications.groups.${g.key}.intro`)}</p>
            {g.items.map((p) => (
              <CheckboxGroup
                key={p.event}
                id={f.fieldId(p.event)}
                legend={t(`notifications.events.${p.event}`)}
                error={f.errors.fields[p.event]}
                layout="stack"
              >
                {NOTIFICATION_RULES[p.event].deliveries.map((d) => (
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
          </section>
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

/** The mails the person gets whatever they choose, so that they see what cannot be turned off. */
function AlwaysSent() {
  const { t } = useTranslation();
  const user = useUser();
  const mails = mandatoryMailsFor({ staff: (user?.funders.length ?? 0) > 0, member: (user?.organisations.length ?? 0) > 0 });
  return (
    <section className="section" aria-labelledby="notifications-always">
      <h2 id="notifications-always">{t('notifications.always.heading')}</h2>
      <p>{t('notifications.always.intro')}</p>
      <ul>
        {mails.map((m) => (
          <li key={m}>{t(`notifications.always.mails.${m}`)}</li>
        ))}
      </ul>
    </section>
  );
}

/** /notifications — which mails the signed-in person gets: staff choose how they hear of new work, an association's members whether they are reminded. */
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
      <AlwaysSent />
      <p>
        <Link to="/">{t('notifications.back')}</Link>
      </p>
    </Page>
  );
}
