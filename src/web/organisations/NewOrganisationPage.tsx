import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LEGAL_FORMS } from '../../domain/organisation.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { Page, RestoredNotice } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { collect, fieldError, orgNumber, required } from '../components/validation.ts';
import { safeNext, useSessionChange } from '../session.ts';
import { createOrganisation, type LegalForm } from './api.ts';

interface Values {
  orgNumber: string;
  name: string;
  legalForm: string;
  municipality: string;
}

/** Registers an organisation by its organisationsnummer; the one registering becomes its first member. */
export function NewOrganisationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const sessionChanged = useSessionChange();
  const f = useAppForm<Values>({
    id: 'organisation',
    defaultValues: { orgNumber: '', name: '', legalForm: '', municipality: '' },
    fields: ['orgNumber', 'name', 'legalForm', 'municipality'],
    draftKey: 'organisation-new',
    validate: (v) =>
      collect(
        required(v, 'orgNumber', 'name'),
        orgNumber('orgNumber', v.orgNumber, v.legalForm),
        v.legalForm ? [] : [fieldError('legalForm', 'legal_form_invalid')],
      ),
  });

  const submit = f.onSubmit(async (v) => {
    const org = await createOrganisation({
      orgNumber: v.orgNumber.trim(),
      name: v.name.trim(),
      legalForm: v.legalForm as LegalForm,
      ...(v.municipality.trim() ? { municipality: v.municipality.trim() } : {}),
    });
    // The new membership is part of the session's view of the user.
    await sessionChanged();
    // Registering on the way to something else (an application, say) goes back there.
    navigate(safeNext(params.get('next'), `/organisations/${org.id}`), { state: { flash: 'organisationRegistered', flashValues: { name: org.name } } });
  });

  return (
    <Page title={t('organisation.newTitle')}>
      <p className="lead">{t('organisation.newIntro')}</p>
      <RestoredNotice restored={f.restored} />
      <div className="narrow">
        <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
        <form onSubmit={submit} noValidate className="form">
          <TextField
            label={t('fields.orgNumber')}
            hint={t('organisation.orgNumberHint')}
            autoComplete="off"
            spellCheck={false}
            className="input-medium"
            {...f.field('orgNumber')}
          />
          <TextField label={t('fields.organisationName')} autoComplete="organization" {...f.field('name')} />
          <SelectField
            label={t('fields.legalForm')}
            placeholder={t('organisation.chooseLegalForm')}
            options={LEGAL_FORMS.map((value) => ({ value, label: t(`legalForms.${value}`) }))}
            {...f.field('legalForm')}
          />
          <TextField label={t('fields.municipality')} optional autoComplete="address-level2" className="input-medium" {...f.field('municipality')} />
          <div className="actions">
            <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
              {t('organisation.submit')}
            </button>
          </div>
        </form>
      </div>
    </Page>
  );
}
