import { useTranslation } from 'react-i18next';
import { Checkbox, TextAreaField, TextField } from '../../components/fields.tsx';
import { type DesignerForm, Group } from './parts.tsx';

/** What a grantee reports afterwards. */
export function FollowUpSection({ f }: { f: DesignerForm }) {
  const { t } = useTranslation();
  return (
    <Group id="followUp" title={t('designer.groups.followUp')} intro={t('designer.followUpIntro')}>
      <TextField
        label={t('callFields.reportDueMonths')}
        hint={t('designer.reportDueHint')}
        inputMode="numeric"
        className="input-short"
        {...f.field('followUp.reportDueMonths')}
      />
      <div className="field stack">
        <Checkbox
          id={f.fieldId('followUp.requireFinancialReport')}
          label={t('designer.requireFinancialReport')}
          {...f.form.register('followUp.requireFinancialReport')}
        />
        <Checkbox
          id={f.fieldId('followUp.requireParticipantSurvey')}
          label={t('designer.requireParticipantSurvey')}
          {...f.form.register('followUp.requireParticipantSurvey')}
        />
      </div>
      <TextAreaField label={t('designer.followUpNotes')} optional rows={3} {...f.field('followUp.notes')} />
    </Group>
  );
}
