import { useTranslation } from 'react-i18next';
import { pages } from '../../domain/calls/questions.ts';
import type { Question } from '../../domain/calls/types.ts';
import { Content } from '../components/Content.tsx';

function condition(q: Question, all: readonly Question[]) {
  if (!q.showIf) return null;
  const target = all.find((x) => x.id === q.showIf?.questionId);
  const option = target?.options?.find((o) => o.value === q.showIf?.equals);
  if (!target || !option) return null;
  return { question: target.label, answer: option.label };
}

/** The call's own questions as an applicant will meet them: page by page, with limits and conditions in words. */
export function QuestionsPreview({ questions, headingLevel = 3 }: { questions: readonly Question[]; headingLevel?: 3 | 4 }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE');
  const n = (x: number | undefined) => (x === undefined ? '' : number.format(x));
  if (questions.length === 0) return <p>{t('calls.questions.none')}</p>;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const grouped = pages(questions);
  return (
    <div className="questions-preview">
      {grouped.map((page) => (
        <section key={page[0].page} className="question-page" aria-labelledby={`question-page-${page[0].page}`}>
          <Heading id={`question-page-${page[0].page}`}>{t('calls.questions.page', { page: page[0].page, count: grouped.length })}</Heading>
          <ol className="question-list">
            {page.map((q) => {
              const cond = condition(q, questions);
              return (
                <li key={q.id} className="question-item">
                  <p className="question-label">
                    <Content>{q.label}</Content>
                    <span className="question-required"> ({q.required ? t('calls.questions.required') : t('calls.questions.optional')})</span>
                  </p>
                  {q.help ? (
                    <Content as="p" className="hint">
                      {q.help}
                    </Content>
                  ) : null}
                  <p className="question-meta">
                    {t(`questionTypes.${q.type}`)}
                    {q.maxWords ? `, ${t('calls.questions.maxWords', { count: q.maxWords })}` : ''}
                    {q.type === 'number' && q.min !== undefined && q.max !== undefined
                      ? `, ${t('calls.questions.between', { min: n(q.min), max: n(q.max) })}`
                      : ''}
                    {q.type === 'number' && q.min !== undefined && q.max === undefined ? `, ${t('calls.questions.atLeast', { min: n(q.min) })}` : ''}
                    {q.type === 'number' && q.min === undefined && q.max !== undefined ? `, ${t('calls.questions.atMost', { max: n(q.max) })}` : ''}
                  </p>
                  {q.options?.length ? (
                    <ul className="question-options">
                      {q.options.map((o) => (
                        <Content as="li" key={o.value}>
                          {o.label}
                        </Content>
                      ))}
                    </ul>
                  ) : null}
                  {cond ? <p className="question-condition">{t('calls.questions.shownWhen', cond)}</p> : null}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
