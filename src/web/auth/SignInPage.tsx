import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { both } from '../../i18n/messages.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/fields.tsx';
import { Info, Page } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { required } from '../components/validation.ts';
import { adoptLanguageAfterSignIn, useLocalized } from '../i18n/index.ts';
import { keys } from '../queryKeys.ts';
import { safeNext, useSession, useSessionChange } from '../session.ts';
import { listFunders, signIn, singleSignOnUrl } from './api.ts';

/** Sign-in with the funder's own identity provider (OpenID Connect), for staff. */
function OidcSignIn() {
  const { t } = useTranslation();
  const funders = useQuery({ queryKey: keys.funders(), queryFn: () => listFunders() });
  const withOidc = funders.data?.funders.filter((f) => f.oidc) ?? [];
  if (withOidc.length === 0) return null;
  return (
    <section className="section" aria-labelledby="oidc-heading">
      <h2 id="oidc-heading">{t('signIn.oidcHeading')}</h2>
      <p>{t('signIn.oidcIntro')}</p>
      <ul className="plain-list">
        {withOidc.map((f) => (
          <li key={f.id}>
            <a className="button button-secondary" href={singleSignOnUrl(f.id)}>
              {t('signIn.withOidc', { name: f.oidc?.displayName })}
            </a>{' '}
            <span className="hint-inline">{f.name}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the identity provider's callback reported (?error=oidc_failed|oidc_no_account). */
function OidcError({ params }: { params: URLSearchParams }) {
  const localized = useLocalized();
  const code = params.get('error');
  if (code !== 'oidc_failed' && code !== 'oidc_no_account') return null;
  const message = both(code, { email: params.get('email') ?? '', funder: params.get('funder') ?? '' });
  return (
    <div className="notice notice-error" role="alert">
      <p>{localized(message)}</p>
    </div>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const sessionChanged = useSessionChange();
  const { user } = useSession();
  const next = safeNext(params.get('next'));
  const f = useAppForm<{ email: string; password: string }>({
    id: 'sign-in',
    defaultValues: { email: params.get('email') && !params.get('error') ? (params.get('email') ?? '') : '', password: '' },
    fields: ['email', 'password'],
    validate: (v) => required(v, 'email', 'password'),
  });

  const submit = f.onSubmit(async (values) => {
    const reply = await signIn(values);
    if (reply.user) await adoptLanguageAfterSignIn(reply.user.locale);
    await sessionChanged(reply);
    navigate(next);
  });

  const withNext = (path: string) => (params.get('next') ? `${path}?${new URLSearchParams({ next })}` : path);

  return (
    <Page title={t('signIn.title')}>
      <OidcError params={params} />
      {params.get('next') && !user ? <Info>{t('signIn.toContinue')}</Info> : null}
      {user ? (
        <Info>
          <p>{t('signIn.alreadySignedIn', { name: user.name })}</p>
          <p>
            <Link to={next}>{t('signIn.continue')}</Link>
          </p>
        </Info>
      ) : null}
      <div className="narrow">
        <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
        <form onSubmit={submit} noValidate className="form">
          <TextField label={t('fields.email')} type="email" autoComplete="username" spellCheck={false} {...f.field('email')} />
          <TextField label={t('fields.password')} type="password" autoComplete="current-password" {...f.field('password')} />
          <div className="actions">
            <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {t('signIn.submit')}
            </button>
          </div>
        </form>
        <ul className="link-list">
          <li>
            <Link to="/forgot-password">{t('signIn.forgot')}</Link>
          </li>
          <li>
            {t('signIn.noAccount')} <Link to={withNext('/register')}>{t('signIn.createAccount')}</Link>
          </li>
        </ul>
        <OidcSignIn />
      </div>
    </Page>
  );
}
