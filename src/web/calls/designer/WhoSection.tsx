import { useTranslation } from 'react-i18next';
import { EXCLUSIONS } from '../../../domain/calls/types.ts';
import { LEGAL_FORMS } from '../../../domain/organisation.ts';
import { Checkbox, CheckboxGroup } from '../../components/fields.tsx';
import { type DesignerForm, Group } from './parts.tsx';

/** Who may apply: legal forms, exclusions and whether an eligibility approval is needed. */
export function WhoSection({ f }: { f: DesignerForm }) {
  const { t } = useTranslation();
  return (
    <Group id="who" title={t('designer.groups.who')}>
      <CheckboxGroup
        id={f.fieldId('eligibleForms')}
        legend={t('callFields.eligibleForms')}
        hint={t('designer.eligibleFormsHint')}
        error={f.errors.fields.eligibleForms}
      >
        {LEGAL_FORMS.map((form) => (
          <Checkbox key={form} id={`call-eligibleForms-${form}`} value={form} label={t(`legalForms.${form}`)} {...f.form.register('eligibleForms')} />
        ))}
      </CheckboxGroup>
      <CheckboxGroup
        id={f.fieldId('exclusions')}
        legend={t('callFields.exclusions')}
        hint={t('designer.exclusionsHint')}
        error={f.errors.fields.exclusions}
        layout="stack"
        optional
      >
        {EXCLUSIONS.map((x) => (
          <Checkbox key={x} id={`call-exclusions-${x}`} value={x} label={t(`exclusions.${x}.long`)} {...f.form.register('exclusions')} />
        ))}
      </CheckboxGroup>
      <div className="field">
        <Checkbox id={f.fieldId('requiresEligibilityApproval')} label={t('designer.requiresApproval')} {...f.form.register('requiresEligibilityApproval')} />
      </div>
    </Group>
  );
}
