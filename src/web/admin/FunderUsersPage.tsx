import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FUNDER_ROLES } from '../../domain/roles.ts';
import { AuditTrail, formatDateTime } from '../audit/AuditTrail.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Checkbox, CheckboxGroup, SelectField, TextField } from '../components/fields.tsx';
import { Info, LoadError, Loading, Page, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { collect, email, fieldError, required } from '../components/validation.ts';
import { keys } from '../queryKeys.ts';
import { useSession, useSessionChange } from '../session.ts';
import { getMembers, invite, type Member, type Role, setRoles } from './api.ts';
import { DecisionRulesForm } from './DecisionRulesForm.tsx';
import { FollowUpSettingsForm } from './FollowUpSettingsForm.tsx';

/** One colleague: their roles as checkboxes, saved with an optional reason, and their history. */
function MemberCard({ funderId, member, isSelf }: { funderId: string; member: Member; isSelf: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const sessionChanged = useSessionChange();
  const [saved, setSaved] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const historyId = useId();
  const formId = `member-${member.userId}`;
  const f = useAppForm<{ roles: string[]; reason: string }>({
    id: formId,
    defaultValues: { roles: member.roles, reason: '' },
    fields: ['roles', 'reason'],
  });

  const submit = f.onSubmit(async (values) => {
    setSaved(false);
    // The checkboxes offer the server's roles only.
    const roles = (Array.isArray(values.roles) ? values.roles : values.roles ? [values.roles] : []) as Role[];
    await setRoles(funderId, member.userId, { roles, ...(values.reason.trim() ? { reason: values.reason.trim() } : {}) });
    f.form.reset({ roles, reason: '' });
    setSaved(true);
    await client.invalidateQueries({ queryKey: keys.audit('user', member.userId) });
    if (isSelf) await sessionChanged();
    else await client.invalidateQueries({ queryKey: keys.members(funderId) });
  });

  return (
    <li className="card member">
      <h3 className="member-name">{member.name}</h3>
      <p className="member-email">{member.email}</p>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      {saved ? <Success>{t('users.saved', { name: member.name })}</Success> : null}
      <form onSubmit={submit} noValidate className="form">
        <CheckboxGroup id={f.fieldId('roles')} legend={t('users.rolesFor', { name: member.name })} hint={t('users.rolesHint')} error={f.errors.fields.roles}>
          {FUNDER_ROLES.map((role) => (
            <Checkbox key={role} id={`${formId}-role-${role}`} value={role} label={t(`roles.${role}`)} {...f.form.register('roles')} />
          ))}
        </CheckboxGroup>
        <TextField label={t('fields.reason')} optional hint={t('users.reasonHint')} {...f.field('reason')} />
        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
            {t('users.save')}
            <span className="visually-hidden"> {t('users.forName', { name: member.name })}</span>
          </button>
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={showHistory}
            aria-controls={historyId}
            onClick={() => setShowHistory((v) => !v)}
          >
            {showHistory ? t('users.hideHistory') : t('users.showHistory')}
            <span className="visually-hidden"> {t('users.forName', { name: member.name })}</span>
          </button>
        </div>
      </form>
      <div id={historyId} hidden={!showHistory}>
        {showHistory ? (
          <>
            <h4>{t('users.historyOf', { name: member.name })}</h4>
            <AuditTrail objectType="user" objectId={member.userId} funderId={funderId} />
          </>
        ) : null}
      </div>
    </li>
  );
}

function InviteForm({ funderId }: { funderId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [sentTo, setSentTo] = useState<{ email: string; role: string } | null>(null);
  const f = useAppForm<{ email: string; role: string }>({
    id: 'invite',
    defaultValues: { email: '', role: '' },
    fields: ['email', 'role'],
    draftKey: `invite-${funderId}`,
    validate: (v) => collect(required(v, 'email'), email('email', v.email), v.role ? [] : [fieldError('role', 'invalid_choice')]),
  });

  const submit = f.onSubmit(async (values) => {
    setSentTo(null);
    await invite(funderId, { email: values.email.trim(), role: values.role as Role });
    setSentTo({ email: values.email.trim(), role: values.role });
    f.form.reset({ email: '', role: '' });
    await client.invalidateQueries({ queryKey: keys.members(funderId) });
  });

  return (
    <section className="section" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('users.inviteHeading')}</h2>
      <p>{t('users.inviteIntro')}</p>
      <div className="narrow">
        <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
        {sentTo ? <Success>{t('users.invited', { email: sentTo.email, role: t(`roles.${sentTo.role}`) })}</Success> : null}
        <form onSubmit={submit} noValidate className="form">
          <TextField label={t('fields.email')} type="email" autoComplete="off" spellCheck={false} {...f.field('email')} />
          <SelectField
            label={t('fields.role')}
            placeholder={t('users.chooseRole')}
            options={FUNDER_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            {...f.field('role')}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {t('users.invite')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}

export function FunderUsersPage() {
  const { t } = useTranslation();
  const { funderId = '' } = useParams();
  const { user } = useSession();
  const funderName = user?.funders.find((f) => f.funderId === funderId)?.funderName;
  const data = useQuery({
    queryKey: keys.members(funderId),
    queryFn: () => getMembers(funderId),
    retry: false,
  });

  return (
    <Page title={t('users.title')}>
      {funderName ? <p className="lead">{funderName}</p> : null}
      <p>
        <a href="#invite-email">{t('users.jumpToInvite')}</a>
      </p>
      {data.isPending ? (
        <Loading />
      ) : data.error ? (
        <LoadError error={data.error} />
      ) : (
        <>
          <section className="section" aria-labelledby="members-heading">
            <h2 id="members-heading">{t('users.membersHeading', { count: data.data.members.length })}</h2>
            <ul className="card-list">
              {data.data.members.map((m) => (
                <MemberCard key={m.userId} funderId={funderId} member={m} isSelf={m.userId === user?.id} />
              ))}
            </ul>
          </section>
          <InviteForm funderId={funderId} />
          <DecisionRulesForm funderId={funderId} />
          <FollowUpSettingsForm funderId={funderId} />
          <section className="section" aria-labelledby="pending-heading">
            <h2 id="pending-heading">{t('users.pendingHeading')}</h2>
            {data.data.invitations.length === 0 ? (
              <Info>{t('users.noPending')}</Info>
            ) : (
              <ul className="pending-list">
                {data.data.invitations.map((inv) => (
                  <li key={inv.id}>
                    <strong>{inv.email}</strong> – {t(`roles.${inv.role}`)}
                    <span className="hint-inline"> ({t('users.validUntil', { date: formatDateTime(inv.expiresAt) })})</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
