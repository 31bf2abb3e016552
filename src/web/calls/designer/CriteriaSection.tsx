import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, TextField } from '../../components/fields.tsx';
import { RemoveRowButton } from '../../components/rows.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { type DesignerForm, Group } from './parts.tsx';
import { newCriterion } from './values.ts';

function Criteria({ f }: { f: DesignerForm }) {
  const { t } = useTranslation();
  const rows = useFieldArray({ control: f.form.control, name: 'criteria', keyName: 'key' });
  const values = f.form.watch('criteria');
  const sum = values.reduce((s, c) => s + (/^\d+$/.test(c.weight.trim()) ? Number(c.weight.trim()) : 0), 0);
  const sumText = values.length ? (sum === 100 ? t('designer.criteria.sumOk') : t('designer.criteria.sum', { sum })) : '';
  const announced = useDebounced(sumText);
  const groupId = f.fieldId('criteria');
  return (
    <CheckboxGroup id={groupId} legend={t('designer.criteria.legend')} hint={t('designer.criteria.hint')} error={f.errors.fields.criteria} layout="plain">
      {rows.fields.map((row, i) => (
        <fieldset key={row.key} className="row-fieldset">
          <legend className="legend-small">{t('designer.criteria.n', { n: i + 1 })}</legend>
          <div className="field-row">
            <TextField label={t('designer.criteria.label')} {...f.field(`criteria.${i}.label`)} />
            <TextField label={t('designer.criteria.weight')} inputMode="numeric" className="input-short" {...f.field(`criteria.${i}.weight`)} />
          </div>
          <TextField label={t('designer.criteria.description')} optional {...f.field(`criteria.${i}.description`)} />
          <RemoveRowButton groupId={groupId} onRemove={() => rows.remove(i)}>
            {t('designer.criteria.remove', { n: i + 1 })}
          </RemoveRowButton>
        </fieldset>
      ))}
      {sumText ? (
        <p className={`running-sum${sum === 100 ? ' running-sum-ok' : ''}`} aria-hidden="true">
          {sumText}
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announced}
      </p>
      <button
        id={`${groupId}-add`}
        type="button"
        className="button button-secondary"
        onClick={() => rows.append(newCriterion(), { focusName: `criteria.${rows.fields.length}.label` })}
      >
        {t('designer.criteria.add')}
      </button>
    </CheckboxGroup>
  );
}

/** The assessment criteria and their weights. */
export function CriteriaSection({ f }: { f: DesignerForm }) {
  const { t } = useTranslation();
  return (
    <Group id="criteria" title={t('designer.groups.criteria')}>
      <Criteria f={f} />
    </Group>
  );
}
