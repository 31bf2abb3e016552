import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CallRules } from '../../domain/calls/types.ts';
import { formatDateTime } from '../audit/AuditTrail.tsx';
import { listActivityTypes } from '../catalogue/api.ts';
import { Content } from '../components/Content.tsx';
import { keys } from '../queryKeys.ts';
import type { Amendment, CallDetail } from './api.ts';
import { describeChange } from './changes.ts';
import { formatDate, kr } from './format.ts';
import { QuestionsPreview } from './QuestionsPreview.tsx';

/** The catalogue's labels for a funder, in the reader's language. */
export function useActivityLabels(funderId: string | undefined) {
  const { i18n } = useTranslation();
  const query = useQuery({
    queryKey: keys.activityTypes(funderId ?? null),
    queryFn: () => listActivityTypes(funderId),
    staleTime: 60_000,
  });
  const en = i18n.language === 'en';
  const types = query.data?.activityTypes ?? [];
  return {
    types,
    label: (key: string) => {
      const type = types.find((x) => x.key === key);
      return type ? (en ? type.labelEn : type.labelSv) : key;
    },
  };
}

/** The amendments of a published call, newest first: when, why, and what changed. */
export function AmendmentList({ amendments, funderId, headingLevel = 3 }: { amendments: Amendment[]; funderId: string; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const { label: activityLabel } = useActivityLabels(funderId);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  if (amendments.length === 0) return <p>{t('calls.amendments.none')}</p>;
  return (
    <ol className="amendment-list">
      {[...amendments].reverse().map((a) => (
        <li key={a.version} className="amendment">
          <Heading className="amendment-title">
            {t('calls.amendments.title', { version: a.version - 1 })}
            <span className="amendment-date">
              {' – '}
              <time dateTime={a.at}>{formatDateTime(a.at)}</time>
            </span>
          </Heading>
          <p>
            <strong>{t('calls.amendments.reason')}:</strong> <Content>{a.reason}</Content>
          </p>
          <p className="amendment-changed-heading">{t('calls.amendments.changed')}</p>
          <ul className="amendment-changes">
            {a.changed.map((key) => {
              const c = describeChange(t, key, a.changes[key] ?? { before: null, after: null }, activityLabel);
              return (
                <li key={key}>
                  {c.before !== null && c.after !== null ? t('calls.amendments.fromTo', { label: c.label, before: c.before, after: c.after }) : c.label}
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function paragraphs(text: string) {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function amountRange(t: TFunction, rules: CallRules) {
  if (rules.minAmount && rules.maxAmount) return t('calls.rangeBoth', { min: kr(rules.minAmount), max: kr(rules.maxAmount) });
  if (rules.maxAmount) return t('calls.rangeMax', { max: kr(rules.maxAmount) });
  if (rules.minAmount) return t('calls.rangeMin', { min: kr(rules.minAmount) });
  return t('common.notGiven');
}

/** The rules of a call in plain words, section by section (the public call page). */
export function CallRulesView({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const { label: activityLabel } = useActivityLabels(call.funderId);
  const r = call.rules;
  return (
    <>
      <dl className="facts call-facts">
        <div>
          <dt>{t('callFields.funder')}</dt>
          <dd>
            <Content>{call.funderName}</Content>
          </dd>
        </div>
        <div>
          <dt>{t('callFields.amount')}</dt>
          <dd>{kr(r.amount)}</dd>
        </div>
        <div>
          <dt>{t('calls.perApplication')}</dt>
          <dd>{amountRange(t, r)}</dd>
        </div>
        <div>
          <dt>{t('callFields.grantPeriodMonths')}</dt>
          <dd>{t('calls.grantPeriodText', { count: r.grantPeriodMonths })}</dd>
        </div>
        {r.opensOn ? (
          <div>
            <dt>{t('callFields.opensOn')}</dt>
            <dd>{formatDate(r.opensOn)}</dd>
          </div>
        ) : null}
        {r.deadline ? (
          <div>
            <dt>{t('callFields.deadline')}</dt>
            <dd>{t('calls.deadlineValue', { date: formatDate(r.deadline) })}</dd>
          </div>
        ) : null}
        {call.budgetLine ? (
          <div>
            <dt>{t('calls.fundedFrom')}</dt>
            <dd>
              <Content>
                {call.budgetLine.programmeName} – {call.budgetLine.name}
              </Content>
            </dd>
          </div>
        ) : null}
      </dl>

      {paragraphs(r.description).length ? (
        <section className="section" aria-labelledby="about-heading">
          <h2 id="about-heading">{t('calls.sections.about')}</h2>
          {paragraphs(r.description).map((p) => (
            <Content as="p" key={p}>
              {p}
            </Content>
          ))}
        </section>
      ) : null}

      <section className="section" aria-labelledby="who-heading">
        <h2 id="who-heading">{t('calls.sections.who')}</h2>
        {r.eligibleForms.length ? (
          <>
            <p>{t('calls.whoIntro')}</p>
            <ul>
              {r.eligibleForms.map((f) => (
                <li key={f}>{t(`legalForms.${f}`)}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('common.notGiven')}</p>
        )}
        {r.requiresEligibilityApproval ? <p>{t('calls.requiresApproval', { funder: call.funderName })}</p> : null}
      </section>

      {r.exclusions.length ? (
        <section className="section" aria-labelledby="not-heading">
          <h2 id="not-heading">{t('calls.sections.notFunded')}</h2>
          <p>{t('calls.notFundedIntro')}</p>
          <ul className="spaced-list">
            {r.exclusions.map((x) => (
              <li key={x}>{t(`exclusions.${x}.long`)}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="section" aria-labelledby="focus-heading">
        <h2 id="focus-heading">{t('calls.sections.focus')}</h2>
        {r.focusAreas.length ? (
          <>
            <h3>{t('callFields.focusAreas')}</h3>
            <ul>
              {r.focusAreas.map((a) => (
                <Content as="li" key={a}>
                  {a}
                </Content>
              ))}
            </ul>
          </>
        ) : null}
        {r.targetGroups.length ? (
          <>
            <h3>{t('callFields.targetGroups')}</h3>
            <p>{r.targetGroups.map((g) => t(`targetGroups.${g}`)).join(', ')}</p>
          </>
        ) : null}
        {r.targetAreas.length ? (
          <>
            <h3>{t('callFields.targetAreas')}</h3>
            <Content as="p">{r.targetAreas.join(', ')}</Content>
          </>
        ) : null}
        <h3>{t('callFields.activityTypes')}</h3>
        {r.activityTypes.length ? (
          <ul>
            {r.activityTypes.map((a) => (
              <li key={a}>{activityLabel(a)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('calls.anyActivity')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="attachments-heading">
        <h2 id="attachments-heading">{t('calls.sections.attachments')}</h2>
        {r.requiredAttachments.length ? (
          <ul>
            {r.requiredAttachments.map((a) => (
              <li key={a}>{t(`attachments.${a}`)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('calls.noAttachments')}</p>
        )}
      </section>

      {r.criteria.length ? (
        <section className="section" aria-labelledby="criteria-heading">
          <h2 id="criteria-heading">{t('calls.sections.criteria')}</h2>
          <p>{t('calls.criteriaIntro')}</p>
          <ul className="criteria-list">
            {r.criteria.map((c) => (
              <li key={c.id}>
                <Content className="criterion-label">{c.label}</Content>
                <span className="criterion-weight">{t('calls.weight', { weight: c.weight })}</span>
                {c.description ? <Content className="criterion-description">{c.description}</Content> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="section" aria-labelledby="followup-heading">
        <h2 id="followup-heading">{t('calls.sections.followUp')}</h2>
        <p>{t('calls.followUpIntro', { count: r.followUp.reportDueMonths })}</p>
        <ul className="spaced-list">
          <li>{t('calls.followUpActivities')}</li>
          {r.followUp.requireFinancialReport ? <li>{t('calls.followUpFinancial')}</li> : null}
          {r.followUp.requireParticipantSurvey ? <li>{t('calls.followUpSurvey')}</li> : null}
        </ul>
        {r.followUp.notes ? <Content as="p">{r.followUp.notes}</Content> : null}
      </section>

      <section className="section" aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t('calls.sections.questions')}</h2>
        <p>{t('calls.questionsIntro')}</p>
        <QuestionsPreview questions={r.questions} />
      </section>
    </>
  );
}
