import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { bankDayOnOrAfter, isBankDay, nextBankDay } from '../../domain/bank-days.ts';
import { dateInStockholm, isCalendarDate } from '../../domain/deadlines.ts';
import { policy } from '../../domain/roles.ts';
import { ApiError, type FieldError } from '../api/client.ts';
import { dateTime, formatDate, kr } from '../calls/format.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Checkbox, CheckboxGroup, Radio, SelectField, TextAreaField, TextField } from '../components/fields.tsx';
import { useFunder, usePrincipal } from '../components/funder.ts';
import { Info, LoadError, Loading, Page, RestoredNotice, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { fieldError, localFieldError } from '../components/validation.ts';
import { keys } from '../queryKeys.ts';
import {
  type BankFileResult,
  type DueInstalment,
  decideAccount,
  getDue,
  getLedger,
  getSettings,
  importBankFile,
  LEDGER_GROUPS,
  type LedgerBy,
  listPendingAccounts,
  listRuns,
  type PendingAccount,
  prepareRun,
  putSettings,
  type Settings,
} from './api.ts';
import { RunStatusText } from './RunStatusText.tsx';
import { TableWrap } from './TableWrap.tsx';

/** The first bank day after today, Swedish time: the earliest a run can be executed. */
export const firstExecutionDay = () => nextBankDay(dateInStockholm(new Date()));

/** An execution date the bank can take: a date, and a bank day (the server's words, naming the next one). */
export function executionDateErrors(field: string, value: string): FieldError[] {
  if (!isCalendarDate(value)) return [fieldError(field, 'invalid_date')];
  if (!isBankDay(value)) return [fieldError(field, 'not_a_bank_day', { date: value, next: bankDayOnOrAfter(value) })];
  return [];
}

/** What holds an instalment back, in words; "ready" when nothing does. */
function HoldText({ item }: { item: DueInstalment }) {
  const { t } = useTranslation();
  if (!item.hold) return <>{t('payments.hold.none')}</>;
  if (item.hold === 'exceeds_remaining') return <strong>{t('payments.hold.exceeds_remaining', { left: kr(item.left ?? 0) })}</strong>;
  if (item.hold === 'report_overdue' && item.overdueReport)
    return (
      <strong>
        <Link to={`/reports/${item.overdueReport.id}`}>
          {t(`payments.hold.reportOverdue.${item.overdueReport.kind}`, { date: formatDate(item.overdueReport.dueOn) })}
        </Link>
      </strong>
    );
  return <strong>{t(`payments.hold.${item.hold}`)}</strong>;
}

function PrepareForm({ funderId, ready, by }: { funderId: string; ready: DueInstalment[]; by: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [settingsMissing, setSettingsMissing] = useState(false);
  const f = useAppForm<{ executionDate: string; instalmentIds: string[] }>({
    id: 'prepare',
    defaultValues: {
      executionDate: isCalendarDate(by) && isBankDay(by) && by >= firstExecutionDay() ? by : firstExecutionDay(),
      instalmentIds: ready.map((d) => d.id),
    },
    fields: ['executionDate', 'instalmentIds'],
    validate: (v) => [
      ...executionDateErrors('executionDate', v.executionDate),
      ...(v.instalmentIds.length ? [] : [localFieldError('instalmentIds', 'payments.prepare.chooseOne')]),
    ],
  });
  const date = f.form.watch('executionDate');
  const suggestion = isCalendarDate(date) && !isBankDay(date) ? bankDayOnOrAfter(date) : null;
  const submit = f.onSubmit(async (v) => {
    setSettingsMissing(false);
    try {
      const run = await prepareRun(funderId, { executionDate: v.executionDate, instalmentIds: v.instalmentIds });
      await client.invalidateQueries({ queryKey: keys.payments.all(funderId) });
      navigate(`/payment-runs/${run.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'payment_settings_missing') setSettingsMissing(true);
      throw e;
    }
  });
  return (
    <section className="section" aria-labelledby="prepare-heading">
      <h3 id="prepare-heading">{t('payments.prepare.heading')}</h3>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      {settingsMissing ? (
        <Info>
          <a href="#settings-heading">{t('payments.prepare.toSettings')}</a>
        </Info>
      ) : null}
      <form onSubmit={submit} noValidate className="form">
        <TextField type="date" label={t('payments.prepare.executionDate')} hint={t('payments.prepare.executionDateHint')} {...f.field('executionDate')} />
        {suggestion ? (
          <p>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => f.form.setValue('executionDate', suggestion, { shouldDirty: true })}
            >
              {t('payments.prepare.useBankDay', { date: formatDate(suggestion) })}
            </button>
          </p>
        ) : null}
        <CheckboxGroup id={f.fieldId('instalmentIds')} legend={t('payments.prepare.choose')} error={f.errors.fields.instalmentIds} layout="stack">
          {ready.map((d) => (
            <Checkbox
              key={d.id}
              id={`prepare-instalment-${d.id}`}
              value={d.id}
              label={t('payments.prepare.item', { organisation: d.organisationName, agreement: d.agreementNumber, number: d.number, amount: kr(d.amount) })}
              {...f.form.register('instalmentIds')}
            />
          ))}
        </CheckboxGroup>
        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
            {t('payments.prepare.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

function DueSection({ funderId, manage }: { funderId: string; manage: boolean }) {
  const { t } = useTranslation();
  const [by, setBy] = useState(firstExecutionDay);
  const valid = isCalendarDate(by);
  const due = useQuery({ queryKey: keys.payments.due(funderId, by), queryFn: () => getDue(funderId, by), enabled: valid, retry: false });
  const ready = due.data?.due.filter((d) => !d.hold) ?? [];
  return (
    <section className="section" aria-labelledby="due-heading">
      <h2 id="due-heading">{t('payments.due.heading')}</h2>
      <p>{t('payments.due.intro')}</p>
      <div className="narrow">
        <TextField
          id="due-by"
          type="date"
          label={t('payments.due.by')}
          value={by}
          onChange={(e) => setBy(e.target.value)}
          error={valid ? undefined : fieldError('by', 'invalid_date').messages}
        />
      </div>
      {!valid ? null : due.isPending ? (
        <Loading />
      ) : due.error ? (
        <LoadError error={due.error} />
      ) : due.data.due.length === 0 ? (
        <p>{t('payments.due.none', { date: formatDate(due.data.by) })}</p>
      ) : (
        <>
          <p className="result-count">
            {t('payments.due.totals', { count: due.data.ready, total: kr(due.data.total), all: due.data.due.length, date: formatDate(due.data.by) })}
          </p>
          <TableWrap label={t('payments.due.caption')}>
            <table className="table">
              <caption className="visually-hidden">{t('payments.due.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('payments.col.organisation')}</th>
                  <th scope="col">{t('payments.col.agreement')}</th>
                  <th scope="col" className="num">
                    {t('payments.col.instalment')}
                  </th>
                  <th scope="col" className="num">
                    {t('payments.col.amount')}
                  </th>
                  <th scope="col">{t('payments.col.dueOn')}</th>
                  <th scope="col">{t('payments.col.hold')}</th>
                  <th scope="col">{t('payments.col.lastReason')}</th>
                </tr>
              </thead>
              <tbody>
                {due.data.due.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.organisationName}</th>
                    <td>
                      <Link to={`/agreements/${d.agreementId}`}>{d.agreementNumber}</Link>
                    </td>
                    <td className="num">{d.number}</td>
                    <td className="num">{kr(d.amount)}</td>
                    <td>
                      <time dateTime={d.dueOn}>{formatDate(d.dueOn)}</time>
                    </td>
                    <td>
                      <HoldText item={d} />
                    </td>
                    <td>{d.lastReason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {manage && ready.length ? <PrepareForm key={`${by}:${ready.map((d) => d.id).join()}`} funderId={funderId} ready={ready} by={by} /> : null}
        </>
      )}
    </section>
  );
}

function AccountDecision({ account, finance, onDecided }: { account: PendingAccount; finance: boolean; onDecided: (approved: boolean) => void }) {
  const { t } = useTranslation();
  const formId = `account-${account.id}`;
  const f = useAppForm<{ decision: string; note: string }>({
    id: formId,
    defaultValues: { decision: '', note: '' },
    fields: ['decision', 'note'],
    validate: (v) => {
      if (!v.decision) return [localFieldError('decision', 'payments.accounts.choose')];
      if (v.decision === 'reject' && !v.note.trim()) return [fieldError('note', 'required')];
      return [];
    },
  });
  const decision = f.form.watch('decision');
  if (!account.mayDecide) {
    return (
      <p className="hint">
        <button type="button" className="button" disabled aria-describedby={`${formId}-why`}>
          {t('payments.accounts.decide')}
        </button>{' '}
        <span id={`${formId}-why`}>{finance ? t('payments.accounts.otherPerson') : t('payments.accounts.financeOnly')}</span>
      </p>
    );
  }
  const submit = f.onSubmit(async (v) => {
    await decideAccount(account.id, { decision: v.decision as 'approve' | 'reject', note: v.note.trim() || null });
    onDecided(v.decision === 'approve');
  });
  return (
    <>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={submit} noValidate className="form">
        <CheckboxGroup
          id={f.fieldId('decision')}
          legend={t('payments.accounts.legend', { name: account.organisationName })}
          error={f.errors.fields.decision}
          layout="stack"
        >
          {(['approve', 'reject'] as const).map((d) => (
            <Radio key={d} id={`${formId}-${d}`} value={d} label={t(`payments.accounts.${d}`)} {...f.form.register('decision')} />
          ))}
        </CheckboxGroup>
        <TextAreaField
          label={t('payments.accounts.note')}
          hint={t('payments.accounts.noteHint')}
          optional={decision !== 'reject'}
          rows={3}
          {...f.field('note')}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
            {t('payments.accounts.decide')}
            <span className="visually-hidden"> {t('payments.accounts.for', { name: account.organisationName })}</span>
          </button>
        </div>
      </form>
    </>
  );
}

function AccountsSection({ funderId, finance }: { funderId: string; finance: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [decided, setDecided] = useState<string | null>(null);
  const accounts = useQuery({ queryKey: keys.payments.accounts(funderId), queryFn: () => listPendingAccounts(funderId), retry: false });
  return (
    <section className="section" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading" tabIndex={-1}>
        {t('payments.accounts.heading')}
      </h2>
      {decided ? <Success>{decided}</Success> : null}
      {accounts.isPending ? (
        <Loading />
      ) : accounts.error ? (
        <LoadError error={accounts.error} />
      ) : accounts.data.accounts.length === 0 ? (
        <p>{t('payments.accounts.none')}</p>
      ) : (
        <ul className="card-list">
          {accounts.data.accounts.map((a) => (
            <li key={a.id} className="card">
              <h3>{a.organisationName}</h3>
              <dl className="facts facts-compact">
                <div>
                  <dt>{t('payments.accounts.account')}</dt>
                  <dd>
                    {t(`payments.kind.${a.kind}`)} {a.number}
                  </dd>
                </div>
                <div>
                  <dt>{t('payments.accounts.holder')}</dt>
                  <dd className="org-number">{a.holderOrgNumber}</dd>
                </div>
                <div>
                  <dt>{t('payments.accounts.enteredBy')}</dt>
                  <dd>{t('payments.accounts.enteredByValue', { name: a.requestedBy ?? t('payments.accounts.unknownPerson'), at: dateTime(a.requestedAt) })}</dd>
                </div>
              </dl>
              <AccountDecision
                account={a}
                finance={finance}
                onDecided={(approved) => {
                  setDecided(t(approved ? 'payments.accounts.approved' : 'payments.accounts.rejected', { name: a.organisationName }));
                  void client.invalidateQueries({ queryKey: keys.payments.all(funderId) });
                  requestAnimationFrame(() => document.getElementById('accounts-heading')?.focus());
                }}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function RunsSection({ funderId }: { funderId: string }) {
  const { t } = useTranslation();
  const runs = useQuery({ queryKey: keys.payments.runs(funderId), queryFn: () => listRuns(funderId), retry: false });
  return (
    <section className="section" aria-labelledby="runs-heading">
      <h2 id="runs-heading">{t('payments.runs.heading')}</h2>
      {runs.isPending ? (
        <Loading />
      ) : runs.error ? (
        <LoadError error={runs.error} />
      ) : runs.data.runs.length === 0 ? (
        <p>{t('payments.runs.none')}</p>
      ) : (
        <TableWrap label={t('payments.runs.caption')}>
          <table className="table">
            <caption className="visually-hidden">{t('payments.runs.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('payments.col.run')}</th>
                <th scope="col">{t('payments.col.status')}</th>
                <th scope="col">{t('payments.col.executionDate')}</th>
                <th scope="col" className="num">
                  {t('payments.col.count')}
                </th>
                <th scope="col" className="num">
                  {t('payments.col.total')}
                </th>
                <th scope="col">{t('payments.col.preparedBy')}</th>
                <th scope="col">{t('payments.col.approvedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.runs.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`/payment-runs/${r.id}`}>{r.number}</Link>
                  </th>
                  <td>
                    <RunStatusText status={r.status} />
                  </td>
                  <td>
                    <time dateTime={r.executionDate}>{formatDate(r.executionDate)}</time>
                  </td>
                  <td className="num">{r.count}</td>
                  <td className="num">{kr(r.total)}</td>
                  <td>{r.preparedBy}</td>
                  <td>{r.approvedBy ?? t('payments.runs.notApproved')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function LedgerSection({ funderId }: { funderId: string }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<LedgerBy>('budget_line');
  const ledger = useQuery({ queryKey: keys.payments.ledger(funderId, by), queryFn: () => getLedger(funderId, by), retry: false });
  const caption = t('payments.ledger.caption', { group: t(`payments.ledger.of.${by}`) });
  const columns = ['granted', 'committed', 'paid', 'recovered', 'owed', 'remaining'] as const;
  return (
    <section className="section" aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">{t('payments.ledger.heading')}</h2>
      <div className="narrow">
        <SelectField
          id="ledger-by"
          label={t('payments.ledger.group')}
          value={by}
          onChange={(e) => setBy(e.target.value as LedgerBy)}
          options={LEDGER_GROUPS.map((g) => ({ value: g, label: t(`payments.ledger.by.${g}`) }))}
        />
      </div>
      {ledger.isPending ? (
        <Loading />
      ) : ledger.error ? (
        <LoadError error={ledger.error} />
      ) : ledger.data.rows.length === 0 ? (
        <p>{t('payments.ledger.none')}</p>
      ) : (
        <TableWrap label={caption}>
          <table className="table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`payments.ledger.by.${by}`)}</th>
                {columns.map((c) => (
                  <th key={c} scope="col" className="num">
                    {t(`payments.ledger.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ledger.data.rows.map((r) => (
                <tr key={r.id ?? 'none'}>
                  <th scope="row">
                    {by === 'agreement' && r.id ? <Link to={`/agreements/${r.id}`}>{r.label}</Link> : r.label || t('payments.ledger.noGroup')}
                    {r.balanced ? null : <strong> ({t('payments.ledger.unbalanced')})</strong>}
                  </th>
                  {columns.map((c) => (
                    <td key={c} className="num">
                      {kr(r[c])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function BankFileSection({ funderId }: { funderId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [result, setResult] = useState<BankFileResult | null>(null);
  const f = useAppForm<{ content: FileList | null }>({
    id: 'bank-file',
    defaultValues: { content: null },
    fields: ['content'],
    validate: (v) => (v.content?.length ? [] : [localFieldError('content', 'payments.bank.chooseFile')]),
  });
  const submit = f.onSubmit(async (v) => {
    setResult(null);
    const file = v.content?.[0];
    if (!file) return;
    // The server reads the XML itself; the browser only hands over its text.
    const answer = await importBankFile(funderId, await file.text());
    setResult(answer);
    f.form.reset({ content: null });
    await client.invalidateQueries({ queryKey: keys.payments.all(funderId) });
    await client.invalidateQueries({ queryKey: keys.payments.anyRun });
  });
  return (
    <section className="section" aria-labelledby="bank-heading">
      <h2 id="bank-heading">{t('payments.bank.heading')}</h2>
      <p>{t('payments.bank.intro')}</p>
      <div className="narrow-wide">
        <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
        {result ? (
          <Success>
            <p>
              {t('payments.bank.result', {
                kind: result.kind,
                paid: result.paid,
                rejected: result.rejected,
                unchanged: result.unchanged,
              })}
            </p>
            {result.unknown.length ? (
              <p>
                {t('payments.bank.unknown', { count: result.unknown.length })} <span className="preserve-lines">{result.unknown.join(', ')}</span>
              </p>
            ) : null}
          </Success>
        ) : null}
        <form onSubmit={submit} noValidate className="form">
          <TextField
            type="file"
            accept=".xml,application/xml,text/xml"
            label={t('payments.bank.file')}
            hint={t('payments.bank.fileHint')}
            {...f.field('content')}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {t('payments.bank.submit')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}

type SettingsForm = {
  debtorName: string;
  debtorOrgNumber: string;
  debtorAccount: { kind: string; number: string };
  debtorBic: string;
  initiatingPartyId: string;
  initiatingPartyScheme: string;
  voucherSeries: string;
  creditAccount: string;
  defaultAccounting: { account: string; responsibility: string; activity: string; project: string };
};

const SETTINGS_FIELDS = [
  'debtorName',
  'debtorOrgNumber',
  'debtorAccount.kind',
  'debtorAccount.number',
  'debtorBic',
  'initiatingPartyId',
  'initiatingPartyScheme',
  'voucherSeries',
  'creditAccount',
  'defaultAccounting.account',
  'defaultAccounting.responsibility',
  'defaultAccounting.activity',
  'defaultAccounting.project',
] as const;

function toForm(s: Settings | null): SettingsForm {
  return {
    debtorName: s?.debtorName ?? '',
    debtorOrgNumber: s?.debtorOrgNumber ?? '',
    debtorAccount: { kind: s?.debtorAccount.kind ?? 'bankgiro', number: s?.debtorAccount.number ?? '' },
    debtorBic: s?.debtorBic ?? '',
    initiatingPartyId: s?.initiatingPartyId ?? '',
    initiatingPartyScheme: s?.initiatingPartyScheme ?? 'BANK',
    voucherSeries: s?.voucherSeries ?? '',
    creditAccount: s?.creditAccount ?? '',
    defaultAccounting: {
      account: s?.defaultAccounting.account ?? '',
      responsibility: s?.defaultAccounting.responsibility ?? '',
      activity: s?.defaultAccounting.activity ?? '',
      project: s?.defaultAccounting.project ?? '',
    },
  };
}

const orNull = (v: string) => (v.trim() ? v.trim() : null);

function SettingsEditor({ funderId, settings }: { funderId: string; settings: Settings | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [saved, setSaved] = useState(false);
  const f = useAppForm<SettingsForm>({
    id: 'settings',
    draftKey: `payment-settings-${funderId}`,
    defaultValues: toForm(settings),
    fields: SETTINGS_FIELDS,
    validate: (v) => [
      ...(['debtorName', 'debtorOrgNumber', 'initiatingPartyId', 'initiatingPartyScheme', 'voucherSeries', 'creditAccount'] as const)
        .filter((k) => !v[k].trim())
        .map((k) => fieldError(k, 'required')),
      ...(v.debtorAccount.number.trim() ? [] : [fieldError('debtorAccount.number', 'required')]),
      ...(v.defaultAccounting.account.trim() ? [] : [fieldError('defaultAccounting.account', 'required')]),
    ],
  });
  const submit = f.onSubmit(async (v) => {
    setSaved(false);
    const answer = await putSettings(funderId, {
      debtorName: v.debtorName.trim(),
      debtorOrgNumber: v.debtorOrgNumber.trim(),
      debtorAccount: { kind: v.debtorAccount.kind as Settings['debtorAccount']['kind'], number: v.debtorAccount.number.trim() },
      debtorBic: orNull(v.debtorBic)?.toUpperCase() ?? null,
      initiatingPartyId: v.initiatingPartyId.trim(),
      initiatingPartyScheme: v.initiatingPartyScheme.trim().toUpperCase(),
      voucherSeries: v.voucherSeries.trim(),
      creditAccount: v.creditAccount.trim(),
      defaultAccounting: {
        account: v.defaultAccounting.account.trim(),
        responsibility: orNull(v.defaultAccounting.responsibility),
        activity: orNull(v.defaultAccounting.activity),
        project: orNull(v.defaultAccounting.project),
      },
    });
    client.setQueryData(keys.payments.settings(funderId), answer);
    f.form.reset(toForm(answer.settings));
    f.clearRestored();
    setSaved(true);
  });
  return (
    <div className="narrow-wide">
      <RestoredNotice restored={f.restored} />
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      {saved ? <Success>{t('payments.settings.saved')}</Success> : null}
      <form onSubmit={submit} noValidate className="form">
        <TextField label={t('payments.settings.debtorName')} autoComplete="organization" {...f.field('debtorName')} />
        <TextField label={t('payments.settings.debtorOrgNumber')} hint={t('payments.settings.debtorOrgNumberHint')} {...f.field('debtorOrgNumber')} />
        <SelectField
          label={t('payments.settings.accountKind')}
          options={(['bankgiro', 'plusgiro', 'iban'] as const).map((k) => ({ value: k, label: t(`payments.kind.${k}`) }))}
          {...f.field('debtorAccount.kind')}
        />
        <TextField label={t('payments.settings.accountNumber')} {...f.field('debtorAccount.number')} />
        <TextField label={t('payments.settings.debtorBic')} hint={t('payments.settings.debtorBicHint')} optional {...f.field('debtorBic')} />
        <TextField label={t('payments.settings.initiatingPartyId')} hint={t('payments.settings.initiatingPartyIdHint')} {...f.field('initiatingPartyId')} />
        <TextField
          label={t('payments.settings.initiatingPartyScheme')}
          hint={t('payments.settings.initiatingPartySchemeHint')}
          {...f.field('initiatingPartyScheme')}
        />
        <TextField label={t('payments.settings.voucherSeries')} {...f.field('voucherSeries')} />
        <TextField label={t('payments.settings.creditAccount')} hint={t('payments.settings.accountHint')} inputMode="numeric" {...f.field('creditAccount')} />
        <fieldset className="fieldset">
          <legend className="legend">{t('payments.settings.defaultAccounting')}</legend>
          <p className="hint">{t('payments.settings.defaultAccountingHint')}</p>
          <TextField
            label={t('payments.settings.account')}
            hint={t('payments.settings.accountHint')}
            inputMode="numeric"
            {...f.field('defaultAccounting.account')}
          />
          <TextField label={t('payments.settings.responsibility')} optional {...f.field('defaultAccounting.responsibility')} />
          <TextField label={t('payments.settings.activity')} optional {...f.field('defaultAccounting.activity')} />
          <TextField label={t('payments.settings.project')} optional {...f.field('defaultAccounting.project')} />
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
            {t('payments.settings.save')}
          </button>
        </div>
      </form>
    </div>
  );
}

function SettingsSection({ funderId, mayEdit }: { funderId: string; mayEdit: boolean }) {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: keys.payments.settings(funderId), queryFn: () => getSettings(funderId), retry: false });
  return (
    <section className="section" aria-labelledby="settings-heading">
      <h2 id="settings-heading" tabIndex={-1}>
        {t('payments.settings.heading')}
      </h2>
      <p>{t('payments.settings.intro')}</p>
      {settings.isPending ? (
        <Loading />
      ) : settings.error ? (
        <LoadError error={settings.error} />
      ) : mayEdit ? (
        <SettingsEditor funderId={funderId} settings={settings.data.settings} />
      ) : (
        <p>{settings.data.settings ? t('payments.settings.readOnly') : t('payments.settings.missing')}</p>
      )}
    </section>
  );
}

/** Finance's payments at a funder: what is due and what holds it back, payout account changes, runs, the ledger, the bank's answers and the settings. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const { funderId = '' } = useParams();
  const funder = useFunder(funderId);
  const principal = usePrincipal();
  const finance = policy.managePayments(principal, funderId);
  return (
    <Page title={t('payments.title')}>
      {funder.name ? <p className="lead">{funder.name}</p> : null}
      <p>{t('payments.intro')}</p>
      <DueSection funderId={funderId} manage={finance} />
      <AccountsSection funderId={funderId} finance={finance} />
      <RunsSection funderId={funderId} />
      <LedgerSection funderId={funderId} />
      {finance ? <BankFileSection funderId={funderId} /> : null}
      <SettingsSection funderId={funderId} mayEdit={finance || policy.manageUsers(principal, funderId)} />
    </Page>
  );
}
