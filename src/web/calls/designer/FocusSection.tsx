import { useTranslation } from 'react-i18next';
import { TARGET_GROUPS } from '../../../domain/calls/types.ts';
import type { ActivityType } from '../../catalogue/api.ts';
import { Checkbox, CheckboxGroup } from '../../components/fields.tsx';
import { type DesignerForm, Group, TextRows } from './parts.tsx';

/** What the call is for: focus areas, target groups and areas, activity types. */
export function FocusSection({ f, activityTypes }: { f: DesignerForm; activityTypes: ActivityType[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Group id="focus" title={t('designer.groups.focus')}>
      <TextRows
        f={f}
        name="focusAreas"
        legend={t('callFields.focusAreas')}
        hint={t('designer.focusAreasHint')}
        rowLabel={(n) => t('designer.focusAreaN', { n })}
        addLabel={t('designer.addFocusArea')}
        removeLabel={(n) => t('designer.removeFocusArea', { n })}
      />
      <CheckboxGroup id={f.fieldId('targetGroups')} legend={t('callFields.targetGroups')} error={f.errors.fields.targetGroups} optional>
        {TARGET_GROUPS.map((g) => (
          <Checkbox key={g} id={`call-targetGroups-${g}`} value={g} label={t(`targetGroups.${g}`)} {...f.form.register('targetGroups')} />
        ))}
      </CheckboxGroup>
      <TextRows
        f={f}
        name="targetAreas"
        legend={t('callFields.targetAreas')}
        hint={t('designer.targetAreasHint')}
        rowLabel={(n) => t('designer.targetAreaN', { n })}
        addLabel={t('designer.addTargetArea')}
        removeLabel={(n) => t('designer.removeTargetArea', { n })}
      />
      <CheckboxGroup
        id={f.fieldId('activityTypes')}
        legend={t('callFields.activityTypes')}
        hint={t('designer.activityTypesHint')}
        error={f.errors.fields.activityTypes}
        optional
      >
        {activityTypes.map((a) => (
          <Checkbox key={a.key} id={`call-activityTypes-${a.key}`} value={a.key} label={en ? a.labelEn : a.labelSv} {...f.form.register('activityTypes')} />
        ))}
      </CheckboxGroup>
    </Group>
  );
}
