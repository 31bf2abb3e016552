import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/fields.tsx';
import { type DesignerForm, Group } from './parts.tsx';

/** When the call opens and closes, and how long a grant runs. */
export function DatesSection({ f }: { f: DesignerForm }) {
  const { t } = useTranslation();
  return (
    <Group id="dates" title={t('designer.groups.dates')}>
      <div className="field-row">
        <TextField label={t('callFields.opensOn')} type="date" className="input-medium" {...f.field('opensOn')} />
        <TextField label={t('callFields.deadline')} hint={t('designer.deadlineHint')} type="date" className="input-medium" {...f.field('deadline')} />
      </div>
      <TextField
        label={t('callFields.grantPeriodMonths')}
        hint={t('designer.grantPeriodHint')}
        inputMode="numeric"
        className="input-short"
        {...f.field('grantPeriodMonths')}
      />
    </Group>
  );
}
