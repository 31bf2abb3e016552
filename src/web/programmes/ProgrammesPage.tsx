import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { sumOre, ZERO_ORE } from '../../domain/money.ts';
import { accountingProblems } from '../../domain/payments/accounting.ts';
import { programmeProblems } from '../../domain/programmes.ts';
import { policy } from '../../domain/roles.ts';
import { kr, parseAmount } from '../calls/format.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { CheckboxGroup, Radio, TextAreaField, TextField } from '../components/fields.tsx';
import { useFunder, usePrincipal } from '../components/funder.ts';
import { LoadError, Loading, Page, RestoredNotice, Success } from '../components/page.tsx';
import { RemoveRowButton } from '../components/rows.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { useDebounced } from '../components/useDebounced.ts';
import { collect, localFieldError, required, ruleErrors } from '../components/validation.ts';
import { keys } from '../queryKeys.ts';
import { type BudgetLine, createProgramme, type LineAccounting, listProgrammes, type Programme, setLineAccounting } from './api.ts';

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

/** A line's booking in words: its account and whichever objects it has, or the funder's default. */
function BookingText({ accounting }: { accounting: LineAccounting }) {
  const { t } = useTranslation();
  if (!accounting) return <>{t('programmes.accounting.default')}</>;
  const parts = [
    t('programmes.accounting.summary.account', { value: accounting.account }),
    ...(['responsibility', 'activity', 'project'] as const).flatMap((k) => {
      const value = accounting[k];
      return value ? [t(`programmes.accounting.summary.${k}`, { value })] : [];
    }),
  ];
  return <>{parts.join(', ')}</>;
}

interface AccountingValues {
  use: 'own' | 'default';
  account: string;
  responsibility: string;
  activity: string;
  project: string;
}

const ACCOUNTING_FIELDS = ['use', 'account', 'responsibility', 'activity', 'project'] as const;
const orNull = (v: string) => (v.trim() ? v.trim() : null);

function AccountingForm({ line, onSaved, onCancel }: { line: BudgetLine; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const a = line.accounting;
  const f = useAppForm<AccountingValues>({
    id: `accounting-${line.id}`,
    draftKey: `line-accounting-${line.id}`,
    defaultValues: {
      use: a ? 'own' : 'default',
      account: a?.account ?? '',
      responsibility: a?.responsibility ?? '',
      activity: a?.activity ?? '',
      project: a?.project ?? '',
    },
    fields: ACCOUNTING_FIELDS,
    // The server's rule (src/domain/payments/accounting.ts), checked here first with its messages.
    validate: (v) =>
      v.use === 'default'
        ? []
        : ruleErrors(
            accountingProblems({
              account: v.account.trim(),
              responsibility: orNull(v.responsibility),
              activity: orNull(v.activity),
              project: orNull(v.project),
            }),
          ),
  });
  const use = f.form.watch('use');
  const submit = f.onSubmit(async (v) => {
    await setLineAccounting(
      line.id,
      v.use === 'default'
        ? null
        : { account: v.account.trim(), responsibility: orNull(v.responsibility), activity: orNull(v.activity), project: orNull(v.project) },
    );
    f.clearRestored();
    onSaved();
  });
  return (
    <div className="narrow">
      <RestoredNotice restored={f.restored} />
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={submit} noValidate className="form">
        <CheckboxGroup id={f.fieldId('use')} legend={t('programmes.accounting.legend', { name: line.name })} error={f.errors.fields.use} layout="stack">
          <Radio id={`${f.fieldId('use')}-own`} value="own" label={t('programmes.accounting.useOwn')} {...f.form.register('use')} />
          <Radio id={`${f.fieldId('use')}-default`} value="default" label={t('programmes.accounting.useDefault')} {...f.form.register('use')} />
        </CheckboxGroup>
        {use === 'own' ? (
          <>
            <TextField
              label={t('programmes.accounting.account')}
              hint={t('programmes.accounting.accountHint')}
              inputMode="numeric"
              className="input-short"
              {...f.field('account')}
            />
            <TextField label={t('programmes.accounting.responsibility')} hint={t('programmes.accounting.codeHint')} optional {...f.field('responsibility')} />
            <TextField label={t('programmes.accounting.activity')} hint={t('programmes.accounting.codeHint')} optional {...f.field('activity')} />
            <TextField label={t('programmes.accounting.project')} hint={t('programmes.accounting.codeHint')} optional {...f.field('project')} />
          </>
        ) : (
          <p className="hint">{t('programmes.accounting.defaultHint')}</p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
            {t('programmes.accounting.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('programmes.accounting.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A line's booking, and for finance and caseworkers the form to change it behind a button. */
function LineAccountingDisclosure({ funderId, line }: { funderId: string; line: BudgetLine }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = () => {
    setOpen(false);
    setTimeout(() => buttonRef.current?.focus());
  };
  return (
    <li>
      {saved ? <Success>{t('programmes.accounting.saved', { name: line.name })}</Success> : null}
      <button
        ref={buttonRef}
        type="button"
        className="button button-secondary button-small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setSaved(false);
          setOpen((v) => !v);
        }}
      >
        {t('programmes.accounting.open', { name: line.name })}
      </button>
      <div id={panelId} hidden={!open}>
        {open ? (
          <AccountingForm
            line={line}
            onCancel={close}
            onSaved={() => {
              setSaved(true);
              close();
              // The line's booking is shown here and used by the payment files.
              void client.invalidateQueries({ queryKey: keys.programmes(funderId) });
              void client.invalidateQueries({ queryKey: keys.payments.all(funderId) });
            }}
          />
        ) : null}
      </div>
    </li>
  );
}

function ProgrammeCard({ programme, funderId, mayBook }: { programme: Programme; funderId: string; mayBook: boolean }) {
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
              <th scope="col">{t('programmes.accounting.column')}</th>
            </tr>
          </thead>
          <tbody>
            {programme.lines.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.name}</th>
                <td className="num">{kr(l.amount)}</td>
                <td className="num">{kr(l.committed)}</td>
                <td className="num">{kr(l.available)}</td>
                <td>
                  <BookingText accounting={l.accounting} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {mayBook && programme.lines.length ? (
        <ul className="plain-list" aria-label={t('programmes.accounting.editList', { name: programme.name })}>
          {programme.lines.map((l) => (
            <LineAccountingDisclosure key={l.id} funderId={funderId} line={l} />
          ))}
        </ul>
      ) : null}
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
  const principal = usePrincipal();
  // As the server allows: finance, or those who design calls from the lines.
  const mayBook = policy.managePayments(principal, funderId) || funder.designCalls;
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
                <ProgrammeCard key={p.id} programme={p} funderId={funderId} mayBook={mayBook} />
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
