import { useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { QUESTION_TYPES, type QuestionType } from '../../../domain/calls/types.ts';
import { Checkbox, CheckboxGroup, SelectField, TextField } from '../../components/fields.tsx';
import { RemoveRowButton } from '../../components/rows.tsx';
import type { useAppForm } from '../../components/useAppForm.ts';
import { QuestionsPreview } from '../QuestionsPreview.tsx';
import { CHOICE_TYPES, type DesignerValues, newOption, newQuestion, TEXT_TYPES, toRules } from './values.ts';

type Form = ReturnType<typeof useAppForm<DesignerValues>>;

function OptionsEditor({ f, index }: { f: Form; index: number }) {
  const { t } = useTranslation();
  const name = `questions.${index}.options` as const;
  const options = useFieldArray({ control: f.form.control, name });
  const groupId = f.fieldId(name);
  return (
    <CheckboxGroup
      id={groupId}
      legend={t('designer.questions.options')}
      hint={t('designer.questions.optionsHint')}
      error={f.errors.fields[name]}
      layout="stack"
    >
      {options.fields.map((row, j) => (
        <div key={row.id} className="row-with-action">
          <TextField label={t('designer.questions.optionN', { n: j + 1 })} {...f.field(`questions.${index}.options.${j}.label`)} />
          <RemoveRowButton groupId={groupId} onRemove={() => options.remove(j)}>
            {t('designer.questions.removeOption', { n: j + 1 })}
          </RemoveRowButton>
        </div>
      ))}
      <div>
        <button
          id={`${groupId}-add`}
          type="button"
          className="button button-secondary button-small"
          onClick={() => options.append(newOption(f.form.getValues(name)), { focusName: `${name}.${options.fields.length}.label` })}
        >
          {t('designer.questions.addOption')}
        </button>
      </div>
    </CheckboxGroup>
  );
}

/**
 * The call's own questions: add, remove and reorder them, choose the kind of
 * answer, limits, choices, the page they are on, and a condition on an earlier
 * choice question's answer.
 */
export function QuestionsBuilder({ f }: { f: Form }) {
  const { t } = useTranslation();
  const questions = useFieldArray({ control: f.form.control, name: 'questions', keyName: 'key' });
  const values = f.form.watch('questions');
  const [said, setSaid] = useState('');
  const addId = f.fieldId('questions.add');

  const move = (from: number, to: number) => {
    questions.move(from, to);
    setSaid(t('designer.questions.moved', { from: from + 1, to: to + 1 }));
    requestAnimationFrame(() => {
      const same = document.getElementById(f.fieldId(`questions.${to}.${to < from ? 'up' : 'down'}`)) as HTMLButtonElement | null;
      const other = document.getElementById(f.fieldId(`questions.${to}.${to < from ? 'down' : 'up'}`)) as HTMLButtonElement | null;
      (same && !same.disabled ? same : other)?.focus();
    });
  };

  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {said}
      </p>
      {questions.fields.length === 0 ? <p>{t('designer.questions.none')}</p> : null}
      <ol className="question-builder">
        {questions.fields.map((row, i) => {
          const q = values[i] ?? row;
          const type = q.type as QuestionType;
          const earlier = values
            .slice(0, i)
            .map((x, j) => ({ x, j }))
            .filter(({ x }) => CHOICE_TYPES.includes(x.type));
          const target = values.find((x) => x.id === q.showIfQuestion);
          const base = `questions.${i}` as const;
          return (
            <li key={row.key} className="question-card">
              <fieldset className="row-fieldset">
                <legend className="legend-heading">
                  <h3>{t('designer.questions.questionN', { n: i + 1 })}</h3>
                </legend>
                <SelectField
                  label={t('designer.questions.type')}
                  options={QUESTION_TYPES.map((value) => ({ value, label: t(`questionTypes.${value}`) }))}
                  {...f.field(`${base}.type`)}
                  {...f.form.register(`${base}.type`, {
                    onChange: (event: { target: { value: string } }) => {
                      const next = event.target.value as QuestionType;
                      if (CHOICE_TYPES.includes(next) && f.form.getValues(`${base}.options`).length === 0) {
                        f.form.setValue(`${base}.options`, [
                          { value: 'o1', label: '' },
                          { value: 'o2', label: '' },
                        ]);
                      }
                    },
                  })}
                />
                <TextField label={t('designer.questions.label')} {...f.field(`${base}.label`)} />
                <TextField label={t('designer.questions.help')} optional {...f.field(`${base}.help`)} />
                <div className="field">
                  <Checkbox id={f.fieldId(`${base}.required`)} label={t('designer.questions.required')} {...f.form.register(`${base}.required`)} />
                </div>
                <TextField
                  label={t('designer.questions.page')}
                  hint={t('designer.questions.pageHint')}
                  inputMode="numeric"
                  className="input-short"
                  {...f.field(`${base}.page`)}
                />
                {TEXT_TYPES.includes(type) ? (
                  <TextField label={t('designer.questions.maxWords')} optional inputMode="numeric" className="input-short" {...f.field(`${base}.maxWords`)} />
                ) : null}
                {type === 'number' ? (
                  <div className="field-row">
                    <TextField label={t('designer.questions.min')} optional inputMode="decimal" className="input-short" {...f.field(`${base}.min`)} />
                    <TextField label={t('designer.questions.max')} optional inputMode="decimal" className="input-short" {...f.field(`${base}.max`)} />
                  </div>
                ) : null}
                {CHOICE_TYPES.includes(type) ? <OptionsEditor f={f} index={i} /> : null}
                {/* A condition needs an earlier choice question; the first questions have none to offer. */}
                {earlier.length || q.showIfQuestion || f.errors.fields[`${base}.showIf`] ? (
                  <CheckboxGroup
                    id={f.fieldId(`${base}.showIf`)}
                    legend={t('designer.questions.showIf')}
                    hint={t('designer.questions.showIfHint')}
                    error={f.errors.fields[`${base}.showIf`]}
                    optional
                    layout="plain"
                  >
                    <div className="field-row">
                      <SelectField
                        label={t('designer.questions.showIfQuestion')}
                        placeholder={t('designer.questions.always')}
                        options={earlier.map(({ x, j }) => ({ value: x.id, label: `${j + 1}. ${x.label || t('designer.questions.noText')}` }))}
                        {...f.field(`${base}.showIfQuestion`)}
                        {...f.form.register(`${base}.showIfQuestion`, { onChange: () => f.form.setValue(`${base}.showIfEquals`, '') })}
                      />
                      <SelectField
                        label={t('designer.questions.showIfEquals')}
                        placeholder={t('designer.questions.chooseAnswerOption')}
                        options={(target?.options ?? []).filter((o) => o.label.trim()).map((o) => ({ value: o.value, label: o.label }))}
                        disabled={!q.showIfQuestion}
                        {...f.field(`${base}.showIfEquals`)}
                      />
                    </div>
                  </CheckboxGroup>
                ) : null}
                <div className="actions actions-small">
                  <button
                    id={f.fieldId(`${base}.up`)}
                    type="button"
                    className="button button-secondary button-small"
                    disabled={i === 0}
                    onClick={() => move(i, i - 1)}
                  >
                    {t('designer.questions.up')}
                    <span className="visually-hidden"> {t('designer.questions.whichQuestion', { n: i + 1 })}</span>
                  </button>
                  <button
                    id={f.fieldId(`${base}.down`)}
                    type="button"
                    className="button button-secondary button-small"
                    disabled={i === questions.fields.length - 1}
                    onClick={() => move(i, i + 1)}
                  >
                    {t('designer.questions.down')}
                    <span className="visually-hidden"> {t('designer.questions.whichQuestion', { n: i + 1 })}</span>
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small button-danger"
                    onClick={() => {
                      questions.remove(i);
                      setSaid(t('designer.questions.removed', { n: i + 1 }));
                      document.getElementById(addId)?.focus();
                    }}
                  >
                    {t('designer.questions.remove', { n: i + 1 })}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        id={addId}
        type="button"
        className="button button-secondary"
        onClick={() => {
          const last = values.at(-1);
          questions.append(newQuestion(last ? Number(last.page) || 1 : 1), { focusName: `questions.${questions.fields.length}.label` });
        }}
      >
        {t('designer.questions.add')}
      </button>
      {values.length ? (
        <details className="preview">
          <summary>{t('designer.questions.preview')}</summary>
          <QuestionsPreview questions={toRules(f.form.getValues()).rules.questions} headingLevel={4} />
        </details>
      ) : null}
    </>
  );
}
