import { useQuery } from '@tanstack/react-query';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CallRules } from '../../../domain/calls/types.ts';
import { listActivityTypes } from '../../catalogue/api.ts';
import { Checkbox, CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { RemoveRowButton } from '../../components/rows.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { keys } from '../../queryKeys.ts';
import { emptyActivity, NEW_KIND } from '../content.ts';
import type { ApplicationFormApi } from './shared.ts';

/**
 * The choices of an activity's type: the funder's catalogue (only the types the call names, if it
 * names any), then "a new kind of activity" (NEW_KIND) for one the association proposes.
 */
export function useActivityTypeOptions(funderId: string, allowed: readonly string[] = []) {
  const { t } = useTranslation();
  const types = useQuery({
    queryKey: keys.activityTypes(funderId),
    queryFn: () => listActivityTypes(funderId),
  });
  const lang = currentLanguage();
  const offered = (types.data?.activityTypes ?? []).filter((x) => !allowed.length || allowed.includes(x.key));
  return [...offered.map((x) => ({ value: x.key, label: lang === 'en' ? x.labelEn : x.labelSv })), { value: NEW_KIND, label: t('application.newKind') }];
}

export function ActivitiesStep({ f, call, funderId }: { f: ApplicationFormApi; call: CallRules; funderId: string }) {
  const { t } = useTranslation();
  const list = useFieldArray({ control: f.form.control, name: 'activities' });
  const options = useActivityTypeOptions(funderId, call.activityTypes);
  const activities = f.form.watch('activities');
  const listId = f.fieldId('activities');
  return (
    <CheckboxGroup
      id={listId}
      legend={t('application.fields.activities')}
      hint={t('application.hints.activities')}
      error={f.errors.fields.activities}
      layout="plain"
    >
      {list.fields.map((row, i) => (
        <fieldset key={row.id} className="row-fieldset">
          <legend className="legend-small">{t('application.activityN', { n: i + 1 })}</legend>
          <SelectField label={t('application.fields.kind')} placeholder={t('application.chooseKind')} options={options} {...f.field(`activities.${i}.kind`)} />
          {activities[i]?.kind === NEW_KIND ? (
            <TextField label={t('application.fields.proposedType')} hint={t('application.hints.proposedType')} {...f.field(`activities.${i}.proposedType`)} />
          ) : null}
          <TextAreaField label={t('application.fields.activityDescription')} optional rows={3} {...f.field(`activities.${i}.description`)} />
          <CheckboxGroup
            id={f.fieldId(`activities.${i}.targetGroups`)}
            legend={t('application.fields.targetGroups')}
            error={f.errors.fields[`activities.${i}.targetGroups`]}
          >
            {call.targetGroups.map((g) => (
              <Checkbox
                key={g}
                id={`${f.fieldId(`activities.${i}.targetGroups`)}-${g}`}
                value={g}
                label={t(`targetGroups.${g}`)}
                {...f.form.register(`activities.${i}.targetGroups`)}
              />
            ))}
          </CheckboxGroup>
          {call.targetAreas.length ? (
            <CheckboxGroup
              id={f.fieldId(`activities.${i}.areas`)}
              legend={t('application.fields.areas')}
              optional
              error={f.errors.fields[`activities.${i}.areas`]}
            >
              {call.targetAreas.map((a, j) => (
                <Checkbox key={a} id={`${f.fieldId(`activities.${i}.areas`)}-${j}`} value={a} label={a} {...f.form.register(`activities.${i}.areas`)} />
              ))}
            </CheckboxGroup>
          ) : (
            <TextField label={t('application.fields.areas')} hint={t('application.hints.areasText')} optional {...f.field(`activities.${i}.areasText`)} />
          )}
          <div className="field-row">
            <TextField label={t('application.fields.from')} type="date" className="input-medium" {...f.field(`activities.${i}.from`)} />
            <TextField label={t('application.fields.to')} type="date" className="input-medium" {...f.field(`activities.${i}.to`)} />
          </div>
          <TextField
            label={t('application.fields.expectedParticipants')}
            hint={t('application.hints.expectedParticipants')}
            inputMode="numeric"
            className="input-short"
            {...f.field(`activities.${i}.expectedParticipants`)}
          />
          <RemoveRowButton groupId={listId} onRemove={() => list.remove(i)}>
            {t('application.removeActivity', { n: i + 1 })}
          </RemoveRowButton>
        </fieldset>
      ))}
      <button
        id={`${listId}-add`}
        type="button"
        className="button button-secondary"
        onClick={() => list.append(emptyActivity(), { focusName: `activities.${list.fields.length}.kind` })}
      >
        {t('application.addActivity')}
      </button>
    </CheckboxGroup>
  );
}
