import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { both } from '../../i18n/messages.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/fields.tsx';
import { Page, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { collect, newPassword, required } from '../components/validation.ts';
import { useLocalized } from '../i18n/index.ts';
import { resetPassword } from './api.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const f = useAppForm<{ password: string }>({
    id: 'reset',
    defaultValues: { password: '' },
    fields: ['password'],
    validate: (v) => collect(required(v, 'password'), newPassword('password', v.password)),
  });

  const submit = f.onSubmit(async (values) => {
    await resetPassword({ token, password: values.password });
    setDone(true);
  });

  const tokenProblem = f.errors.general.length > 0;

  return (
    <Page title={t('reset.title')}>
      {done ? (
        <>
          <Success>{t('reset.done')}</Success>
          <p>
            <Link to="/sign-in">{t('reset.signIn')}</Link>
          </p>
        </>
      ) : token.length < 10 ? (
        <div className="notice notice-error" role="alert">
          <p>{localized(both('token_invalid'))}</p>
          <p>
            <Link to="/forgot-password">{t('reset.askAgain')}</Link>
          </p>
        </div>
      ) : (
        <div className="narrow">
          <p className="lead">{t('reset.intro')}</p>
          <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
          {tokenProblem ? (
            <p>
              <Link to="/forgot-password">{t('reset.askAgain')}</Link>
            </p>
          ) : null}
          <form onSubmit={submit} noValidate className="form">
            <TextField label={t('fields.newPassword')} hint={t('register.passwordHint')} type="password" autoComplete="new-password" {...f.field('password')} />
            <div className="actions">
              <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
                {t('reset.submit')}
              </button>
            </div>
          </form>
        </div>
      )}
    </Page>
  );
}
