import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { budgetTotal } from '../../../domain/applications/rules.ts';
import type { CallRules } from '../../../domain/calls/types.ts';
import { kr } from '../../calls/format.ts';
import { CheckboxGroup, TextField } from '../../components/fields.tsx';
import { RemoveRowButton } from '../../components/rows.tsx';
import { toContent } from '../content.ts';
import type { ApplicationFormApi } from './shared.ts';

export function BudgetStep({ f, call }: { f: ApplicationFormApi; call: CallRules }) {
  const { t } = useTranslation();
  const list = useFieldArray({ control: f.form.control, name: 'budget' });
  const values = f.form.watch();
  const content = toContent(values, call);
  const total = budgetTotal(content);
  const financing = content.amountRequested + content.ownContribution + content.otherFunding;
  const listId = f.fieldId('budget');
  const range =
    call.maxAmount > 0 ? t('application.range', { min: kr(call.minAmount), max: kr(call.maxAmount) }) : t('application.rangeMin', { min: kr(call.minAmount) });
  return (
    <>
      <CheckboxGroup id={listId} legend={t('application.fields.budget')} hint={t('application.hints.budget')} error={f.errors.fields.budget} layout="plain">
        {list.fields.map((row, i) => (
          <fieldset key={row.id} className="row-fieldset">
            <legend className="legend-small">{t('application.budgetRowN', { n: i + 1 })}</legend>
            <div className="field-row">
              <TextField label={t('application.fields.budgetLabel')} {...f.field(`budget.${i}.label`)} />
              <TextField label={t('application.fields.budgetAmount')} inputMode="decimal" className="input-medium" {...f.field(`budget.${i}.amount`)} />
            </div>
            <RemoveRowButton groupId={listId} onRemove={() => list.remove(i)}>
              {t('application.removeBudgetRow', { n: i + 1 })}
            </RemoveRowButton>
          </fieldset>
        ))}
        <button
          id={`${listId}-add`}
          type="button"
          className="button button-secondary"
          onClick={() => list.append({ label: '', amount: '' }, { focusName: `budget.${list.fields.length}.label` })}
        >
          {t('application.addBudgetRow')}
        </button>
        <p className="running-sum">{t('application.budgetTotal', { total: kr(total) })}</p>
      </CheckboxGroup>
      <TextField
        label={t('application.fields.amountRequested')}
        hint={`${range} ${t('form.kronorHint')}`}
        inputMode="decimal"
        className="input-medium"
        {...f.field('amountRequested')}
      />
      <TextField
        label={t('application.fields.ownContribution')}
        hint={t('form.kronorHint')}
        inputMode="decimal"
        className="input-medium"
        {...f.field('ownContribution')}
      />
      <TextField
        label={t('application.fields.otherFunding')}
        hint={t('form.kronorHint')}
        inputMode="decimal"
        className="input-medium"
        {...f.field('otherFunding')}
      />
      <p className={`running-sum${content.budget.length && financing === total ? ' running-sum-ok' : ''}`}>
        {t('application.financing', { financing: kr(financing), total: kr(total) })}
      </p>
    </>
  );
}
