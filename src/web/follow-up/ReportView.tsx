// biome-ignore-all lint/a11y/noRedundantRoles: a phone shows each table row as a block (display: block), and some browsers then drop the table's semantics unless its roles are spelled out
// A follow-up report read-only: what the caseworker reads, and what the association sees once it is sent.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, GENDERS, needsExplanation } from '../../domain/follow-up/reports.ts';
import { Nothing } from '../agreements/parts.tsx';
import { useActivityTypeOptions } from '../applications/form/ActivitiesStep.tsx';
import { formatDate, kr } from '../calls/format.ts';
import { Content } from '../components/Content.tsx';
import { fileUrl } from '../organisations/api.ts';
import { SurveyResults } from '../surveys/SurveyResults.tsx';
import type { Report } from './api.ts';

/** Text the association wrote, in Swedish whatever the interface's language; nothing written says so. */
function Written({ text }: { text: string }) {
  const { t } = useTranslation();
  return text.trim() ? (
    <Content lang="sv" as="p" className="preserve-lines">
      {text}
    </Content>
  ) : (
    <p>{t('common.notGiven')}</p>
  );
}

const amount = (value: number | null, none: string): ReactNode => (value === null ? <Nothing label={none} /> : kr(value));

function Spending({ report }: { report: Report }) {
  const { t } = useTranslation();
  const rows = report.content.spending;
  const col = {
    planned: t('report.view.planned'),
    spent: t('report.spending.spent'),
    fromGrant: t('report.spending.fromGrant'),
    explanation: t('report.spending.explanation'),
  };
  const none = t('common.notGiven');
  const total = (pick: (r: (typeof rows)[number]) => number | null) => rows.reduce((sum, r) => sum + (pick(r) ?? 0), 0);
  if (!rows.length) return <p>{t('report.view.noSpending')}</p>;
  return (
    <table className="table stack-table report-spending" role="table">
      <caption>{t('report.view.spendingCaption', { paid: kr(report.paid), granted: kr(report.granted) })}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            {t('report.view.row')}
          </th>
          <th scope="col" role="columnheader" className="num">
            {col.planned}
          </th>
          <th scope="col" role="columnheader" className="num">
            {col.spent}
          </th>
          <th scope="col" role="columnheader" className="num">
            {col.fromGrant}
          </th>
          <th scope="col" role="columnheader">
            {col.explanation}
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows are shown as saved, never reordered here
          <tr key={i} role="row">
            <th scope="row" role="rowheader">
              <Content lang="sv">{r.label || t('report.spending.extraRowN', { n: i + 1 })}</Content>
              {r.planned === null ? <span className="hint"> ({t('report.view.outsidePlan')})</span> : null}
              {needsExplanation(r, report.deviationPercent, report.kind) ? <span className="badge badge-needs">{t('report.view.deviates')}</span> : null}
            </th>
            <td role="cell" className="num" data-label={col.planned}>
              {amount(r.planned, t('report.view.outsidePlan'))}
            </td>
            <td role="cell" className="num" data-label={col.spent}>
              {amount(r.spent, none)}
            </td>
            <td role="cell" className="num" data-label={col.fromGrant}>
              {amount(r.fromGrant, none)}
            </td>
            <td role="cell" data-label={col.explanation} className={r.explanation.trim() ? undefined : 'stack-empty'}>
              {r.explanation.trim() ? (
                <Content lang="sv" className="preserve-lines">
                  {r.explanation}
                </Content>
              ) : (
                <Nothing label={none} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot role="rowgroup">
        <tr role="row">
          <th scope="row" role="rowheader">
            {t('report.view.total')}
          </th>
          <td role="cell" className="num" data-label={col.planned}>
            {kr(total((r) => r.planned))}
          </td>
          <td role="cell" className="num" data-label={col.spent}>
            {kr(total((r) => r.spent))}
          </td>
          <td role="cell" className="num" data-label={col.fromGrant}>
            {kr(total((r) => r.fromGrant))}
          </td>
          <td role="cell" className="stack-empty" />
        </tr>
      </tfoot>
    </table>
  );
}

function Activities({ report }: { report: Report }) {
  const { t } = useTranslation();
  const options = useActivityTypeOptions(report.funderId);
  const list = report.content.activities;
  if (!list.length) return <p>{t('report.view.noActivities')}</p>;
  return (
    <ul className="card-list">
      {list.map((a, i) => {
        const kind = a.typeKey ? (options.find((o) => o.value === a.typeKey)?.label ?? '') : (a.proposedType ?? '');
        const when = [
          a.from && a.to ? `${formatDate(a.from)} – ${formatDate(a.to)}` : a.from ? formatDate(a.from) : '',
          a.frequency.trim() ? a.frequency : '',
        ].filter(Boolean);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the activities are shown as saved
          <li key={i} className="card">
            <h3>{kind ? <Content lang={a.typeKey ? undefined : 'sv'}>{kind}</Content> : t('report.activities.n', { n: i + 1 })}</h3>
            <dl className="facts facts-compact">
              <div>
                <dt>{t('report.activities.area')}</dt>
                <dd>
                  <Content lang="sv">{a.area || t('common.notGiven')}</Content>
                </dd>
              </div>
              <div>
                <dt>{t('report.view.when')}</dt>
                <dd>{when.length ? <Content lang="sv">{when.join(', ')}</Content> : t('common.notGiven')}</dd>
              </div>
              <div>
                <dt>{t('report.activities.occasions')}</dt>
                <dd>{a.occasions ?? t('common.notGiven')}</dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

function Participants({ report }: { report: Report }) {
  const { t } = useTranslation();
  const p = report.content.participants;
  const none = t('common.notGiven');
  const bandTotal = (band: (typeof AGE_BANDS)[number]) => GENDERS.reduce((s, g) => s + (p[band]?.[g] ?? 0), 0);
  const all = AGE_BANDS.reduce((s, band) => s + bandTotal(band), 0);
  return (
    <table className="table stack-table report-participants" role="table">
      <caption>{t('report.participants.total', { count: all })}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            {t('report.view.ageBand')}
          </th>
          {GENDERS.map((g) => (
            <th key={g} scope="col" role="columnheader" className="num">
              {t(`report.genders.${g}`)}
            </th>
          ))}
          <th scope="col" role="columnheader" className="num">
            {t('report.view.total')}
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {AGE_BANDS.map((band) => (
          <tr key={band} role="row">
            <th scope="row" role="rowheader">
              {t(`report.ageBands.${band}`)}
            </th>
            {GENDERS.map((g) => {
              const n = p[band]?.[g];
              return (
                <td key={g} role="cell" className="num" data-label={t(`report.genders.${g}`)}>
                  {n === null || n === undefined ? <Nothing label={none} /> : n}
                </td>
              );
            })}
            <td role="cell" className="num" data-label={t('report.view.total')}>
              {bandTotal(band)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The report's content as it stands, read-only. */
export function ReportView({ report }: { report: Report }) {
  const { t } = useTranslation();
  const c = report.content;
  return (
    <>
      <section className="section" aria-labelledby="report-spending-heading">
        <h2 id="report-spending-heading">{t('report.spending.heading')}</h2>
        <Spending report={report} />
      </section>
      <section className="section" aria-labelledby="report-activities-heading">
        <h2 id="report-activities-heading">{t('report.activities.heading')}</h2>
        <Activities report={report} />
      </section>
      <section className="section" aria-labelledby="report-participants-heading">
        <h2 id="report-participants-heading">{t('report.participants.heading')}</h2>
        <Participants report={report} />
      </section>
      <section className="section" aria-labelledby="report-experiences-heading">
        <h2 id="report-experiences-heading">{t('report.experiences.heading')}</h2>
        <h3>{t('report.experiences.worked')}</h3>
        <Written text={c.worked} />
        <h3>{t('report.experiences.didNotWork')}</h3>
        <Written text={c.didNotWork} />
        <h3>{t('report.experiences.wouldChange')}</h3>
        <Written text={c.wouldChange} />
      </section>
      <section className="section" aria-labelledby="report-survey-heading">
        <h2 id="report-survey-heading">{t('report.survey.heading')}</h2>
        <SurveyResults agreementId={report.agreementId} level={3} />
        <h3>{t('report.survey.comment')}</h3>
        <Written text={c.surveyComment} />
      </section>
      <section className="section" aria-labelledby="report-attachments-heading">
        <h2 id="report-attachments-heading">{t('report.attachments.heading')}</h2>
        {c.attachments.length ? (
          <ul className="plain-list attached-list">
            {c.attachments.map((a) => (
              <li key={a.fileId}>
                <a href={fileUrl(a.fileId)} download>
                  {a.name}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('report.view.noAttachments')}</p>
        )}
      </section>
    </>
  );
}
