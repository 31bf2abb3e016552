import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { sumOre, ZERO_ORE } from '../../domain/money.ts';
import { programmeProblems } from '../../domain/programmes.ts';
import { kr, parseAmount } from '../calls/format.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { CheckboxGroup, TextAreaField, TextField } from '../components/fields.tsx';
import { useFunder } from '../components/funder.ts';
import { LoadError, Loading, Page, RestoredNotice, Success } from '../components/page.tsx';
import { RemoveRowButton } from '../components/rows.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { useDebounced } from '../components/useDebounced.ts';
import { collect, localFieldError, required, ruleErrors } from '../components/validation.ts';
import { keys } from '../queryKeys.ts';
import { createProgramme, listProgrammes, type Programme } from './api.ts';

interface Values {
  name: string;
  description: string;
  startYear: string;
  endYear: string;
  amount: string;
  fundingSource: string;
  lines: { name: string; amount: string }[];
}

const year = String(new Date().getFullYear());
const EMPTY: Values = { name: '', description: '', startYear: year, endYear: year, amount: '', fundingSource: '', lines: [{ name: '', amount: '' }] };

/** Kronor typed in each amount, or an error on the fields that are not amounts. */
function amounts(v: Values) {
  const problems = [];
  const total = v.amount.trim() ? parseAmount(v.amount) : ZERO_ORE;
  if (total === null) problems.push(localFieldError('amount', 'form.notAnAmount'));
  const lines = v.lines.map((l, i) => {
    const a = l.amount.trim() ? parseAmount(l.amount) : ZERO_ORE;
    if (a === null) problems.push(localFieldError(`lines.${i}.amount`, 'form.notAnAmount'));
    return a ?? ZERO_ORE;
  });
  return { total: total ?? ZERO_ORE, lines, problems };
}

function ProgrammeCard({ programme }: { programme: Programme }) {
  const { t } = useTranslation();
  const headingId = `programme-${programme.id}`;
  return (
    <li className="card programme">
      <h3 id={headingId}>{programme.name}</h3>
      <dl className="facts facts-compact">
        <div>
          <dt>{t('programmes.amount')}</dt>
          <dd>{kr(programme.amount)}</dd>
        </div>
        <div>
          <dt>{t('programmes.period')}</dt>
          <dd>{programme.startYear === programme.endYear ? programme.startYear : `${programme.startYear}–${programme.endYear}`}</dd>
        </div>
        {programme.fundingSource ? (
          <div>
            <dt>{t('programmes.fundingSource')}</dt>
            <dd>{programme.fundingSource}</dd>
          </div>
        ) : null}
      </dl>
      {programme.description ? <p>{programme.description}</p> : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-wrap" aria-label={t('programmes.linesCaption', { name: programme.name })} tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">{t('programmes.linesCaption', { name: programme.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('programmes.line')}</th>
              <th scope="col" className="num">
                {t('programmes.lineAmount')}
              </th>
              <th scope="col" className="num">
                {t('programmes.committed')}
              </th>
              <th scope="col" className="num">
                {t('programmes.available')}
              </th>
            </tr>
          </thead>
          <tbody>
            {programme.lines.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.name}</th>
                <td className="num">{kr(l.amount)}</td>
                <td className="num">{kr(l.committed)}</td>
                <td className="num">{kr(l.available)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </li>
  );
}

function NewProgrammeForm({ funderId }: { funderId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const f = useAppForm<Values>({
    id: 'programme',
    defaultValues: EMPTY,
    fields: (v) => [
      'name',
      'description',
      'startYear',
      'endYear',
      'amount',
      'fundingSource',
      'lines',
      ...v.lines.flatMap((_, i) => [`lines.${i}.name`, `lines.${i}.amount`]),
    ],
    draftKey: `programme-new-${funderId}`,
    validate: (v) => {
      const money = amounts(v);
      const years = (['startYear', 'endYear'] as const).filter((k) => !/^\d{4}$/.test(v[k].trim())).map((k) => localFieldError(k, 'form.notAYear'));
      const rules = ruleErrors(
        programmeProblems({
          name: v.name,
          startYear: Number(v.startYear),
          endYear: Number(v.endYear),
          amount: money.total,
          lines: v.lines.map((l, i) => ({ name: l.name, amount: money.lines[i] })),
        }),
      );
      return collect(required(v, 'name', 'amount'), years, money.problems, rules);
    },
  });
  const lines = useFieldArray({ control: f.form.control, name: 'lines' });
  const watched = f.form.watch();
  const money = amounts(watched);
  const sum = sumOre(money.lines);
  const typed = money.total > 0 || sum > 0;
  const sumText = !typed
    ? ''
    : sum === money.total
      ? t('programmes.sumMatches', { sum: kr(sum) })
      : sum < money.total
        ? t('programmes.sumLeft', { sum: kr(sum), total: kr(money.total), left: kr(money.total - sum) })
        : t('programmes.sumOver', { sum: kr(sum), total: kr(money.total), over: kr(sum - money.total) });
  const announced = useDebounced(sumText);

  const submit = f.onSubmit(async (v) => {
    setCreated(null);
    await createProgramme(funderId, {
      name: v.name.trim(),
      description: v.description.trim(),
      startYear: Number(v.startYear),
      endYear: Number(v.endYear),
      amount: money.total,
      fundingSource: v.fundingSource.trim(),
      lines: v.lines.map((l, i) => ({ name: l.name.trim(), amount: money.lines[i] })),
    });
    setCreated(v.name.trim());
    f.form.reset(EMPTY);
    await client.invalidateQueries({ queryKey: keys.programmes(funderId) });
  });

  return (
    <section className="section" aria-labelledby="new-programme-heading">
      <h2 id="new-programme-heading">{t('programmes.newHeading')}</h2>
      <p>{t('programmes.newIntro')}</p>
      <RestoredNotice restored={f.restored} />
      <div className="narrow">
        <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
        {created ? <Success>{t('programmes.created', { name: created })}</Success> : null}
        <form onSubmit={submit} noValidate className="form">
          <TextField label={t('programmes.name')} {...f.field('name')} />
          <TextAreaField label={t('programmes.description')} optional rows={3} {...f.field('description')} />
          <div className="field-row">
            <TextField label={t('programmes.startYear')} inputMode="numeric" className="input-short" {...f.field('startYear')} />
            <TextField label={t('programmes.endYear')} inputMode="numeric" className="input-short" {...f.field('endYear')} />
          </div>
          <TextField label={t('programmes.totalAmount')} hint={t('form.kronorHint')} inputMode="decimal" className="input-medium" {...f.field('amount')} />
          <TextField label={t('programmes.fundingSource')} hint={t('programmes.fundingSourceHint')} optional {...f.field('fundingSource')} />
          <CheckboxGroup
            id={f.fieldId('lines')}
            legend={t('programmes.linesLegend')}
            hint={t('programmes.linesHint')}
            error={f.errors.fields.lines}
            layout="plain"
          >
            {lines.fields.map((row, i) => (
              <fieldset key={row.id} className="row-fieldset">
                <legend className="legend-small">{t('programmes.lineN', { n: i + 1 })}</legend>
                <div className="field-row">
                  <TextField label={t('programmes.lineName')} {...f.field(`lines.${i}.name`)} />
                  <TextField label={t('programmes.lineAmount')} inputMode="decimal" className="input-medium" {...f.field(`lines.${i}.amount`)} />
                </div>
                {lines.fields.length > 1 ? (
                  <RemoveRowButton groupId={f.fieldId('lines')} onRemove={() => lines.remove(i)}>
                    {t('programmes.removeLine', { n: i + 1 })}
                  </RemoveRowButton>
                ) : null}
              </fieldset>
            ))}
            {sumText ? (
              <p className={`running-sum${sum === money.total ? ' running-sum-ok' : ''}`} aria-hidden="true">
                {sumText}
              </p>
            ) : null}
            <p className="visually-hidden" aria-live="polite">
              {announced}
            </p>
            <button id={`${f.fieldId('lines')}-add`} type="button" className="button button-secondary" onClick={() => lines.append({ name: '', amount: '' })}>
              {t('programmes.addLine')}
            </button>
          </CheckboxGroup>
          <div className="actions">
            <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {t('programmes.create')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}

export function ProgrammesPage() {
  const { t } = useTranslation();
  const { funderId = '' } = useParams();
  const funder = useFunder(funderId);
  const data = useQuery({
    queryKey: keys.programmes(funderId),
    queryFn: () => listProgrammes(funderId),
    retry: false,
  });
  return (
    <Page title={t('programmes.title')}>
      {funder.name ? <p className="lead">{funder.name}</p> : null}
      <ul className="link-list inline-links">
        <li>
          <Link to={`/funders/${funderId}/calls`}>{t('programmes.toCalls')}</Link>
        </li>
        {funder.designCalls ? (
          <li>
            <a href="#new-programme-heading">{t('programmes.jumpToNew')}</a>
          </li>
        ) : null}
      </ul>
      {data.isPending ? (
        <Loading />
      ) : data.error ? (
        <LoadError error={data.error} />
      ) : (
        <section className="section" aria-labelledby="programmes-heading">
          <h2 id="programmes-heading">{t('programmes.listHeading', { count: data.data.programmes.length })}</h2>
          {data.data.programmes.length ? (
            <ul className="card-list">
              {data.data.programmes.map((p) => (
                <ProgrammeCard key={p.id} programme={p} />
              ))}
            </ul>
          ) : (
            <p>{t('programmes.none')}</p>
          )}
        </section>
      )}
      {funder.designCalls ? <NewProgrammeForm funderId={funderId} /> : null}
    </Page>
  );
}
