// An application's answers, read-only, in plain words: what was sent (a submitted or withdrawn
// application), or, on the check-your-answers page, what is about to be sent, with a link to change each.

import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { budgetTotal } from '../../domain/applications/rules.ts';
import { visibleQuestions } from '../../domain/calls/questions.ts';
import type { CallRules } from '../../domain/calls/types.ts';
import { formatDate, kr } from '../calls/format.ts';
import { listActivityTypes } from '../catalogue/api.ts';
import { currentLanguage } from '../i18n/index.ts';
import { fileUrl } from '../organisations/api.ts';
import { keys } from '../queryKeys.ts';
import type { ApplicationContent } from './api.ts';

/** Where to change the answer in a form field (the check-your-answers page), or null where nothing can be changed. */
type ChangeHref = ((field: string) => string) | null;
const ChangeContext = createContext<ChangeHref>(null);

/** "Ändra" with the answer it changes named for screen readers ("Ändra titel"), as GOV.UK's summary lists do. */
function ChangeLink({ field, label }: { field: string; label: string }) {
  const { t } = useTranslation();
  const href = useContext(ChangeContext);
  if (!href) return null;
  return (
    <Link to={href(field)} className="change-link">
      {t('check.change')}
      <span className="visually-hidden"> {label.toLocaleLowerCase()}</span>
    </Link>
  );
}

function Fact({ label, field, children }: { label: string; field?: string; children: React.ReactNode }) {
  const change = useContext(ChangeContext);
  return (
    <div>
      <dt>{label}</dt>
      <dd className="preserve-lines">{children}</dd>
      {change && field ? (
        <dd className="fact-action">
          <ChangeLink field={field} label={label} />
        </dd>
      ) : null}
    </div>
  );
}

/** A part's heading and, on the check page, a link to change the whole part (a list of activities, the budget's rows). */
function PartHeading({ title, field }: { title: string; field?: string }) {
  const change = useContext(ChangeContext);
  return change && field ? (
    <div className="part-heading">
      <h3>{title}</h3>
      <ChangeLink field={field} label={title} />
    </div>
  ) : (
    <h3>{title}</h3>
  );
}

export function ContentView({
  content: c,
  call,
  funderId,
  changeHref = null,
}: {
  content: ApplicationContent;
  call: CallRules;
  funderId: string;
  /** Given on the check-your-answers page: each answer gets a link to its field in the form. */
  changeHref?: ChangeHref;
}) {
  return (
    <ChangeContext.Provider value={changeHref}>
      <Content content={c} call={call} funderId={funderId} />
    </ChangeContext.Provider>
  );
}

function Content({ content: c, call, funderId }: { content: ApplicationContent; call: CallRules; funderId: string }) {
  const { t } = useTranslation();
  const change = useContext(ChangeContext);
  const types = useQuery({
    queryKey: keys.activityTypes(funderId),
    queryFn: () => listActivityTypes(funderId),
  });
  // Until the catalogue has loaded, no label rather than the type's key (a code is never shown as a word).
  const typeLabel = (key: string) => {
    if (!types.data) return '…';
    const found = types.data.activityTypes.find((x) => x.key === key);
    return found ? (currentLanguage() === 'en' ? found.labelEn : found.labelSv) : key;
  };
  const none = t('common.notGiven');
  const answers = visibleQuestions(call.questions, c.answers);
  return (
    <div className="content-view">
      <h3>{t('application.steps.assignment')}</h3>
      <dl className="facts">
        <Fact label={t('application.fields.title')} field="title">
          {c.title || none}
        </Fact>
        <Fact label={t('application.fields.description')} field="description">
          {c.description || none}
        </Fact>
        <Fact label={t('application.fields.complement')} field="complement">
          {c.complement || none}
        </Fact>
        <Fact label={t('application.fields.focusAreas')} field="focusAreas">
          {c.focusAreas.join(', ') || none}
        </Fact>
      </dl>
      <PartHeading title={t('application.steps.activities')} field="activities" />
      {c.activities.length ? (
        <ol className="spaced-list">
          {c.activities.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a submitted list never changes
            <li key={i}>
              <strong>{a.typeKey ? typeLabel(a.typeKey) : `${t('application.proposed')}: ${a.proposedType ?? ''}`}</strong>
              {a.description ? <p className="preserve-lines">{a.description}</p> : null}
              <p>
                {a.targetGroups.map((g) => t(`targetGroups.${g}`)).join(', ')}
                {a.areas.length ? ` · ${a.areas.join(', ')}` : ''}
                {a.from && a.to ? ` · ${formatDate(a.from)}–${formatDate(a.to)}` : ''}
                {a.expectedParticipants !== null ? ` · ${t('application.participants', { count: a.expectedParticipants })}` : ''}
              </p>
              {change ? (
                <p>
                  <ChangeLink field={`activities.${i}.typeKey`} label={t('application.activityN', { n: i + 1 })} />
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{none}</p>
      )}
      <PartHeading title={t('application.steps.budget')} field="budget" />
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-wrap" aria-label={t('application.fields.budget')} tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">{t('application.fields.budget')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('application.fields.budgetLabel')}</th>
              <th scope="col" className="numeric">
                {t('application.fields.budgetAmount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {c.budget.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a submitted list never changes
              <tr key={i}>
                <td>{r.label}</td>
                <td className="numeric">{kr(r.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('application.total')}</th>
              <td className="numeric">{kr(budgetTotal(c))}</td>
            </tr>
          </tfoot>
        </table>
      </section>
      <dl className="facts">
        <Fact label={t('application.fields.amountRequested')} field="amountRequested">
          {kr(c.amountRequested)}
        </Fact>
        <Fact label={t('application.fields.ownContribution')} field="ownContribution">
          {kr(c.ownContribution)}
        </Fact>
        <Fact label={t('application.fields.otherFunding')} field="otherFunding">
          {kr(c.otherFunding)}
        </Fact>
      </dl>
      <h3>{t('application.steps.people')}</h3>
      <dl className="facts">
        <Fact label={t('application.fields.partners')} field="partners">
          {c.partners.map((p) => `${p.name} (${p.orgNumber})${p.role ? `: ${p.role}` : ''}`).join('\n') || t('common.none')}
        </Fact>
        <Fact label={t('application.fields.contacts')} field="contacts">
          {c.contacts.map((p) => [p.name, p.email, p.phone].filter(Boolean).join(', ')).join('\n') || none}
        </Fact>
      </dl>
      <PartHeading title={t('application.steps.attachments')} field="attachments" />
      {c.attachments.length ? (
        <ul className="plain-list">
          {c.attachments.map((a) => (
            <li key={a.fileId}>
              {t(`attachments.${a.kind}`)}:{' '}
              <a href={fileUrl(a.fileId)} download>
                {a.name}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('common.none')}</p>
      )}
      {call.exclusions.length ? (
        <ul className="plain-list">
          {call.exclusions.map((e) => (
            <li key={e}>
              {c.declarations[e] ? '✓ ' : '– '}
              {t(`application.declaration.${e}`)}
            </li>
          ))}
          {change ? (
            <li>
              <ChangeLink field={`declarations.${call.exclusions[0]}`} label={t('check.fields.declarations')} />
            </li>
          ) : null}
        </ul>
      ) : null}
      {answers.length ? (
        <>
          <h3>{t('application.steps.questions')}</h3>
          <dl className="facts">
            {answers.map((q) => {
              const a = c.answers[q.id];
              const label = (v: string) => q.options?.find((o) => o.value === v)?.label ?? v;
              const text = Array.isArray(a)
                ? a.map(label).join(', ')
                : a === null || a === undefined || a === ''
                  ? none
                  : q.type.endsWith('choice')
                    ? label(String(a))
                    : String(a);
              return (
                <Fact key={q.id} label={q.label} field={`answers.${q.id}`}>
                  {text}
                </Fact>
              );
            })}
          </dl>
        </>
      ) : null}
    </div>
  );
}
