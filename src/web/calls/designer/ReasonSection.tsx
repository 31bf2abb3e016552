import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../components/fields.tsx';
import { type DesignerForm, Group } from './parts.tsx';

/** Why a published call is amended (the amendment's reason, shown to applicants). */
export function ReasonSection({ f }: { f: DesignerForm }) {
  const { t } = useTranslation();
  return (
    <Group id="reason" title={t('designer.groups.reason')}>
      <TextAreaField label={t('designer.reason')} hint={t('designer.reasonHint')} rows={3} {...f.field('reason')} />
    </Group>
  );
}
