import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { dateInStockholm } from '../../domain/deadlines.ts';
import { policy } from '../../domain/roles.ts';
import { ApiError, type Messages } from '../api/client.ts';
import { dateTime } from '../applications/format.ts';
import { formatDate, kr, parseAmount } from '../calls/format.ts';
import { ConfirmStep, useConfirmStep } from '../components/ConfirmedAction.tsx';
import { Content } from '../components/Content.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Facts } from '../components/Facts.tsx';
import { CheckboxGroup, Radio, TextAreaField, TextField } from '../components/fields.tsx';
import { usePrincipal } from '../components/funder.ts';
import { LoadError, Loading, Page, RestoredNotice, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { localFieldError, required } from '../components/validation.ts';
import { AgreementReports } from '../follow-up/parts.tsx';
import { useLocalized } from '../i18n/index.ts';
import { ReportHoldNotice } from '../payments/ReportHoldNotice.tsx';
import { keys } from '../queryKeys.ts';
import { SurveyResults } from '../surveys/SurveyResults.tsx';
import { SurveySection } from '../surveys/SurveySection.tsx';
import { AgreementEditor } from './AgreementEditor.tsx';
import {
  type Agreement,
  commentOnAgreement,
  decideRecovery,
  getAgreement,
  type Instalment,
  refreshAgreement,
  releaseInstalment,
  signAgreement,
} from './api.ts';
import { AgreementStatus, LedgerFacts, Nothing, ScheduleTable, SignatureStates, useAgreementTitle } from './parts.tsx';

const INVOLVEMENT = { responsible: 'responsible', takes_part: 'takesPart', informed: 'informed' } as const;
const GROUNDS = ['unused', 'unreported', 'misused'] as const;

/** Text the association or the caseworker wrote, in Swedish whatever the interface's language. */
function Sv({ children, as = 'span' }: { children: ReactNode; as?: 'span' | 'p' | 'div' | 'li' }) {
  return (
    <Content lang="sv" as={as} className={as === 'p' || as === 'div' ? 'preserve-lines' : undefined}>
      {children}
    </Content>
  );
}

function List({ items, empty }: { items: string[]; empty: string }) {
  if (!items.length) return <p>{empty}</p>;
  return (
    <ul>
      {items.map((x) => (
        <Sv key={x} as="li">
          {x}
        </Sv>
      ))}
    </ul>
  );
}

/** Who does what: tasks by row, parties by column. */
function ResponsibilityMatrix({ a }: { a: Agreement }) {
  const { t } = useTranslation();
  const { parties, responsibilities } = a.content;
  if (!responsibilities.length) return <p>{t('agreement.matrix.empty')}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" aria-label={t('agreement.matrix.caption')} tabIndex={0}>
      <table className="table agreement-matrix">
        <caption className="visually-hidden">{t('agreement.matrix.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agreement.matrix.task')}</th>
            {parties.map((p) => (
              <th key={p.key} scope="col">
                <Sv>{p.label}</Sv>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {responsibilities.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are shown as saved, never reordered here
            <tr key={i}>
              <th scope="row">
                <Sv>{row.task}</Sv>
              </th>
              {parties.map((p) => {
                const role = row.roles[p.key];
                return <td key={p.key}>{role ? t(`agreement.matrix.${INVOLVEMENT[role]}`) : <Nothing label={t('agreement.matrix.none')} />}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Contacts({ a }: { a: Agreement }) {
  const { t } = useTranslation();
  const sides = [
    { party: 'funder', name: a.funderName },
    { party: 'organisation', name: a.organisation.name },
  ] as const;
  return (
    <>
      {sides.map((side) => {
        const list = a.content.contacts.filter((c) => c.party === side.party);
        return (
          <div key={side.party}>
            <h4>{t('agreement.content.contactsOf', { name: side.name })}</h4>
            {list.length ? (
              <ul className="plain-list">
                {list.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id of their own
                  <li key={i}>
                    <strong>{c.name}</strong>
                    {c.role ? (
                      <>
                        , <Sv>{c.role}</Sv>
                      </>
                    ) : null}
                    {c.email ? (
                      <>
                        {' '}
                        · <a href={`mailto:${c.email}`}>{c.email}</a>
                      </>
                    ) : null}
                    {c.phone ? (
                      <>
                        {' '}
                        · <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('agreement.content.noContacts')}</p>
            )}
          </div>
        );
      })}
    </>
  );
}

/** The agreement's content as it stands (after any amendments), read-only. */
function AgreementContentView({ a }: { a: Agreement }) {
  const { t } = useTranslation();
  const c = a.content;
  return (
    <section className="section" aria-labelledby="agreement-content-heading">
      <h2 id="agreement-content-heading">{t('agreement.content.heading')}</h2>
      <h3>{t('agreement.content.description')}</h3>
      {c.description.trim() ? <Sv as="p">{c.description}</Sv> : <p>{t('common.notGiven')}</p>}
      <h3>{t('agreement.content.activities')}</h3>
      <List items={c.activities} empty={t('common.notGiven')} />
      <h3>{t('agreement.content.areas')}</h3>
      <List items={c.areas} empty={t('common.notGiven')} />
      <Facts
        items={[
          [t('agreement.content.targetGroups'), c.targetGroups.length ? c.targetGroups.map((g) => t(`targetGroups.${g}`)).join(', ') : t('common.notGiven')],
          [t('agreement.content.expectedParticipants'), c.expectedParticipants === null ? t('common.notGiven') : String(c.expectedParticipants)],
        ]}
      />
      <h3>{t('agreement.content.conditions')}</h3>
      {c.conditions.trim() ? <Sv as="p">{c.conditions}</Sv> : <p>{t('agreement.content.noConditions')}</p>}
      {a.kind === 'iop' ? (
        <>
          <h3>{t('agreement.content.ownContribution')}</h3>
          <p>{c.ownContribution === null ? t('common.notGiven') : kr(c.ownContribution)}</p>
          <h3>{t('agreement.content.jointFollowUp')}</h3>
          {c.jointFollowUp.trim() ? <Sv as="p">{c.jointFollowUp}</Sv> : <p>{t('common.notGiven')}</p>}
        </>
      ) : null}
      <h3>{t('agreement.content.contacts')}</h3>
      <Contacts a={a} />
      <h3>{t('agreement.content.matrix')}</h3>
      <ResponsibilityMatrix a={a} />
    </section>
  );
}

/** The editor of the draft (or of an amendment), behind a button so the agreement is read first. */
function EditDisclosure({ a, mode }: { a: Agreement; mode: 'draft' | 'amend' }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  return (
    <section className="section" aria-labelledby="agreement-edit-heading">
      <h2 id="agreement-edit-heading">{mode === 'draft' ? t('agreement.edit.draftHeading') : t('agreement.edit.amendHeading')}</h2>
      <p className="hint">{mode === 'draft' ? t('agreement.edit.draftIntro') : t('agreement.edit.amendIntro')}</p>
      {saved ? <Success>{mode === 'draft' ? t('agreement.edit.saved') : t('agreement.edit.amended')}</Success> : null}
      <button
        ref={buttonRef}
        type="button"
        className="button button-secondary"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setSaved(false);
          setOpen((v) => !v);
        }}
      >
        {open ? t('agreement.edit.close') : mode === 'draft' ? t('agreement.edit.openDraft') : t('agreement.edit.openAmend')}
      </button>
      <div id={panelId} hidden={!open}>
        {open ? (
          <AgreementEditor
            agreement={a}
            mode={mode}
            onSaved={() => {
              setOpen(false);
              setSaved(true);
              void client.invalidateQueries({ queryKey: keys.agreements.all });
              setTimeout(() => buttonRef.current?.focus());
            }}
          />
        ) : null}
      </div>
    </section>
  );
}

/** Both parties' signatures, who may sign for the association, and the signing itself. */
function Signing({ a }: { a: Agreement }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const client = useQueryClient();
  const principal = usePrincipal();
  const step = useConfirmStep('sign');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Messages | null>(null);
  const [changed, setChanged] = useState(false);
  const [signed, setSigned] = useState(false);
  // The funder's delegate signs for the funder; anyone else who may sign does so for the association.
  const side = policy.signForFunder(principal, a.funderId) ? a.funderName : a.organisation.name;
  // What was read is what is signed: the hash of the agreement as loaded, never a fresh one.
  const sign = step.guard(async () => {
    setBusy(true);
    setProblem(null);
    setChanged(false);
    try {
      const answer = await signAgreement(a.id, a.contentSha256);
      await refreshAgreement(client, answer);
      setSigned(true);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'agreement_changed') {
        setChanged(true);
        await client.invalidateQueries({ queryKey: keys.agreements.one(a.id) });
      } else if (error instanceof ApiError) {
        setProblem(error.problem.messages);
      } else throw error;
    } finally {
      setBusy(false);
    }
  });
  return (
    <section className="section" aria-labelledby="agreement-signing-heading">
      <h2 id="agreement-signing-heading">{t('agreement.signing.heading')}</h2>
      {a.status === 'signed' && a.signedAt ? <p>{t('agreement.signing.signedAt', { at: dateTime(a.signedAt) })}</p> : null}
      <SignatureStates a={a} />
      {a.status === 'draft' ? (
        <>
          <h3>{t('agreement.signing.signatoriesHeading', { name: a.organisation.name })}</h3>
          {a.signatories.length ? (
            <ul className="plain-list">
              {a.signatories.map((s) => (
                <li key={`${s.name}-${s.role}`}>
                  {s.name}
                  {s.role ? `, ${s.role}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('agreement.signing.noSignatories')}</p>
          )}
          <p className="hint">{t('agreement.signing.funderSigns', { name: a.funderName })}</p>
        </>
      ) : null}
      <div role="status">{signed ? <Success>{t('agreement.signing.done')}</Success> : null}</div>
      {changed ? (
        <div className="notice notice-warning" role="alert">
          <p>{t('agreement.signing.changed')}</p>
        </div>
      ) : null}
      {problem ? (
        <div className="notice notice-error" role="alert">
          <p>{localized(problem)}</p>
        </div>
      ) : null}
      {a.may.sign ? (
        step.asking ? (
          <ConfirmStep step={step} heading={t('agreement.signing.confirmHeading')} confirm={t('agreement.signing.confirm')} onConfirm={sign} busy={busy}>
            <p>
              <strong>{t('agreement.signing.means', { number: a.number, side })}</strong>
            </p>
            <p>{t('agreement.signing.meansMore')}</p>
          </ConfirmStep>
        ) : (
          <div className="actions">
            <button ref={step.startRef} type="button" className="button" disabled={busy} onClick={() => void sign(undefined)}>
              {t('agreement.signing.start')}
            </button>
          </div>
        )
      ) : null}
    </section>
  );
}

/** The caseworker records the date the interim report was approved; the instalment then falls due. */
function ReleaseForm({ a, i }: { a: Agreement; i: Instalment }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const f = useAppForm<{ reportApprovedOn: string }>({
    id: `release-${i.number}`,
    defaultValues: { reportApprovedOn: dateInStockholm(new Date()) },
    fields: ['reportApprovedOn'],
    validate: (v) => required(v, 'reportApprovedOn'),
  });
  const submit = f.onSubmit(async (v) => {
    await releaseInstalment(i.id, v.reportApprovedOn);
    await client.invalidateQueries({ queryKey: keys.agreements.all });
  });
  return (
    <div className="card">
      <h4>{t('agreement.release.heading', { n: i.number, amount: kr(i.amount) })}</h4>
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          label={t('agreement.release.date')}
          hint={t('agreement.release.hint')}
          type="date"
          max={dateInStockholm(new Date())}
          className="input-medium"
          {...f.field('reportApprovedOn')}
        />
        <div className="actions">
          <button type="submit" className="button button-secondary" disabled={f.form.formState.isSubmitting}>
            {t('agreement.release.submit', { n: i.number })}
          </button>
        </div>
      </form>
      {a.payoutHold ? <p className="hint">{t('agreement.release.heldNote')}</p> : null}
    </div>
  );
}

function Schedule({ a }: { a: Agreement }) {
  const { t } = useTranslation();
  const releasable = a.may.release ? a.instalments.filter((i) => i.condition === 'after_interim_report' && i.status === 'planned') : [];
  return (
    <section className="section" aria-labelledby="agreement-schedule-heading">
      <h2 id="agreement-schedule-heading">{a.status === 'signed' ? t('agreement.schedule.heading') : t('agreement.schedule.planHeading')}</h2>
      {a.status === 'draft' ? <p className="hint">{t('agreement.schedule.planIntro')}</p> : null}
      <ScheduleTable a={a} caption={a.status === 'signed' ? t('agreement.schedule.caption', { number: a.number }) : t('agreement.schedule.planCaption')} />
      {releasable.length ? (
        <>
          <h3>{t('agreement.release.sectionHeading')}</h3>
          {releasable.map((i) => (
            <ReleaseForm key={i.id} a={a} i={i} />
          ))}
        </>
      ) : null}
      <h3>{t('agreement.ledger.heading')}</h3>
      <LedgerFacts a={a} />
    </section>
  );
}

interface RecoveryValues {
  amount: string;
  grounds: (typeof GROUNDS)[number];
  reasons: string;
  decidedOn: string;
  payBy: string;
}

/** Deciding a recovery (återkrav): amount, grounds, reasons and dates; asked once more before the letter goes out. */
function RecoveryForm({ a, reportId, onDone }: { a: Agreement; reportId?: string; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const step = useConfirmStep('recovery');
  // Started from a final report that is not approved: the grounds are most likely that it is missing.
  const grounds = reportId ? 'unreported' : 'unused';
  const f = useAppForm<RecoveryValues>({
    id: 'recovery',
    draftKey: `recovery-${a.id}${reportId ? `-${reportId}` : ''}`,
    defaultValues: { amount: '', grounds, reasons: '', decidedOn: dateInStockholm(new Date()), payBy: '' },
    fields: ['amount', 'grounds', 'reasons', 'decidedOn', 'payBy'],
    validate: (v) => [
      ...(parseAmount(v.amount) === null || (parseAmount(v.amount) ?? 0) <= 0 ? [localFieldError('amount', 'form.notAnAmount')] : []),
      ...required(v, 'reasons', 'decidedOn', 'payBy'),
    ],
  });
  const submit = f.onSubmit(
    step.guard(async (v) => {
      await decideRecovery(a.id, {
        amount: parseAmount(v.amount)!,
        grounds: v.grounds,
        reasons: v.reasons.trim(),
        decidedOn: v.decidedOn,
        payBy: v.payBy,
        reportId: reportId ?? null,
      });
      f.form.reset({ amount: '', grounds, reasons: '', decidedOn: dateInStockholm(new Date()), payBy: '' });
      f.clearRestored();
      await client.invalidateQueries({ queryKey: keys.agreements.all });
      if (reportId) await client.invalidateQueries({ queryKey: keys.reports.all });
      onDone();
    }),
  );
  const amountNow = parseAmount(f.form.watch('amount') ?? '') ?? 0;
  return (
    <div className="narrow-wide">
      <RestoredNotice restored={f.restored} />
      <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
      <form onSubmit={submit} noValidate className="form">
        <TextField
          label={t('agreement.recovery.amount')}
          hint={`${t('agreement.recovery.amountHint', { paid: kr(a.ledger.paid) })} ${t('form.kronorHint')}`}
          inputMode="decimal"
          className="input-medium"
          {...f.field('amount')}
        />
        <CheckboxGroup id={f.fieldId('grounds')} legend={t('agreement.recovery.grounds')} error={f.errors.fields.grounds} layout="stack">
          {GROUNDS.map((g) => (
            <Radio key={g} id={`${f.fieldId('grounds')}-${g}`} value={g} label={t(`agreement.recovery.ground.${g}`)} {...f.form.register('grounds')} />
          ))}
        </CheckboxGroup>
        <TextAreaField label={t('agreement.recovery.reasons')} hint={t('agreement.recovery.reasonsHint')} rows={5} {...f.field('reasons')} />
        <div className="field-row">
          <TextField label={t('agreement.recovery.decidedOn')} type="date" className="input-medium" {...f.field('decidedOn')} />
          <TextField label={t('agreement.recovery.payBy')} type="date" className="input-medium" {...f.field('payBy')} />
        </div>
        {step.asking ? (
          <ConfirmStep
            step={step}
            heading={t('agreement.recovery.confirmHeading')}
            confirm={t('agreement.recovery.confirm')}
            onConfirm={submit}
            busy={f.form.formState.isSubmitting}
          >
            <ul>
              <li>{t('agreement.recovery.confirmWhat', { amount: kr(amountNow), organisation: a.organisation.name })}</li>
              <li>{t('agreement.recovery.confirmLetter')}</li>
            </ul>
          </ConfirmStep>
        ) : (
          <div className="actions">
            <button ref={step.startRef} type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {t('agreement.recovery.submit')}
            </button>
          </div>
        )}
      </form>
    </div>
  );
}

function Recoveries({ a }: { a: Agreement }) {
  const { t } = useTranslation();
  // Coming from a final report that is not approved (its page links here): the form is open, with the report as its grounds.
  const [params] = useSearchParams();
  const reportId = a.may.recover ? (params.get('recoveryFromReport') ?? undefined) : undefined;
  const [open, setOpen] = useState(!!reportId);
  const [decided, setDecided] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const panelId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the page opens with the form
  useEffect(() => {
    if (!reportId) return;
    // After the layout has focused the page's heading: the form is what was asked for.
    requestAnimationFrame(() => requestAnimationFrame(() => headingRef.current?.focus()));
  }, []);
  if (!a.may.recover && !a.recoveries.length) return null;
  return (
    <section className="section" aria-labelledby="agreement-recoveries-heading">
      <h2 id="agreement-recoveries-heading" ref={headingRef} tabIndex={-1}>
        {t('agreement.recovery.heading')}
      </h2>
      {a.recoveries.length ? (
        <ul className="card-list">
          {a.recoveries.map((r) => (
            <li key={r.id} className="card">
              <h3>
                {t('agreement.recovery.itemHeading', { number: r.number, amount: kr(r.amount) })}{' '}
                <span className={`badge ${r.repaid >= r.amount ? 'badge-approved' : 'badge-needs'}`}>
                  {r.repaid >= r.amount ? t('agreement.recovery.settled') : t('agreement.recovery.open')}
                </span>
              </h3>
              <Facts
                items={[
                  [t('agreement.recovery.grounds'), t(`agreement.recovery.ground.${r.grounds}`)],
                  [t('agreement.recovery.repaid'), kr(r.repaid)],
                  [
                    t('agreement.recovery.decidedOn'),
                    <time key="decidedOn" dateTime={r.decidedOn}>
                      {formatDate(r.decidedOn)}
                    </time>,
                  ],
                  [
                    t('agreement.recovery.payBy'),
                    <time key="payBy" dateTime={r.payBy}>
                      {formatDate(r.payBy)}
                    </time>,
                  ],
                ]}
              />
              <Sv as="p">{r.reasons}</Sv>
              <p>
                <a href={r.letterUrl}>{t('agreement.recovery.letter', { number: r.number })}</a>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('agreement.recovery.none')}</p>
      )}
      {decided ? <Success>{t('agreement.recovery.decided')}</Success> : null}
      {a.may.recover ? (
        <>
          <button
            ref={buttonRef}
            type="button"
            className="button button-secondary"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => {
              setDecided(false);
              setOpen((v) => !v);
            }}
          >
            {open ? t('agreement.recovery.close') : t('agreement.recovery.start')}
          </button>
          <div id={panelId} hidden={!open}>
            {open ? (
              <>
                <p className="hint">{t('agreement.recovery.intro')}</p>
                {reportId ? (
                  <p>
                    {t('report.recovery.fromReport')} <Link to={`/reports/${reportId}`}>{t('report.recovery.toReport')}</Link>
                  </p>
                ) : null}
                <RecoveryForm
                  a={a}
                  reportId={reportId}
                  onDone={() => {
                    setOpen(false);
                    setDecided(true);
                    setTimeout(() => buttonRef.current?.focus());
                  }}
                />
              </>
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}

function Amendments({ a }: { a: Agreement }) {
  const { t } = useTranslation();
  if (a.status !== 'signed') return null;
  return (
    <section className="section" aria-labelledby="agreement-amendments-heading">
      <h2 id="agreement-amendments-heading">{t('agreement.amendments.heading')}</h2>
      {a.amendments.length ? (
        <ol className="card-list">
          {a.amendments.map((m, i) => (
            <li key={m.version} className="card">
              <h3>{t('agreement.amendments.itemHeading', { n: i + 1, version: m.version, at: dateTime(m.createdAt) })}</h3>
              <Facts
                items={[
                  [t('agreement.amendments.changed'), m.changed.map((k) => t(`agreement.fields.${k}`, { defaultValue: k })).join(', ')],
                  [t('agreement.amendments.reason'), <Sv key="reason">{m.reason}</Sv>],
                ]}
              />
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('agreement.amendments.none')}</p>
      )}
    </section>
  );
}

function Comments({ a }: { a: Agreement }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const f = useAppForm<{ body: string }>({
    id: 'comment',
    draftKey: `agreement-comment-${a.id}`,
    defaultValues: { body: '' },
    fields: ['body'],
    validate: (v) => required(v, 'body'),
  });
  const submit = f.onSubmit(async (v) => {
    const answer = await commentOnAgreement(a.id, v.body.trim());
    f.form.reset({ body: '' });
    f.clearRestored();
    await refreshAgreement(client, answer);
  });
  const partyName = (party: 'funder' | 'organisation') => (party === 'funder' ? a.funderName : a.organisation.name);
  return (
    <section className="section" aria-labelledby="agreement-comments-heading">
      <h2 id="agreement-comments-heading">{t('agreement.comments.heading')}</h2>
      {a.comments.length ? (
        <ol className="card-list">
          {a.comments.map((c) => (
            <li key={c.id} className="card">
              <p className="hint">
                <strong>{c.authorName}</strong>, {partyName(c.party)} · <time dateTime={c.createdAt}>{dateTime(c.createdAt)}</time>
              </p>
              <Sv as="p">{c.body}</Sv>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('agreement.comments.none')}</p>
      )}
      <div className="narrow-wide">
        <RestoredNotice restored={f.restored} />
        <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
        <form onSubmit={submit} noValidate className="form">
          <TextAreaField label={t('agreement.comments.body')} hint={t('agreement.comments.hint')} rows={4} {...f.field('body')} />
          <div className="actions">
            <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {t('agreement.comments.send')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}

function AgreementBody({ a }: { a: Agreement }) {
  const { t } = useTranslation();
  const period = `${formatDate(a.content.periodFrom)} – ${formatDate(a.content.periodTo)}`;
  return (
    <>
      <p className="lead">
        {a.organisation.name} · <Sv>{a.applicationTitle}</Sv>
      </p>
      <Facts
        items={[
          [t('agreement.facts.status'), <AgreementStatus key="status" a={a} />],
          [t('agreement.facts.organisation'), `${a.organisation.name} (${a.organisation.orgNumber})`],
          [t('agreement.facts.funder'), a.funderName],
          [
            t('agreement.facts.caseNumber'),
            <Link key="case" to={`/applications/${a.applicationId}`}>
              {a.caseNumber || t('agreement.facts.application')}
            </Link>,
          ],
          [t('agreement.facts.amount'), kr(a.amount)],
          [t('agreement.facts.period'), a.content.periodFrom && a.content.periodTo ? period : t('common.notGiven')],
        ]}
      />
      {a.payoutHold ? (
        <div className="notice notice-warning">
          <p>
            <strong>{t('agreement.hold.heading')}</strong> {t(`agreement.hold.${a.payoutHold}`, { organisation: a.organisation.name })}
          </p>
        </div>
      ) : null}
      {a.overdueReport ? <ReportHoldNotice report={a.overdueReport} /> : null}
      <p>
        <a href={a.documentUrl}>{a.status === 'signed' ? t('agreement.document.signed') : t('agreement.document.draft')}</a>
      </p>
      {a.status === 'signed' && a.documentSha256 ? (
        <p className="hint">
          <small>
            {t('agreement.document.sha')} <code>{a.documentSha256}</code>
          </small>
        </p>
      ) : null}
      <Signing a={a} />
      <AgreementContentView a={a} />
      {a.may.edit ? <EditDisclosure a={a} mode="draft" /> : a.may.amend ? <EditDisclosure a={a} mode="amend" /> : null}
      <Schedule a={a} />
      {a.status === 'signed' ? <AgreementReports agreementId={a.id} /> : null}
      {a.status === 'signed' ? <SurveySection agreementId={a.id} /> : null}
      <Recoveries a={a} />
      {a.status === 'signed' ? <SurveyResults agreementId={a.id} /> : null}
      <Amendments a={a} />
      <Comments a={a} />
    </>
  );
}

/** /agreements/:id — the agreement for both parties: what was agreed, the signatures, the payments and what follows. */
export function AgreementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const title = useAgreementTitle();
  const agreement = useQuery({ queryKey: keys.agreements.one(id), queryFn: () => getAgreement(id), retry: false });
  const a = agreement.data;
  const heading = a ? title(a) : t('agreement.pageTitle');
  return <Page title={heading}>{agreement.error && !a ? <LoadError error={agreement.error} /> : a ? <AgreementBody a={a} /> : <Loading />}</Page>;
}
