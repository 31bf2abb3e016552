import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../../components/fields.tsx';
import { type DesignerForm, Group } from './parts.tsx';

/** What the call is called and says. */
export function BasicsSection({ f }: { f: DesignerForm }) {
  const { t } = useTranslation();
  return (
    <Group id="basics" title={t('designer.groups.basics')}>
      <TextField label={t('callFields.title')} {...f.field('title')} />
      <TextAreaField label={t('callFields.summary')} hint={t('designer.summaryHint')} rows={3} {...f.field('summary')} />
      <TextAreaField label={t('callFields.description')} hint={t('designer.descriptionHint')} optional rows={8} {...f.field('description')} />
    </Group>
  );
}
