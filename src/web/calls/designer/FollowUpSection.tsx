import { useTranslation } from 'react-i18next';
import { AGREEMENT_KINDS } from '../../../domain/agreements.ts';
import { Checkbox, CheckboxGroup, Radio, TextAreaField, TextField } from '../../components/fields.tsx';
import { type DesignerForm, Group, TextRows } from './parts.tsx';

/** What a grantee reports afterwards, and the agreement a grant leads to. */
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
      <CheckboxGroup
        id={f.fieldId('agreementKind')}
        legend={t('designer.agreementKind')}
        hint={t('designer.agreementKindHint')}
        error={f.errors.fields.agreementKind}
        layout="stack"
      >
        {AGREEMENT_KINDS.map((k) => (
          <Radio key={k} id={`call-agreementKind-${k}`} value={k} label={t(`designer.agreementKinds.${k}`)} {...f.form.register('agreementKind')} />
        ))}
      </CheckboxGroup>
      <TextRows
        f={f}
        name="agreementPartners"
        legend={t('designer.partners')}
        hint={t('designer.partnersHint')}
        rowLabel={(n) => t('designer.partnerN', { n })}
        addLabel={t('designer.addPartner')}
        removeLabel={(n) => t('designer.removePartner', { n })}
      />
    </Group>
  );
}
