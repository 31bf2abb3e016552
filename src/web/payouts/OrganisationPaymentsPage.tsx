import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type GiroKind, normaliseGiro } from '../../domain/giro.ts';
import { formatDate, kr } from '../calls/format.ts';
import { ConfirmStep, useConfirmStep } from '../components/ConfirmedAction.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Facts } from '../components/Facts.tsx';
import { CheckboxGroup, Radio, SelectField, TextField } from '../components/fields.tsx';
import { Info, LoadError, Loading, Page, RestoredNotice, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { collect, fieldError, required } from '../components/validation.ts';
import { OrganisationReports } from '../follow-up/parts.tsx';
import { getOrganisation, type Organisation } from '../organisations/api.ts';
import { ReportHoldNotice } from '../payments/ReportHoldNotice.tsx';
import { keys } from '../queryKeys.ts';
import {
  listOrganisationAgreements,
  listPayoutAccounts,
  type OrganisationAgreement,
  type PayoutAccount,
  type PayoutAccounts,
  requestPayoutAccount,
} from './api.ts';

/** When the next payment comes: its date, or what it waits for. */
function NextPayment({ next }: { next: NonNullable<OrganisationAgreement['nextDue']> }) {
  const { t } = useTranslation();
  const when = next.dueOn
    ? t('orgPayments.dueOn', { date: formatDate(next.dueOn) })
    : t(`orgPayments.condition.${next.condition}`, { defaultValue: t('orgPayments.condition.other') });
  return (
    <>
      {kr(next.amount)}, {when}
    </>
  );
}

/** One agreement as a card: narrow enough for a phone, the signing call first when it is the reader's to sign. */
function AgreementCard({ agreement: a }: { agreement: OrganisationAgreement }) {
  const { t } = useTranslation();
  const headingId = `agreement-${a.id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Link to={`/agreements/${a.id}`}>{t('orgPayments.agreementNumber', { number: a.number })}</Link>
      </h3>
      <p>{a.applicationTitle}</p>
      <p>
        <span className={a.status === 'signed' ? 'badge badge-approved' : 'badge badge-draft'}>{t(`orgPayments.status.${a.status}`)}</span>
      </p>
      {a.mayISign ? (
        <p>
          <Link to={`/agreements/${a.id}`} className="button">
            {t('orgPayments.readAndSign')}
            <span className="visually-hidden">: {t('orgPayments.agreementNumber', { number: a.number })}</span>
          </Link>
        </p>
      ) : null}
      <Facts
        className="facts-compact"
        items={[
          [t('orgPayments.funder'), a.funderName],
          [t('orgPayments.kind'), t(`orgPayments.kinds.${a.kind}`)],
          ...(a.caseNumber ? [[t('orgPayments.caseNumber'), a.caseNumber] as [string, string]] : []),
          [t('orgPayments.grant'), kr(a.amount)],
          [t('orgPayments.paid'), kr(a.paid)],
          [t('orgPayments.toCome'), kr(a.toCome)],
          [t('orgPayments.next'), a.nextDue ? <NextPayment key="next" next={a.nextDue} /> : t('orgPayments.nothingMore')],
        ]}
      />
      {a.overdueReport ? <ReportHoldNotice report={a.overdueReport} /> : null}
    </li>
  );
}

function AgreementsSection({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: keys.organisationAgreements(organisationId), queryFn: () => listOrganisationAgreements(organisationId) });
  const list = query.data?.agreements ?? [];
  return (
    <section className="section" aria-labelledby="agreements-heading">
      <h2 id="agreements-heading">{t('orgPayments.agreementsHeading')}</h2>
      {query.isPending ? (
        <Loading />
      ) : query.error ? (
        <LoadError error={query.error} />
      ) : list.length ? (
        <>
          {list.some((a) => a.mayISign) ? <Info>{t('orgPayments.toSign', { count: list.filter((a) => a.mayISign).length })}</Info> : null}
          <ul className="card-list">
            {list.map((a) => (
              <AgreementCard key={a.id} agreement={a} />
            ))}
          </ul>
        </>
      ) : (
        <p>{t('orgPayments.noAgreements')}</p>
      )}
    </section>
  );
}

const accountText = (a: PayoutAccount, t: (key: string) => string) => `${t(`orgPayments.kinds.${a.kind}`)} ${a.number}`;

/** Per funder: the account payments go to, and a change that waits for the funder's approval. */
function FunderAccount({ hold, accounts }: { hold: PayoutAccounts['holds'][number]; accounts: PayoutAccount[] }) {
  const { t } = useTranslation();
  const mine = accounts.filter((a) => a.funderId === hold.funderId);
  const approved = mine.find((a) => a.status === 'approved');
  const pending = mine.find((a) => a.status === 'pending');
  // The newest rejection, if it came after the account now in use: worth saying why.
  const rejected = mine.find((a) => a.status === 'rejected');
  const rejectedShown = rejected && !pending && (!approved || rejected.requestedAt > approved.requestedAt) ? rejected : undefined;
  return (
    <li className="card">
      <h3>{hold.funderName}</h3>
      <Facts
        className="facts-compact"
        items={[
          [t('orgPayments.approvedAccount'), approved ? accountText(approved, t) : t('orgPayments.noApprovedAccount')],
          ...(approved ? [[t('orgPayments.holder'), approved.holderOrgNumber] as [string, string]] : []),
        ]}
      />
      {pending ? (
        <div className="notice notice-warning">
          <p className="notice-title">{t('orgPayments.pendingTitle', { account: accountText(pending, t) })}</p>
          <p>{t('orgPayments.pending', { funder: hold.funderName })}</p>
          {pending.requestedBy ? (
            <p className="hint">{t('orgPayments.requestedBy', { name: pending.requestedBy, date: formatDate(pending.requestedAt.slice(0, 10)) })}</p>
          ) : null}
        </div>
      ) : hold.hold === 'no_verified_account' ? (
        <div className="notice notice-warning">
          <p>{t('orgPayments.noAccountHold')}</p>
        </div>
      ) : null}
      {rejectedShown ? (
        <p>
          {t('orgPayments.rejected', { account: accountText(rejectedShown, t) })}
          {rejectedShown.note ? ` ${t('orgPayments.rejectedNote', { note: rejectedShown.note })}` : null}
        </p>
      ) : null}
    </li>
  );
}

interface AccountValues {
  funderId: string;
  kind: GiroKind;
  number: string;
  holderOrgNumber: string;
}

const ACCOUNT_FIELDS = ['funderId', 'kind', 'number', 'holderOrgNumber'] as const;

/** Entering a new payout account: asked twice, since every member is mailed and payments stop until the funder approves. */
function NewAccountForm({ organisation, holds }: { organisation: Organisation; holds: PayoutAccounts['holds'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const only = holds.length === 1 ? holds[0] : undefined;
  const [sent, setSent] = useState<string | null>(null);
  const f = useAppForm<AccountValues>({
    id: 'payout',
    defaultValues: { funderId: only?.funderId ?? '', kind: 'bankgiro', number: '', holderOrgNumber: '' },
    fields: ACCOUNT_FIELDS,
    draftKey: `payout-account-${organisation.id}`,
    validate: (v) =>
      collect(
        required(v, 'funderId', 'number', 'holderOrgNumber'),
        // The server's own check and message: a giro number with a wrong check digit never reaches it.
        v.number.trim() && !normaliseGiro(v.kind, v.number)
          ? [fieldError('number', v.kind === 'bankgiro' ? 'bankgiro_invalid' : 'plusgiro_invalid', { value: v.number })]
          : [],
      ),
  });
  const step = useConfirmStep('payout');
  const values = f.form.watch();
  const funderName = holds.find((h) => h.funderId === values.funderId)?.funderName ?? '';
  const submit = f.onSubmit(
    step.guard(async (v) => {
      const account = await requestPayoutAccount(organisation.id, {
        funderId: v.funderId,
        kind: v.kind,
        number: v.number.trim(),
        holderOrgNumber: v.holderOrgNumber.trim(),
      });
      await client.invalidateQueries({ queryKey: keys.payoutAccounts(organisation.id) });
      f.form.reset({ funderId: only?.funderId ?? '', kind: 'bankgiro', number: '', holderOrgNumber: '' });
      f.clearRestored();
      setSent(t('orgPayments.sent', { account: `${t(`orgPayments.kinds.${account.kind}`)} ${account.number}`, funder: funderName }));
    }),
  );
  return (
    <section className="section" aria-labelledby="new-account-heading">
      <h2 id="new-account-heading">{t('orgPayments.newAccountHeading')}</h2>
      <p>{t('orgPayments.newAccountIntro')}</p>
      {sent ? <Success>{sent}</Success> : null}
      <div className="narrow-wide">
        <RestoredNotice restored={f.restored} />
        <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
        <form onSubmit={submit} noValidate className="form">
          {only ? (
            <p id={f.fieldId('funderId')} tabIndex={-1}>
              <strong>{t('orgPayments.funder')}:</strong> {only.funderName}
            </p>
          ) : (
            <SelectField
              label={t('orgPayments.funder')}
              placeholder={t('orgPayments.chooseFunder')}
              options={holds.map((h) => ({ value: h.funderId, label: h.funderName }))}
              {...f.field('funderId')}
            />
          )}
          <CheckboxGroup id={f.fieldId('kind')} legend={t('orgPayments.accountKind')} error={f.errors.fields.kind} layout="stack">
            <Radio id="payout-kind-bankgiro" value="bankgiro" label={t('orgPayments.kinds.bankgiro')} {...f.form.register('kind')} />
            <Radio id="payout-kind-plusgiro" value="plusgiro" label={t('orgPayments.kinds.plusgiro')} {...f.form.register('kind')} />
          </CheckboxGroup>
          <TextField
            label={values.kind === 'plusgiro' ? t('orgPayments.plusgiroNumber') : t('orgPayments.bankgiroNumber')}
            hint={values.kind === 'plusgiro' ? t('orgPayments.plusgiroHint') : t('orgPayments.bankgiroHint')}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            className="input-medium"
            {...f.field('number')}
          />
          <TextField
            label={t('orgPayments.holderOrgNumber')}
            hint={t('orgPayments.holderHint', { name: organisation.name, orgNumber: organisation.orgNumber })}
            autoComplete="off"
            spellCheck={false}
            className="input-medium"
            {...f.field('holderOrgNumber')}
          />
          {step.asking ? (
            <ConfirmStep
              step={step}
              heading={t('orgPayments.confirm.heading')}
              confirm={t('orgPayments.confirm.send')}
              onConfirm={submit}
              busy={f.form.formState.isSubmitting}
            >
              <ul>
                <li>
                  {t('orgPayments.confirm.what', {
                    account: `${t(`orgPayments.kinds.${values.kind}`)} ${normaliseGiro(values.kind, values.number) ?? values.number}`,
                    funder: funderName,
                  })}
                </li>
                <li>{t('orgPayments.confirm.mailed', { organisation: organisation.name })}</li>
                <li>{t('orgPayments.confirm.pause', { funder: funderName })}</li>
              </ul>
            </ConfirmStep>
          ) : (
            <div className="actions">
              <button ref={step.startRef} type="submit" className="button" disabled={f.form.formState.isSubmitting}>
                {t('orgPayments.submit')}
              </button>
            </div>
          )}
        </form>
      </div>
    </section>
  );
}

function AccountsSection({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: keys.payoutAccounts(organisation.id), queryFn: () => listPayoutAccounts(organisation.id) });
  const data = query.data;
  return (
    <>
      <section className="section" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t('orgPayments.accountsHeading')}</h2>
        <p>{t('orgPayments.accountsIntro')}</p>
        {query.isPending ? (
          <Loading />
        ) : query.error ? (
          <LoadError error={query.error} />
        ) : data?.holds.length ? (
          <ul className="card-list">
            {data.holds.map((h) => (
              <FunderAccount key={h.funderId} hold={h} accounts={data.accounts} />
            ))}
          </ul>
        ) : (
          <p>{t('orgPayments.noAccounts')}</p>
        )}
      </section>
      {data?.holds.length ? <NewAccountForm organisation={organisation} holds={data.holds} /> : null}
    </>
  );
}

/** The association's agreements and what is paid on them, and where the money goes: usable on a phone. */
export function OrganisationPaymentsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const org = useQuery({ queryKey: keys.organisation(id), queryFn: () => getOrganisation(id), retry: false });
  return (
    <Page title={t('orgPayments.title')}>
      {org.isPending ? (
        <Loading />
      ) : org.error ? (
        <LoadError error={org.error} />
      ) : org.data ? (
        <>
          <p className="lead">
            <Link to={`/organisations/${org.data.id}`}>{org.data.name}</Link>
          </p>
          <AgreementsSection organisationId={org.data.id} />
          <OrganisationReports organisationId={org.data.id} />
          <AccountsSection organisation={org.data} />
        </>
      ) : null}
    </Page>
  );
}
