import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { budgetTotal } from '../../../domain/applications/rules.ts';
import type { CallRules } from '../../../domain/calls/types.ts';
import { amountInput, kr } from '../../calls/format.ts';
import { CheckboxGroup, TextField } from '../../components/fields.tsx';
import { RemoveRowButton } from '../../components/rows.tsx';
import { toContent } from '../content.ts';
import type { ApplicationFormApi } from './shared.ts';

/** A round amount within the call's own limits (about the middle), for the hints' example; null when it sets none. */
export function exampleAmount(call: Pick<CallRules, 'minAmount' | 'maxAmount' | 'amount'>): number | null {
  const top = call.maxAmount > 0 ? call.maxAmount : call.amount;
  if (top <= 0) return null;
  const middle = (call.minAmount + top) / 2;
  const unit = 10 ** Math.max(Math.floor(Math.log10(middle)) - 1, 2);
  return Math.min(Math.max(Math.floor(middle / unit) * unit, call.minAmount), top);
}

export function BudgetStep({ f, call }: { f: ApplicationFormApi; call: CallRules }) {
  const { t } = useTranslation();
  const list = useFieldArray({ control: f.form.control, name: 'budget' });
  const values = f.form.watch();
  const content = toContent(values, call);
  const total = budgetTotal(content);
  const financing = content.amountRequested + content.ownContribution + content.otherFunding;
  const listId = f.fieldId('budget');
  const example = exampleAmount(call);
  const kronorHint = example === null ? t('application.kronorOnly') : t('application.kronorHint', { example: amountInput(example) });
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
        hint={`${range} ${kronorHint}`}
        inputMode="decimal"
        className="input-medium"
        {...f.field('amountRequested')}
      />
      <TextField
        label={t('application.fields.ownContribution')}
        hint={kronorHint}
        inputMode="decimal"
        className="input-medium"
        {...f.field('ownContribution')}
      />
      <TextField label={t('application.fields.otherFunding')} hint={kronorHint} inputMode="decimal" className="input-medium" {...f.field('otherFunding')} />
      <p className={`running-sum${content.budget.length && financing === total ? ' running-sum-ok' : ''}`}>
        {t('application.financing', { financing: kr(financing), total: kr(total) })}
      </p>
    </>
  );
}
