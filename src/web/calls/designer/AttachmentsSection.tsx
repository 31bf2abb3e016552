import { useTranslation } from 'react-i18next';
import { ATTACHMENT_KINDS } from '../../../domain/calls/types.ts';
import { Checkbox, CheckboxGroup } from '../../components/fields.tsx';
import { type DesignerForm, Group } from './parts.tsx';

/** The attachments every application must have. */
export function AttachmentsSection({ f }: { f: DesignerForm }) {
  const { t } = useTranslation();
  return (
    <Group id="attachments" title={t('designer.groups.attachments')}>
      <CheckboxGroup id={f.fieldId('requiredAttachments')} legend={t('callFields.requiredAttachments')} error={f.errors.fields.requiredAttachments} optional>
        {ATTACHMENT_KINDS.map((a) => (
          <Checkbox key={a} id={`call-requiredAttachments-${a}`} value={a} label={t(`attachments.${a}`)} {...f.form.register('requiredAttachments')} />
        ))}
      </CheckboxGroup>
    </Group>
  );
}
