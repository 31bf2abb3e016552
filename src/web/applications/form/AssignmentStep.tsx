import { useTranslation } from 'react-i18next';
import type { CallRules } from '../../../domain/calls/types.ts';
import { Checkbox, CheckboxGroup, TextAreaField, TextField } from '../../components/fields.tsx';
import type { ApplicationFormApi } from './shared.ts';

export function AssignmentStep({ f, call }: { f: ApplicationFormApi; call: CallRules }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField label={t('application.fields.title')} hint={t('application.hints.title')} {...f.field('title')} />
      <TextAreaField label={t('application.fields.description')} hint={t('application.hints.description')} rows={6} {...f.field('description')} />
      <TextAreaField label={t('application.fields.complement')} hint={t('application.hints.complement')} rows={5} {...f.field('complement')} />
      {call.focusAreas.length ? (
        <CheckboxGroup
          id={f.fieldId('focusAreas')}
          legend={t('application.fields.focusAreas')}
          hint={t('application.hints.focusAreas')}
          error={f.errors.fields.focusAreas}
        >
          {call.focusAreas.map((area, i) => (
            <Checkbox key={area} id={`${f.fieldId('focusAreas')}-${i}`} value={area} label={area} {...f.form.register('focusAreas')} />
          ))}
        </CheckboxGroup>
      ) : null}
    </>
  );
}
