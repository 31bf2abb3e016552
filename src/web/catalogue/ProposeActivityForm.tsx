import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { SelectField, TextAreaField, TextField } from '../components/fields.tsx';
import { LoadError, Loading, Success } from '../components/page.tsx';
import { useAppForm } from '../components/useAppForm.ts';
import { useFunders } from '../components/useFunders.ts';
import { collect, localFieldError, required } from '../components/validation.ts';
import { proposeActivityType } from './api.ts';

/** An association proposes a new kind of activity to a funder's catalogue (the catalogue stays open). */
export function ProposeActivityForm({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const funders = useFunders();
  const [sent, setSent] = useState<{ label: string; funder: string } | null>(null);
  const f = useAppForm<{ funderId: string; label: string; description: string }>({
    id: 'proposal',
    defaultValues: { funderId: '', label: '', description: '' },
    fields: ['funderId', 'label', 'description'],
    draftKey: `proposal-${organisationId}`,
    validate: (v) => collect(v.funderId ? [] : [localFieldError('funderId', 'eligibility.chooseFunderError')], required(v, 'label')),
  });
  const submit = f.onSubmit(async (v) => {
    setSent(null);
    await proposeActivityType({
      funderId: v.funderId,
      organisationId,
      label: v.label.trim(),
      ...(v.description.trim() ? { description: v.description.trim() } : {}),
    });
    setSent({ label: v.label.trim(), funder: funders.data?.funders.find((x) => x.id === v.funderId)?.name ?? '' });
    f.form.reset({ funderId: v.funderId, label: '', description: '' });
  });
  return (
    <section className="section" aria-labelledby="propose-heading">
      <h2 id="propose-heading">{t('catalogue.proposeHeading')}</h2>
      <p>{t('catalogue.proposeIntro')}</p>
      {funders.isPending ? (
        <Loading />
      ) : funders.error ? (
        <LoadError error={funders.error} />
      ) : (
        <div className="narrow">
          <ErrorSummary errors={f.errors} items={f.summaryItems()} ref={f.summaryRef} />
          {sent ? <Success>{t('catalogue.proposed', sent)}</Success> : null}
          <form onSubmit={submit} noValidate className="form">
            <SelectField
              label={t('catalogue.proposeFunder')}
              placeholder={t('eligibility.chooseFunder')}
              options={funders.data.funders.map((x) => ({ value: x.id, label: x.name }))}
              {...f.field('funderId')}
            />
            <TextField label={t('catalogue.proposeLabel')} hint={t('catalogue.proposeLabelHint')} {...f.field('label')} />
            <TextAreaField
              label={t('catalogue.proposeDescription')}
              hint={t('catalogue.proposeDescriptionHint')}
              optional
              rows={4}
              {...f.field('description')}
            />
            <div className="actions">
              <button type="submit" className="button" disabled={f.form.formState.isSubmitting}>
                {t('catalogue.propose')}
              </button>
            </div>
          </form>
        </div>
      )}
    </section>
  );
}
