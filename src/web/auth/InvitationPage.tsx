import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, type SessionUser } from '../api/client.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../components/fields.tsx';
import { Info, LoadError, Loading, Page } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { collect, newPassword, required } from '../components/validation.ts';
import { useLocalized } from '../i18n/index.ts';
import { keys } from '../queryKeys.ts';
import { signInPath, useSession, useSessionChange } from '../session.ts';
import { acceptInvitation, getInvitation, type Invitation } from './api.ts';

function useAccepted(token: string, inv: Invitation) {
  const navigate = useNavigate();
  const sessionChanged = useSessionChange();
  const localized = useLocalized();
  return async (body: Record<string, string>) => {
    await acceptInvitation({ token, ...body });
    await sessionChanged();
    navigate('/', { state: { flash: 'invitationAccepted', flashValues: { funder: inv.funderName, role: localized(inv.roleLabel) } } });
  };
}

/** No account yet for the invited address: choose a name and a password. */
function NewAccountForm({ token, inv }: { token: string; inv: Invitation }) {
  const { t } = useTranslation();
  const accepted = useAccepted(token, inv);
  const f = useAppForm<{ name: string; password: string }>({
    id: 'invitation',
    defaultValues: { name: '', password: '' },
    fields: ['name', 'password'],
    validate: (v) => collect(required(v, 'name', 'password'), newPassword('password', v.password)),
  });
  const submit = f.onSubmit((values) => accepted({ name: values.name.trim(), password: values.password }));
  return (
    <div className="narrow">
      <h2>{t('invitation.createAccount')}</h2>
      <p>{t('invitation.createAccountIntro', { email: inv.email })}</p>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={submit} noValidate className="form">
        <dl className="facts">
          <div>
            <dt>{t('fields.email')}</dt>
            <dd>{inv.email}</dd>
          </div>
        </dl>
        <TextField label={t('fields.name')} autoComplete="name" {...f.field('name')} />
        <TextField label={t('fields.newPassword')} hint={t('register.passwordHint')} type="password" autoComplete="new-password" {...f.field('password')} />
        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
            {t('invitation.acceptAndCreate')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Signed in as the invited person: one button adds the role. */
function AcceptForm({ token, inv }: { token: string; inv: Invitation }) {
  const { t } = useTranslation();
  const accepted = useAccepted(token, inv);
  const f = useAppForm<Record<string, never>>({ id: 'invitation-accept', defaultValues: {}, fields: [] });
  return (
    <div className="narrow">
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={f.onSubmit(() => accepted({}))} noValidate className="form">
        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
            {t('invitation.accept')}
          </button>
        </div>
      </form>
    </div>
  );
}

function SignOutFirst({ user, inv }: { user: SessionUser; inv: Invitation }) {
  const { t } = useTranslation();
  const sessionChanged = useSessionChange();
  async function signOut() {
    await signOut().catch((e: unknown) => {
      if (!(e instanceof ApiError)) throw e;
    });
    await sessionChanged();
  }
  return (
    <Info>
      <p>{t('invitation.otherAccount', { name: user.name, email: user.email, invited: inv.email })}</p>
      <button type="button" className="button button-secondary" onClick={() => void signOut()}>
        {t('account.signOut')}
      </button>
    </Info>
  );
}

export function InvitationPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { user, loading } = useSession();
  const invitation = useQuery({
    queryKey: keys.invitation(token),
    queryFn: () => getInvitation(token),
    enabled: token.length >= 10,
    retry: false,
  });

  const inv = invitation.data;
  const title = inv ? t('invitation.title', { funder: inv.funderName }) : t('invitation.titleGeneric');
  const here = `/invitation?${new URLSearchParams({ token })}`;
  const sameAccount = inv && user && user.email.toLowerCase() === inv.email.toLowerCase();

  return (
    <Page title={title}>
      {token.length < 10 ? (
        <LoadError
          error={
            new ApiError({
              title: '',
              status: 400,
              code: 'token_invalid',
              messages: { sv: t('invitation.noToken', { lng: 'sv' }), en: t('invitation.noToken', { lng: 'en' }) },
            })
          }
        />
      ) : invitation.isPending || loading ? (
        <Loading />
      ) : invitation.error ? (
        <LoadError error={invitation.error} />
      ) : inv ? (
        <>
          <p className="lead">{t('invitation.intro', { funder: inv.funderName, email: inv.email, role: localized(inv.roleLabel) })}</p>
          {sameAccount ? (
            <AcceptForm token={token} inv={inv} />
          ) : user ? (
            <SignOutFirst user={user} inv={inv} />
          ) : inv.accountExists ? (
            <Info>
              <p>{t('invitation.signInFirst', { email: inv.email })}</p>
              <p>
                <Link className="button" to={`${signInPath(here)}&${new URLSearchParams({ email: inv.email })}`}>
                  {t('invitation.signInToAccept')}
                </Link>
              </p>
            </Info>
          ) : (
            <NewAccountForm token={token} inv={inv} />
          )}
        </>
      ) : null}
    </Page>
  );
}
