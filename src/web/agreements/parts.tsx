// biome-ignore-all lint/a11y/noRedundantRoles: a phone shows each table row as a block (display: block), and some browsers then drop the table's semantics unless its roles are spelled out
// Pieces of an agreement that both the agreement page and the application's section show:
// its status, who has signed, the payment schedule and the ledger summary.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { dateTime } from '../applications/format.ts';
import { formatDate, kr } from '../calls/format.ts';
import { Facts } from '../components/Facts.tsx';
import type { Agreement, Instalment, PlannedInstalment } from './api.ts';

export const PARTIES = ['organisation', 'funder'] as const;

/** "Uppdragsavtal SN A2022/00001" */
export function useAgreementTitle() {
  const { t } = useTranslation();
  return (a: Pick<Agreement, 'kind' | 'number'>) => t('agreement.title', { kind: t(`agreement.kind.${a.kind}`), number: a.number });
}

/** The status in words, with a badge that never carries the meaning by colour alone. */
export function AgreementStatus({ a }: { a: Pick<Agreement, 'status'> }) {
  const { t } = useTranslation();
  return <span className={`badge ${a.status === 'signed' ? 'badge-approved' : 'badge-needs'}`}>{t(`agreement.status.${a.status}`)}</span>;
}

/** The current signature of a side, if any: a signature of content since changed no longer counts. */
export const signatureOf = (a: Agreement, party: 'funder' | 'organisation') => a.signatures.find((s) => s.party === party && s.current) ?? null;

/** Each party's state: signed by whom, in what role and when, or still waiting. */
export function SignatureStates({ a }: { a: Agreement }) {
  const { t } = useTranslation();
  const sideName = (party: 'funder' | 'organisation') => (party === 'funder' ? a.funderName : a.organisation.name);
  return (
    <Facts
      className="agreement-signatures"
      items={PARTIES.map((party) => {
        const s = signatureOf(a, party);
        // A signature of content since changed no longer counts; saying so explains why it is asked for again.
        const earlier = s ? null : a.signatures.filter((x) => x.party === party).at(-1);
        return [
          sideName(party),
          s
            ? t('agreement.signing.signedBy', { name: s.name, role: s.role, at: dateTime(s.signedAt) })
            : earlier
              ? t('agreement.signing.waitingAgain', { name: earlier.name, at: dateTime(earlier.signedAt) })
              : t('agreement.signing.waiting'),
        ];
      })}
    />
  );
}

/** An empty cell: a dash to see, words to hear. */
export function Nothing({ label }: { label: string }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

function dueText(t: TFunction, dueOn: string | null, condition: string) {
  if (dueOn) return <time dateTime={dueOn}>{formatDate(dueOn)}</time>;
  return condition === 'after_interim_report' ? t('agreement.schedule.whenReportApproved') : t('agreement.schedule.whenSigned');
}

/**
 * The instalments of a signed agreement, or a draft's plan as it would be if signed today; a table
 * that becomes labelled blocks on a phone.
 */
export function ScheduleTable({ a, caption }: { a: Agreement; caption: string }) {
  const { t } = useTranslation();
  const signed = a.status === 'signed';
  const rows: (Instalment | PlannedInstalment)[] = signed ? a.instalments : a.plannedInstalments;
  if (!rows.length) return <p>{signed ? t('agreement.schedule.noneSigned') : t('agreement.schedule.noPlan')}</p>;
  const col = {
    amount: t('agreement.schedule.amount'),
    condition: t('agreement.schedule.condition'),
    due: t('agreement.schedule.dueOn'),
    status: t('agreement.schedule.status'),
    reason: t('agreement.schedule.lastReason'),
  };
  return (
    <table className="table stack-table agreement-schedule" role="table">
      <caption>{caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            {t('agreement.schedule.number')}
          </th>
          <th scope="col" role="columnheader" className="num">
            {col.amount}
          </th>
          <th scope="col" role="columnheader">
            {col.condition}
          </th>
          <th scope="col" role="columnheader">
            {col.due}
          </th>
          {signed ? (
            <>
              <th scope="col" role="columnheader">
                {col.status}
              </th>
              <th scope="col" role="columnheader">
                {col.reason}
              </th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.map((i) => (
          <tr key={i.number} role="row">
            <th scope="row" role="rowheader">
              {t('agreement.schedule.instalmentN', { n: i.number })}
            </th>
            <td role="cell" className="num" data-label={col.amount}>
              {kr(i.amount)}
            </td>
            <td role="cell" data-label={col.condition}>
              {t(`agreement.condition.${i.condition}`, { defaultValue: i.condition })}
            </td>
            <td role="cell" data-label={col.due}>
              {dueText(t, i.dueOn, i.condition)}
            </td>
            {'status' in i ? (
              <>
                <td role="cell" data-label={col.status}>
                  {t(`agreement.instalmentStatus.${i.status}`)}
                  {i.paidOn ? (
                    <>
                      {' '}
                      <time dateTime={i.paidOn}>{formatDate(i.paidOn)}</time>
                    </>
                  ) : null}
                </td>
                <td role="cell" data-label={col.reason} className={i.lastReason ? undefined : 'stack-empty'}>
                  {i.lastReason ?? <Nothing label={t('agreement.schedule.noReason')} />}
                </td>
              </>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Granted, committed, paid, paid back, still owed and left to pay. */
export function LedgerFacts({ a }: { a: Agreement }) {
  const { t } = useTranslation();
  const l = a.ledger;
  return (
    <Facts
      className="agreement-ledger"
      items={(['granted', 'committed', 'paid', 'recovered', 'owed', 'remaining'] as const).map((k) => [t(`agreement.ledger.${k}`), kr(l[k])])}
    />
  );
}
