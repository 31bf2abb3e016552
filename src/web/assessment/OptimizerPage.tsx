import { useEffect, useRef, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FieldError } from '../api/client.ts';
import { kr, parseAmount } from '../calls/format.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Facts } from '../components/Facts.tsx';
import { Checkbox, CheckboxGroup, SelectField, TextField } from '../components/fields.tsx';
import { LoadError, Loading, Page } from '../components/page.tsx';
import { RemoveRowButton } from '../components/rows.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { localFieldError } from '../components/validation.ts';
import { useLocalized } from '../i18n/index.ts';
import { type AssessmentOverview, type OptimizerAnswer, type OptimizerRequest, type OverviewRow, optimize } from './api.ts';
import { score, useCallAssessment } from './shared.tsx';

const KINDS = ['min_focus', 'max_focus', 'cover_area', 'max_org_share', 'lock_in', 'lock_out'] as const;
type Kind = (typeof KINDS)[number];

interface Row {
  /** The id the server names the constraint by in costs and conflicts. */
  cid: string;
  kind: Kind;
  focusArea: string;
  amount: string;
  count: string;
  areas: string[];
  share: string;
  applicationId: string;
}

interface Values {
  constraints: Row[];
  minScore: string;
}

const storageKey = (callId: string) => `samverka.optimizer.${callId}`;

/** What this tab stored under the key, or null (nothing stored, or no storage). */
function fromStorage<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

/** The last suggestion on this call and the constraints it was computed for: it stays until the caseworker recomputes. */
interface Kept {
  values: Values;
  answer: OptimizerAnswer;
}
const resultKey = (callId: string) => `samverka.optimizer.${callId}.result`;

function keep(key: string, value: unknown) {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // No storage: what was asked and answered lasts while the page is open.
  }
}

/** What the optimizer weighs, to tell when a kept suggestion no longer fits: the budget left and each candidate's score. */
const weighed = (budget: number, apps: { id: string; score: number | null }[]) => JSON.stringify([budget, apps.map((a) => `${a.id}:${a.score ?? '-'}`).sort()]);

/** Why a kept suggestion is out of date: what changed since it was computed (empty when nothing did). */
function staleness(kept: Kept, current: Values, overview: AssessmentOverview): ('constraints' | 'budget' | 'applications')[] {
  const why: ('constraints' | 'budget' | 'applications')[] = [];
  if (JSON.stringify(toRequest(current).body) !== JSON.stringify(toRequest(kept.values).body)) why.push('constraints');
  if (kept.answer.budget !== overview.budget.remaining) why.push('budget');
  const now = candidatesOf(overview.applications).map((a) => ({ id: a.id, score: a.scores.mean }));
  if (weighed(0, now) !== weighed(0, kept.answer.applications)) why.push('applications');
  return why;
}

function newRow(kind: Kind, n: number): Row {
  return { cid: `c${n}`, kind, focusArea: '', amount: '', count: '', areas: [], share: '', applicationId: '' };
}

/** The fields a row has, by its kind, in the order they appear. */
function rowFields(r: Row): (keyof Row)[] {
  switch (r.kind) {
    case 'min_focus':
    case 'max_focus':
      return ['focusArea', 'amount', 'count'];
    case 'cover_area':
      return ['areas', 'count'];
    case 'max_org_share':
      return ['share'];
    case 'lock_in':
      return ['applicationId', 'amount'];
    case 'lock_out':
      return ['applicationId'];
  }
}

const wholeNumber = (s: string) => (/^\d{1,6}$/.test(s.trim()) ? Number(s.trim()) : null);
const decimal = (s: string) => (/^\d+([.,]\d+)?$/.test(s.trim()) ? Number(s.trim().replace(',', '.')) : null);

/** What was typed, as the optimizer's constraints; or the fields that are not numbers. */
function toRequest(v: Values): { body: OptimizerRequest; problems: FieldError[] } {
  const problems: FieldError[] = [];
  const constraints = v.constraints.map((r, i): OptimizerRequest['constraints'][number] => {
    const at = `constraints.${i}`;
    const money = () => {
      if (!r.amount.trim()) return undefined;
      const ore = parseAmount(r.amount);
      if (ore === null) problems.push(localFieldError(`${at}.amount`, 'form.notAnAmount'));
      return ore ?? undefined;
    };
    const count = () => {
      if (!r.count.trim()) return undefined;
      const n = wholeNumber(r.count);
      if (n === null) problems.push(localFieldError(`${at}.count`, 'form.notAWholeNumber'));
      return n ?? undefined;
    };
    switch (r.kind) {
      case 'min_focus':
      case 'max_focus': {
        const amount = money();
        const n = count();
        if (!r.focusArea) problems.push(localFieldError(`${at}.focusArea`, 'optimizer.errors.chooseFocus'));
        if (!r.amount.trim() && !r.count.trim()) problems.push(localFieldError(`${at}.amount`, 'optimizer.errors.amountOrCount'));
        return { id: r.cid, kind: r.kind, focusArea: r.focusArea, ...(amount !== undefined ? { amount } : {}), ...(n !== undefined ? { count: n } : {}) };
      }
      case 'cover_area': {
        const n = count();
        if (n === 0) problems.push(localFieldError(`${at}.count`, 'optimizer.errors.countAtLeastOne'));
        // One checkbox is a string for react-hook-form, none false.
        const areas: string[] = Array.isArray(r.areas) ? r.areas : typeof r.areas === 'string' ? [r.areas] : [];
        if (!areas.length) problems.push(localFieldError(`${at}.areas`, 'optimizer.errors.chooseAreas'));
        return { id: r.cid, kind: r.kind, areas, ...(n !== undefined ? { count: n } : {}) };
      }
      case 'max_org_share': {
        const pct = decimal(r.share);
        if (pct === null || pct <= 0 || pct > 100) problems.push(localFieldError(`${at}.share`, 'optimizer.errors.percent'));
        return { id: r.cid, kind: r.kind, share: (pct ?? 0) / 100 };
      }
      case 'lock_in': {
        const amount = money();
        if (amount === 0) problems.push(localFieldError(`${at}.amount`, 'optimizer.errors.positive'));
        if (!r.applicationId) problems.push(localFieldError(`${at}.applicationId`, 'optimizer.errors.chooseApplication'));
        return { id: r.cid, kind: r.kind, applicationId: r.applicationId, ...(amount ? { amount } : {}) };
      }
      default:
        // lock_out
        if (!r.applicationId) problems.push(localFieldError(`${at}.applicationId`, 'optimizer.errors.chooseApplication'));
        return { id: r.cid, kind: r.kind, applicationId: r.applicationId };
    }
  });
  let minScore: number | undefined;
  if (v.minScore.trim()) {
    const n = decimal(v.minScore);
    if (n === null || n > 5) problems.push(localFieldError('minScore', 'optimizer.errors.minScore'));
    else minScore = n;
  }
  return { body: { constraints, ...(minScore !== undefined ? { minScore } : {}) }, problems };
}

/** The applications the optimizer weighs: received, found eligible, not yet decided. */
const candidatesOf = (rows: OverviewRow[]) => rows.filter((r) => r.status === 'submitted' && r.screening?.outcome === 'eligible' && !r.decision);

function ConstraintRow({
  f,
  index,
  row,
  overview,
  onRemove,
  groupId,
}: {
  f: ReturnType<typeof useAppForm<Values>>;
  index: number;
  row: Row;
  overview: AssessmentOverview;
  onRemove: () => void;
  groupId: string;
}) {
  const { t } = useTranslation();
  const at = `constraints.${index}` as const;
  const candidates = candidatesOf(overview.applications);
  const areas = [...new Set([...overview.call.targetAreas, ...candidates.flatMap((a) => a.areas)])];
  const appOptions = candidates.map((a) => ({ value: a.id, label: `${a.caseNumber} ${a.organisationName} (${kr(a.amountRequested)})` }));
  const legend = t('optimizer.rowLegend', { n: index + 1, kind: t(`optimizer.kinds.${row.kind}`) });
  return (
    <CheckboxGroup id={f.fieldId(at)} legend={legend} error={f.errors.fields[at]} layout="plain" className="row-fieldset">
      {row.kind === 'min_focus' || row.kind === 'max_focus' ? (
        <>
          <SelectField
            label={t('optimizer.focusArea')}
            placeholder={t('optimizer.choose')}
            options={overview.call.focusAreas.map((a) => ({ value: a, label: a }))}
            {...f.field(`${at}.focusArea`)}
          />
          <div className="field-row">
            <TextField
              label={row.kind === 'min_focus' ? t('optimizer.amountAtLeast') : t('optimizer.amountAtMost')}
              hint={`${t('optimizer.amountOrCountHint')} ${t('form.kronorHint')}`}
              optional
              inputMode="decimal"
              className="input-medium"
              {...f.field(`${at}.amount`)}
            />
            <TextField
              label={row.kind === 'min_focus' ? t('optimizer.countAtLeast') : t('optimizer.countAtMost')}
              optional
              inputMode="numeric"
              className="input-short"
              {...f.field(`${at}.count`)}
            />
          </div>
        </>
      ) : null}
      {row.kind === 'cover_area' ? (
        <>
          <CheckboxGroup id={f.fieldId(`${at}.areas`)} legend={t('optimizer.areas')} hint={t('optimizer.areasHint')} error={f.errors.fields[`${at}.areas`]}>
            {areas.map((a) => (
              <Checkbox
                key={a}
                id={`${f.fieldId(`${at}.areas`)}-${a.replace(/[^\p{L}\p{N}]+/gu, '-')}`}
                value={a}
                label={a}
                {...f.form.register(`${at}.areas`)}
              />
            ))}
          </CheckboxGroup>
          <TextField
            label={t('optimizer.coverCount')}
            hint={t('optimizer.coverCountHint')}
            optional
            inputMode="numeric"
            className="input-short"
            {...f.field(`${at}.count`)}
          />
        </>
      ) : null}
      {row.kind === 'max_org_share' ? (
        <TextField label={t('optimizer.share')} hint={t('optimizer.shareHint')} inputMode="decimal" className="input-short" {...f.field(`${at}.share`)} />
      ) : null}
      {row.kind === 'lock_in' || row.kind === 'lock_out' ? (
        <SelectField label={t('optimizer.application')} placeholder={t('optimizer.choose')} options={appOptions} {...f.field(`${at}.applicationId`)} />
      ) : null}
      {row.kind === 'lock_in' ? (
        <TextField
          label={t('optimizer.lockAmount')}
          hint={`${t('optimizer.lockAmountHint')} ${t('form.kronorHint')}`}
          optional
          inputMode="decimal"
          className="input-medium"
          {...f.field(`${at}.amount`)}
        />
      ) : null}
      <RemoveRowButton groupId={groupId} onRemove={onRemove}>
        {t('optimizer.remove', { n: index + 1 })}
      </RemoveRowButton>
    </CheckboxGroup>
  );
}

type Shift = OptimizerAnswer['constraintCosts'][number]['displaced'][number];

/** An application a constraint moves money from or to, by case number, organisation and title, with both amounts. */
function ShiftItem({ s }: { s: Shift }) {
  const { t } = useTranslation();
  const amounts =
    s.with === 0
      ? t('optimizer.result.shift.notFunded', { without: kr(s.without) })
      : s.without === 0
        ? t('optimizer.result.shift.onlyWith', { with: kr(s.with) })
        : t('optimizer.result.shift.instead', { with: kr(s.with), without: kr(s.without) });
  return (
    <li>
      {s.caseNumber} {s.organisationName}, ”{s.title}”: {amounts}
    </li>
  );
}

function Result({ answer, rowOf, overview }: { answer: OptimizerAnswer; rowOf: (cid: string) => number; overview: AssessmentOverview }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const proposalOf = (id: string) => overview.applications.find((r) => r.id === id)?.proposal ?? null;
  /** A suggestion is used once the application's saved proposal is the suggested amount. */
  const used = (a: OptimizerAnswer['applications'][number]) => a.score !== null && proposalOf(a.id)?.amount === a.amount;
  const usedCount = answer.applications.filter(used).length;
  const usable = answer.applications.filter((a) => a.score !== null).length;
  return (
    <>
      <Facts
        items={[
          [t('optimizer.result.available'), kr(answer.budget)],
          [t('optimizer.result.total'), kr(answer.total)],
          [t('optimizer.result.leftover'), kr(answer.leftover)],
          [t('optimizer.result.score'), score(answer.score)],
          [t('optimizer.result.status'), t(`optimizer.result.statuses.${answer.status}`)],
          [t('optimizer.result.used'), t('optimizer.result.usedCount', { used: usedCount, count: usable })],
        ]}
      />
      <p className="hint">{t('optimizer.result.scoreExplained')}</p>
      {answer.applications.length ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="table-wrap" aria-label={t('optimizer.result.caption')} tabIndex={0}>
          <table className="table optimizer-table">
            <caption className="visually-hidden">{t('optimizer.result.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('application.caseNumber')}</th>
                <th scope="col">{t('inbox.organisation')}</th>
                <th scope="col" className="numeric">
                  {t('optimizer.result.scoreColumn')}
                </th>
                <th scope="col" className="numeric">
                  {t('inbox.amount')}
                </th>
                <th scope="col" className="numeric">
                  {t('optimizer.result.amount')}
                </th>
                <th scope="col">{t('optimizer.result.why')}</th>
                <th scope="col">{t('optimizer.result.use')}</th>
              </tr>
            </thead>
            <tbody>
              {answer.applications.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/applications/${a.id}/assessment`}>{a.caseNumber}</Link>
                  </th>
                  <td>
                    {a.organisationName}
                    <span className="block hint-inline">{a.title}</span>
                  </td>
                  <td className="numeric">{a.score === null ? '–' : score(a.score)}</td>
                  <td className="numeric">{kr(a.requested)}</td>
                  <td className="numeric">
                    {kr(a.amount)}
                    <span className="block hint-inline">{t(`optimizer.result.decisions.${a.decision}`)}</span>
                  </td>
                  <td>
                    <ul className="plain-list compact-list">
                      {a.reasons.map((r) => (
                        <li key={r.code}>{localized(r.messages)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {a.score === null ? null : (
                      <>
                        {used(a) ? <span className="badge badge-approved optimizer-used">{t('optimizer.result.usedBadge')}</span> : null}
                        <Link to={`/applications/${a.id}/assessment?amount=${a.amount}`} className="button button-secondary button-small">
                          {t('optimizer.result.useAmount', { amount: kr(a.amount) })}
                          <span className="visually-hidden">: {a.caseNumber}</span>
                        </Link>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        <p>{t('optimizer.result.noCandidates')}</p>
      )}
      <h3>{t('optimizer.result.costsHeading')}</h3>
      {answer.constraintCosts.length ? (
        <>
          <p className="hint">{t('optimizer.result.costsIntro')}</p>
          <ul className="plain-list constraint-costs">
            {answer.constraintCosts.map((c) => (
              <li key={c.constraintId}>
                <strong>{t('optimizer.result.costOf', { n: rowOf(c.constraintId) + 1 })}</strong> {localized(c.messages)}
                {c.exact ? null : <span className="hint-inline"> {t('optimizer.result.notExact')}</span>}
                {c.displaced.length ? (
                  <>
                    <span className="block">{t('optimizer.result.displaced')}</span>
                    <ul className="compact-list">
                      {c.displaced.map((s) => (
                        <ShiftItem key={s.id} s={s} />
                      ))}
                    </ul>
                  </>
                ) : null}
                {c.displaced.length && c.favoured.length ? (
                  <>
                    <span className="block">{t('optimizer.result.favoured')}</span>
                    <ul className="compact-list">
                      {c.favoured.map((s) => (
                        <ShiftItem key={s.id} s={s} />
                      ))}
                    </ul>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('optimizer.result.noConstraints')}</p>
      )}
    </>
  );
}

function Optimizer({ callId, overview }: { callId: string; overview: AssessmentOverview }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('min_focus');
  // The suggestion stays (in this tab's storage) until the caseworker recomputes: following one of
  // its "Använd" links and coming back finds it again, marked with what has been used.
  const [kept, setKept] = useState<Kept | null>(() => {
    const found = fromStorage<Kept>(resultKey(callId));
    // One stored by an earlier version of the page, without what constraints displace, is recomputed instead.
    return found?.answer.constraintCosts.every((c) => Array.isArray(c.displaced)) ? found : null;
  });
  const answer = kept?.answer ?? null;
  const asked = kept?.values.constraints ?? [];
  const resultRef = useRef<HTMLHeadingElement>(null);
  const justComputed = useRef(false);
  // The constraints of the last run on this call come back (from this tab's storage) after a visit to an application.
  const [initial] = useState<Values>(() => fromStorage<Values>(storageKey(callId)) ?? { constraints: [], minScore: '' });
  const counter = useRef(Math.max(0, ...initial.constraints.map((r) => Number(r.cid.slice(1)) || 0)));
  const f = useAppForm<Values>({
    id: 'optimizer',
    defaultValues: initial,
    fields: (v) => [...v.constraints.flatMap((r, i) => [`constraints.${i}`, ...rowFields(r).map((k) => `constraints.${i}.${k}`)]), 'minScore'],
    validate: (v) => toRequest(v).problems,
  });
  const rows = useFieldArray({ control: f.form.control, name: 'constraints', keyName: 'key' });
  const groupId = f.fieldId('constraints');
  const candidates = candidatesOf(overview.applications);
  const submit = f.onSubmit(async (v) => {
    const { body } = toRequest(v);
    const result = await optimize(callId, body);
    const next = { values: v, answer: result };
    keep(storageKey(callId), v);
    keep(resultKey(callId), next);
    justComputed.current = true;
    setKept(next);
  });
  // A new suggestion's heading takes focus once it is there (not a kept one found on arrival).
  useEffect(() => {
    if (kept && justComputed.current) {
      justComputed.current = false;
      resultRef.current?.focus();
    }
  }, [kept]);
  const current = f.form.watch();
  const stale = kept ? staleness(kept, current, overview) : [];
  const rowOf = (cid: string) => asked.findIndex((r) => r.cid === cid);
  return (
    <>
      <section className="section" aria-labelledby="optimizer-candidates-heading">
        <h2 id="optimizer-candidates-heading">{t('optimizer.candidatesHeading')}</h2>
        <p>{t('optimizer.candidates', { count: candidates.length, budget: kr(overview.budget.remaining) })}</p>
        <p className="hint">{t('optimizer.candidatesHint')}</p>
      </section>
      <section className="section" aria-labelledby="optimizer-constraints-heading">
        <h2 id="optimizer-constraints-heading">{t('optimizer.constraintsHeading')}</h2>
        <p className="hint">{t('optimizer.constraintsIntro')}</p>
        <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
        <form id="optimizer-form" onSubmit={submit} noValidate className="form">
          <div id={groupId} className="stack">
            {rows.fields.length ? null : <p>{t('optimizer.noConstraintsYet')}</p>}
            {rows.fields.map((r, i) => (
              <ConstraintRow key={r.key} f={f} index={i} row={r} overview={overview} groupId={groupId} onRemove={() => rows.remove(i)} />
            ))}
          </div>
          <div className="row-with-action add-constraint">
            <SelectField
              id="optimizer-new-kind"
              label={t('optimizer.newKind')}
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
              options={KINDS.map((k) => ({ value: k, label: t(`optimizer.kinds.${k}`) }))}
            />
            <button
              id={`${groupId}-add`}
              type="button"
              className="button button-secondary"
              onClick={() => {
                counter.current += 1;
                const row = newRow(kind, counter.current);
                rows.append(row, { focusName: `constraints.${rows.fields.length}.${rowFields(row)[0]}` });
              }}
            >
              {t('optimizer.add')}
            </button>
          </div>
          <TextField
            label={t('optimizer.minScore')}
            hint={t('optimizer.minScoreHint')}
            optional
            inputMode="decimal"
            className="input-short"
            {...f.field('minScore')}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {answer ? t('optimizer.recompute') : t('optimizer.run')}
            </button>
          </div>
          <p role="status" className="hint">
            {f.form.formState.isSubmitting ? t('optimizer.running') : ''}
          </p>
        </form>
      </section>
      {answer ? (
        <section className="section" aria-labelledby="optimizer-result-heading">
          <h2 id="optimizer-result-heading" tabIndex={-1} ref={resultRef}>
            {t('optimizer.result.heading')}
          </h2>
          {stale.length ? (
            <div className="notice notice-warning" id="optimizer-stale">
              <p>{t('optimizer.stale.intro')}</p>
              <ul>
                {stale.map((why) => (
                  <li key={why}>{t(`optimizer.stale.${why}`, { before: kr(answer.budget), now: kr(overview.budget.remaining) })}</li>
                ))}
              </ul>
              <button type="submit" form="optimizer-form" className="button button-secondary" disabled={f.form.formState.isSubmitting}>
                {t('optimizer.stale.recompute')}
              </button>
            </div>
          ) : null}
          <p className="notice notice-info">{t('optimizer.result.proposesOnly')}</p>
          <Result answer={answer} rowOf={rowOf} overview={overview} />
        </section>
      ) : null}
    </>
  );
}

/** /calls/:callId/optimizer — a suggested allocation of what is left of the budget, under the caseworker's constraints. It proposes; people decide. */
export function OptimizerPage() {
  const { t } = useTranslation();
  const { callId = '' } = useParams();
  const { overview, rights } = useCallAssessment(callId);
  const data = overview.data;
  const title = data ? t('optimizer.title', { call: data.call.title }) : t('optimizer.titleShort');
  return (
    <Page title={title}>
      {data ? <p className="lead">{data.call.funderName}</p> : null}
      <p>
        <Link to={`/calls/${callId}/assessment`}>{t('optimizer.toOverview')}</Link>
      </p>
      {overview.error ? (
        <LoadError error={overview.error} />
      ) : !data ? (
        <Loading />
      ) : !rights.assess ? (
        <p className="notice notice-info">{t('optimizer.caseworkersOnly')}</p>
      ) : (
        <Optimizer callId={callId} overview={data} />
      )}
    </Page>
  );
}
