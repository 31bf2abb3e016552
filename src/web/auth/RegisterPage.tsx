import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/fields.tsx';
import { Page } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { collect, email, newPassword, required } from '../components/validation.ts';
import { safeNext, useSessionChange } from '../session.ts';
import { register } from './api.ts';

/** A new account for someone applying on behalf of an association. */
export function RegisterPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const sessionChanged = useSessionChange();
  const next = safeNext(params.get('next'), '/');
  const f = useAppForm<{ name: string; email: string; password: string }>({
    id: 'register',
    defaultValues: { name: '', email: '', password: '' },
    fields: ['name', 'email', 'password'],
    validate: (v) => collect(required(v, 'name', 'email', 'password'), email('email', v.email), newPassword('password', v.password)),
  });

  const submit = f.onSubmit(async (values) => {
    const reply = await register({ ...values, name: values.name.trim(), email: values.email.trim() });
    await sessionChanged(reply);
    navigate(next, { state: { flash: 'accountCreated' } });
  });

  return (
    <Page title={t('register.title')}>
      <p className="lead">{t('register.intro')}</p>
      <div className="narrow">
        <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
        <form onSubmit={submit} noValidate className="form">
          <TextField label={t('fields.name')} autoComplete="name" {...f.field('name')} />
          <TextField label={t('fields.email')} type="email" autoComplete="email" spellCheck={false} {...f.field('email')} />
          <TextField label={t('fields.newPassword')} hint={t('register.passwordHint')} type="password" autoComplete="new-password" {...f.field('password')} />
          <div className="actions">
            <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {t('register.submit')}
            </button>
          </div>
        </form>
        <p>
          {t('register.haveAccount')} <Link to={params.get('next') ? `/sign-in?${new URLSearchParams({ next })}` : '/sign-in'}>{t('register.signIn')}</Link>
        </p>
      </div>
    </Page>
  );
}
