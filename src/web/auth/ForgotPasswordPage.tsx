import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/fields.tsx';
import { Page, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { collect, email, required } from '../components/validation.ts';
import { useSession } from '../session.ts';
import { requestPasswordReset } from './api.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { mailbox } = useSession();
  const f = useAppForm<{ email: string }>({
    id: 'forgot',
    defaultValues: { email: '' },
    fields: ['email'],
    validate: (v) => collect(required(v, 'email'), email('email', v.email)),
  });

  const submit = f.onSubmit(async (values) => {
    await requestPasswordReset(values.email.trim());
    setSentTo(values.email.trim());
  });

  return (
    <Page title={t('forgot.title')}>
      {sentTo ? (
        <>
          <Success>{t('forgot.sent', { email: sentTo })}</Success>
          <p>{t('forgot.sentMore')}</p>
          <ul className="link-list">
            {mailbox ? (
              <li>
                <Link to="/mailbox">{t('forgot.openMailbox')}</Link>
              </li>
            ) : null}
            <li>
              <Link to="/sign-in">{t('forgot.backToSignIn')}</Link>
            </li>
          </ul>
        </>
      ) : (
        <div className="narrow">
          <p className="lead">{t('forgot.intro')}</p>
          <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
          <form onSubmit={submit} noValidate className="form">
            <TextField label={t('fields.email')} type="email" autoComplete="email" spellCheck={false} {...f.field('email')} />
            <div className="actions">
              <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
                {t('forgot.submit')}
              </button>
            </div>
          </form>
          <p>
            <Link to="/sign-in">{t('forgot.backToSignIn')}</Link>
          </p>
        </div>
      )}
    </Page>
  );
}
