import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { dateInStockholm, isCalendarDate } from '../../domain/deadlines.ts';
import { policy } from '../../domain/roles.ts';
import { dateTime, formatDate, kr } from '../calls/format.ts';
import { ConfirmedAction, ConfirmStep, useConfirmStep } from '../components/ConfirmedAction.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Facts } from '../components/Facts.tsx';
import { TextField } from '../components/fields.tsx';
import { usePrincipal } from '../components/funder.ts';
import { LoadError, Loading, Page, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { fieldError } from '../components/validation.ts';
import { keys } from '../queryKeys.ts';
import { useSession } from '../session.ts';
import { approveRun, cancelRun, confirmPaid, getRun, RUN_FILE_KINDS, type RunPayment, type RunSummary, rejectPayment, runFileUrl } from './api.ts';
import { PaymentStatusText, RunStatusText } from './RunStatusText.tsx';
import { TableWrap } from './TableWrap.tsx';

function ApproveSection({ run, onDone }: { run: RunSummary; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const f = useAppForm<Record<string, never>>({ id: 'approve', defaultValues: {}, fields: [] });
  const step = useConfirmStep('approve');
  const submit = f.onSubmit(
    step.guard(async () => {
      await approveRun(run.id);
      await onDone();
    }),
  );
  return (
    <section className="section" aria-labelledby="approve-heading">
      <h2 id="approve-heading">{t('payments.run.approve.heading')}</h2>
      <p>{t('payments.run.approve.intro')}</p>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={submit} noValidate className="form">
        {step.asking ? (
          <ConfirmStep
            step={step}
            heading={t('payments.run.approve.confirmHeading', { number: run.number })}
            confirm={t('payments.run.approve.confirm')}
            onConfirm={submit}
            busy={f.form.formState.isSubmitting}
          >
            <ul>
              <li>{t('payments.run.approve.what', { count: run.count, total: kr(run.total), date: formatDate(run.executionDate) })}</li>
              <li>{t('payments.run.approve.files')}</li>
              <li>{t('payments.run.approve.final')}</li>
            </ul>
          </ConfirmStep>
        ) : (
          <div className="actions">
            <button ref={step.startRef} type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {t('payments.run.approve.start')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}

function ConfirmPaidSection({ run, onDone }: { run: RunSummary; onDone: (paid: number) => Promise<void> }) {
  const { t } = useTranslation();
  const today = dateInStockholm(new Date());
  const f = useAppForm<{ paidOn: string }>({
    id: 'confirm-paid',
    defaultValues: { paidOn: today },
    fields: ['paidOn'],
    validate: (v) => (!isCalendarDate(v.paidOn) ? [fieldError('paidOn', 'invalid_date')] : v.paidOn > today ? [fieldError('paidOn', 'date_in_future')] : []),
  });
  const submit = f.onSubmit(async (v) => {
    const answer = await confirmPaid(run.id, v.paidOn);
    await onDone(answer.paid);
  });
  return (
    <section className="section" aria-labelledby="confirm-paid-heading">
      <h2 id="confirm-paid-heading">{t('payments.run.paid.heading')}</h2>
      <p>{t('payments.run.paid.intro', { count: run.counts.sent })}</p>
      <div className="narrow">
        <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
        <form onSubmit={submit} noValidate className="form">
          <TextField type="date" label={t('payments.run.paid.paidOn')} max={today} {...f.field('paidOn')} />
          <div className="actions">
            <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {t('payments.run.paid.submit')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}

/** "Rejected by the bank" for one sent payment: a reason, then the instalment is due again. */
function RejectPayment({ payment, onDone }: { payment: RunPayment; onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = `reject-${payment.id}`;
  const f = useAppForm<{ reason: string }>({
    id,
    defaultValues: { reason: '' },
    fields: ['reason'],
    validate: (v) => (v.reason.trim() ? [] : [fieldError('reason', 'required')]),
  });
  const submit = f.onSubmit(async (v) => {
    await rejectPayment(payment.id, v.reason.trim());
    setOpen(false);
    await onDone();
  });
  const what = t('payments.run.reject.what', { position: payment.position + 1, organisation: payment.organisationName, amount: kr(payment.amount) });
  return (
    <li className="card">
      <h3>{what}</h3>
      {open ? (
        <>
          <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
          <form onSubmit={submit} noValidate className="form">
            <TextField label={t('payments.run.reject.reason')} hint={t('payments.run.reject.reasonHint')} autoFocus {...f.field('reason')} />
            <div className="actions">
              <button type="submit" className="button button-secondary button-danger" disabled={f.form.formState.isSubmitting}>
                {t('payments.run.reject.confirm')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setOpen(false);
                  f.clearErrors();
                  setTimeout(() => document.getElementById(`${id}-open`)?.focus());
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </form>
        </>
      ) : (
        <button id={`${id}-open`} type="button" className="button button-secondary button-small" onClick={() => setOpen(true)}>
          {t('payments.run.reject.start')}
          <span className="visually-hidden">: {what}</span>
        </button>
      )}
    </li>
  );
}

// The payments are numbered from one, as the end of their end-to-end ids in the bank file are.
function PaymentsTable({ payments }: { payments: RunPayment[] }) {
  const { t } = useTranslation();
  return (
    <TableWrap label={t('payments.run.caption')}>
      <table className="table">
        <caption className="visually-hidden">{t('payments.run.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('payments.col.position')}
            </th>
            <th scope="col">{t('payments.col.organisation')}</th>
            <th scope="col">{t('payments.col.agreement')}</th>
            <th scope="col">{t('payments.col.account')}</th>
            <th scope="col" className="num">
              {t('payments.col.amount')}
            </th>
            <th scope="col">{t('payments.col.status')}</th>
            <th scope="col">{t('payments.col.reason')}</th>
            <th scope="col">{t('payments.col.settledOn')}</th>
          </tr>
        </thead>
        <tbody>
          {payments.map((p) => (
            <tr key={p.id}>
              <td className="num">{p.position + 1}</td>
              <th scope="row">{p.organisationName}</th>
              <td>{p.agreementNumber}</td>
              <td>
                {t(`payments.kind.${p.accountKind}`)} {p.accountNumber}
              </td>
              <td className="num">{kr(p.amount)}</td>
              <td>
                <PaymentStatusText status={p.status} />
              </td>
              <td>{p.reason ?? ''}</td>
              <td>{p.settledOn ? <time dateTime={p.settledOn}>{formatDate(p.settledOn)}</time> : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** A payment run: its facts and payments, the second attest, cancelling, its files, and what the bank did with each payment. */
export function PaymentRunPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const { user } = useSession();
  const principal = usePrincipal();
  const [done, setDone] = useState<string | null>(null);
  const data = useQuery({ queryKey: keys.payments.run(id), queryFn: () => getRun(id), retry: false });
  if (data.isPending) return <Loading />;
  if (data.error) {
    return (
      <Page title={t('payments.run.titleUnknown')}>
        <LoadError error={data.error} />
      </Page>
    );
  }
  const { run, payments } = data.data;
  const funderId = run.funderId;
  const finance = policy.managePayments(principal, funderId);
  const refresh = async (message: string) => {
    await client.invalidateQueries({ queryKey: keys.payments.run(id) });
    if (funderId) await client.invalidateQueries({ queryKey: keys.payments.all(funderId) });
    setDone(message);
    requestAnimationFrame(() => document.getElementById('run-done')?.focus());
  };
  const sent = payments.filter((p) => p.status === 'sent');
  return (
    <Page title={t('payments.run.title', { number: run.number })}>
      {funderId ? (
        <p>
          <Link to={`/funders/${funderId}/payments`}>{t('payments.run.back')}</Link>
        </p>
      ) : null}
      <div id="run-done" tabIndex={-1} className="focus-target">
        {done ? <Success>{done}</Success> : null}
      </div>
      <Facts
        items={[
          [t('payments.col.status'), <RunStatusText key="s" status={run.status} />],
          [
            t('payments.col.executionDate'),
            <time key="d" dateTime={run.executionDate}>
              {formatDate(run.executionDate)}
            </time>,
          ],
          [t('payments.run.countTotal'), t('payments.run.countTotalValue', { count: run.count, total: kr(run.total) })],
          [t('payments.run.prepared'), t('payments.run.byAt', { name: run.preparedBy, at: dateTime(run.preparedAt) })],
          [
            t('payments.run.approved'),
            run.approvedBy && run.approvedAt ? t('payments.run.byAt', { name: run.approvedBy, at: dateTime(run.approvedAt) }) : t('payments.runs.notApproved'),
          ],
          [
            t('payments.run.counts'),
            t('payments.run.countsValue', { sent: run.counts.sent, paid: run.counts.paid, rejected: run.counts.rejected, inRun: run.counts.in_run }),
          ],
        ]}
      />
      <section className="section" aria-labelledby="payments-heading">
        <h2 id="payments-heading">{t('payments.run.paymentsHeading')}</h2>
        <PaymentsTable payments={payments} />
      </section>
      {run.status === 'prepared' ? (
        run.mayApprove ? (
          <ApproveSection run={run} onDone={() => refresh(t('payments.run.approve.done', { number: run.number }))} />
        ) : (
          <section className="section" aria-labelledby="approve-heading">
            <h2 id="approve-heading">{t('payments.run.approve.heading')}</h2>
            <p>
              {finance && user?.id === run.preparedById
                ? t('payments.run.approve.notYou')
                : finance
                  ? t('payments.run.approve.notPreparer')
                  : t('payments.run.approve.financeOnly')}
            </p>
          </section>
        )
      ) : null}
      {run.status === 'prepared' && finance ? (
        <ConfirmedAction
          id="cancel-run"
          heading={t('payments.run.cancel.heading')}
          intro={t('payments.run.cancel.intro')}
          start={t('payments.run.cancel.start')}
          name="reason"
          label={t('payments.run.cancel.reason')}
          optional
          sure={t('payments.run.cancel.sure')}
          confirm={t('payments.run.cancel.confirm')}
          onConfirm={async (reason) => {
            await cancelRun(run.id, reason);
            await refresh(t('payments.run.cancel.done', { number: run.number }));
          }}
        />
      ) : null}
      {run.status === 'approved' && run.files ? (
        <section className="section" aria-labelledby="files-heading">
          <h2 id="files-heading">{t('payments.run.files.heading')}</h2>
          <p>{t('payments.run.files.intro')}</p>
          <ul className="plain-list">
            {RUN_FILE_KINDS.map((kind) => (
              <li key={kind}>
                <a href={runFileUrl(run.id, kind)} download>
                  {t(`payments.run.files.${kind}`)}
                </a>
                <br />
                <span className="hint-inline">
                  SHA-256: <code>{run.files?.[kind]}</code>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {run.status === 'approved' && finance && run.counts.sent > 0 ? (
        <ConfirmPaidSection run={run} onDone={(paid) => refresh(t('payments.run.paid.done', { count: paid }))} />
      ) : null}
      {run.status === 'approved' && finance && sent.length ? (
        <section className="section" aria-labelledby="reject-heading">
          <h2 id="reject-heading">{t('payments.run.reject.heading')}</h2>
          <p>{t('payments.run.reject.intro')}</p>
          <ul className="card-list">
            {sent.map((p) => (
              <RejectPayment
                key={p.id}
                payment={p}
                onDone={() => refresh(t('payments.run.reject.done', { position: p.position + 1, organisation: p.organisationName }))}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </Page>
  );
}
