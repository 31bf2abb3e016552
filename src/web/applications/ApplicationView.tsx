// A submitted (or withdrawn) application, read-only: what was sent, in plain words.

import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { budgetTotal } from '../../domain/applications/rules.ts';
import { visibleQuestions } from '../../domain/calls/questions.ts';
import type { CallRules } from '../../domain/calls/types.ts';
import { formatDate, kr } from '../calls/format.ts';
import { listActivityTypes } from '../catalogue/api.ts';
import { currentLanguage } from '../i18n/index.ts';
import { fileUrl } from '../organisations/api.ts';
import { keys } from '../queryKeys.ts';
import type { ApplicationContent } from './api.ts';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className="preserve-lines">{children}</dd>
    </div>
  );
}

export function ContentView({ content: c, call, funderId }: { content: ApplicationContent; call: CallRules; funderId: string }) {
  const { t } = useTranslation();
  const types = useQuery({
    queryKey: keys.activityTypes(funderId),
    queryFn: () => listActivityTypes(funderId),
  });
  const typeLabel = (key: string) => {
    const found = types.data?.activityTypes.find((x) => x.key === key);
    return found ? (currentLanguage() === 'en' ? found.labelEn : found.labelSv) : key;
  };
  const none = t('common.notGiven');
  const answers = visibleQuestions(call.questions, c.answers);
  return (
    <div className="content-view">
      <h3>{t('application.steps.assignment')}</h3>
      <dl className="facts">
        <Fact label={t('application.fields.title')}>{c.title || none}</Fact>
        <Fact label={t('application.fields.description')}>{c.description || none}</Fact>
        <Fact label={t('application.fields.complement')}>{c.complement || none}</Fact>
        <Fact label={t('application.fields.focusAreas')}>{c.focusAreas.join(', ') || none}</Fact>
      </dl>
      <h3>{t('application.steps.activities')}</h3>
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
            </li>
          ))}
        </ol>
      ) : (
        <p>{none}</p>
      )}
      <h3>{t('application.steps.budget')}</h3>
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
        <Fact label={t('application.fields.amountRequested')}>{kr(c.amountRequested)}</Fact>
        <Fact label={t('application.fields.ownContribution')}>{kr(c.ownContribution)}</Fact>
        <Fact label={t('application.fields.otherFunding')}>{kr(c.otherFunding)}</Fact>
      </dl>
      <h3>{t('application.steps.people')}</h3>
      <dl className="facts">
        <Fact label={t('application.fields.partners')}>
          {c.partners.map((p) => `${p.name} (${p.orgNumber})${p.role ? `: ${p.role}` : ''}`).join('\n') || t('common.none')}
        </Fact>
        <Fact label={t('application.fields.contacts')}>{c.contacts.map((p) => [p.name, p.email, p.phone].filter(Boolean).join(', ')).join('\n') || none}</Fact>
      </dl>
      <h3>{t('application.steps.attachments')}</h3>
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
                <Fact key={q.id} label={q.label}>
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
