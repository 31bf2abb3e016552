// biome-ignore-all lint/a11y/noRedundantRoles: a phone shows each table row as a block (display: block), and some browsers then drop the table's semantics unless its roles are spelled out

import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDate, kr } from '../calls/format.ts';
import { SelectField } from '../components/fields.tsx';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { keys } from '../queryKeys.ts';
import { grantsUrl, listGrants } from './api.ts';

const grantsQuery = (year: string) => ({
  queryKey: keys.publicGrants(year),
  queryFn: () => listGrants(year ? Number(year) : undefined),
});

/**
 * /grants — awarded grants, public once decided (offentlighetsprincipen): a table on
 * a wide screen, each grant a block of labelled lines on a phone, filtered by year.
 */
export function GrantsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('year') ?? '';
  const year = /^\d{4}$/.test(raw) ? raw : '';
  // The years to choose from come with every answer; a chosen year is asked for on its own.
  const all = useQuery(grantsQuery(''));
  const chosen = useQuery({ ...grantsQuery(year), enabled: year !== '' });
  const shown = year ? chosen : all;
  const years = [...new Set([...(all.data?.years ?? []).map(String), ...(year ? [year] : [])])].sort().reverse();

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('year') ?? '');
    setParams(value ? { year: value } : {});
  }

  const caption = year ? t('grants.captionYear', { year }) : t('grants.captionAll');
  const columns = {
    amount: t('grants.amount'),
    purpose: t('grants.purpose'),
    areas: t('grants.areas'),
    decidedOn: t('grants.decidedOn'),
    funder: t('grants.funder'),
  };
  return (
    <Page title={year ? `${t('grants.title')} ${year}` : t('grants.title')} heading={t('grants.title')}>
      <p className="lead">{t('grants.intro')}</p>
      <form onSubmit={apply} className="form filter-form grants-filter" aria-labelledby="grants-filter-heading" key={year}>
        <h2 id="grants-filter-heading" className="visually-hidden">
          {t('grants.filter')}
        </h2>
        <SelectField
          id="grants-year"
          name="year"
          label={t('grants.year')}
          placeholder={t('grants.allYears')}
          defaultValue={year}
          options={years.map((y) => ({ value: y, label: y }))}
          className="input select input-medium"
        />
        <div className="actions">
          <button type="submit" className="button">
            {t('grants.show')}
          </button>
        </div>
      </form>
      {shown.error ? (
        <LoadError error={shown.error} />
      ) : shown.isPending ? (
        <Loading />
      ) : (
        <>
          <p className="result-count grants-count" role="status">
            {year
              ? t('grants.countYear', { count: shown.data.count, year, total: kr(shown.data.total) })
              : t('grants.count', { count: shown.data.count, total: kr(shown.data.total) })}
          </p>
          {shown.data.grants.length ? (
            <table className="table stack-table grants-table" role="table">
              <caption>{caption}</caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">
                    {t('grants.organisation')}
                  </th>
                  <th scope="col" role="columnheader" className="num">
                    {columns.amount}
                  </th>
                  <th scope="col" role="columnheader">
                    {columns.purpose}
                  </th>
                  <th scope="col" role="columnheader">
                    {columns.areas}
                  </th>
                  <th scope="col" role="columnheader">
                    {columns.decidedOn}
                  </th>
                  <th scope="col" role="columnheader">
                    {columns.funder}
                  </th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {shown.data.grants.map((g) => (
                  <tr key={g.decisionId} role="row">
                    <th scope="row" role="rowheader">
                      {g.organisationName}
                    </th>
                    <td role="cell" className="num" data-label={columns.amount}>
                      {kr(g.amount)}
                    </td>
                    <td role="cell" data-label={columns.purpose}>
                      {g.purpose}
                    </td>
                    <td role="cell" data-label={columns.areas}>
                      {g.areas.length ? g.areas.join(', ') : t('grants.noAreas')}
                    </td>
                    <td role="cell" data-label={columns.decidedOn}>
                      <time dateTime={g.decidedOn}>{formatDate(g.decidedOn)}</time>
                    </td>
                    <td role="cell" data-label={columns.funder}>
                      {g.funderName}: {g.callTitle}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot role="rowgroup">
                <tr role="row">
                  <th scope="row" role="rowheader">
                    {t('grants.total')}
                  </th>
                  <td role="cell" className="num grants-total" data-label={columns.amount}>
                    {kr(shown.data.total)}
                  </td>
                  <td role="cell" colSpan={4} className="stack-empty" />
                </tr>
              </tfoot>
            </table>
          ) : (
            <p>{year ? t('grants.noneYear', { year }) : t('grants.none')}</p>
          )}
          <p>
            <a href={grantsUrl(year ? Number(year) : undefined)}>{t('grants.openData')}</a>
          </p>
        </>
      )}
    </Page>
  );
}
