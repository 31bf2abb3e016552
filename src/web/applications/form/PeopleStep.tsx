import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, TextField } from '../../components/fields.tsx';
import { RemoveRowButton } from '../../components/rows.tsx';
import type { ApplicationFormApi } from './shared.ts';

export function PeopleStep({ f }: { f: ApplicationFormApi }) {
  const { t } = useTranslation();
  const partners = useFieldArray({ control: f.form.control, name: 'partners' });
  const contacts = useFieldArray({ control: f.form.control, name: 'contacts' });
  const pid = f.fieldId('partners');
  const cid = f.fieldId('contacts');
  return (
    <>
      <CheckboxGroup id={pid} legend={t('application.fields.partners')} hint={t('application.hints.partners')} optional layout="plain">
        {partners.fields.map((row, i) => (
          <fieldset key={row.id} className="row-fieldset">
            <legend className="legend-small">{t('application.partnerN', { n: i + 1 })}</legend>
            <TextField label={t('fields.orgNumber')} autoComplete="off" spellCheck={false} className="input-medium" {...f.field(`partners.${i}.orgNumber`)} />
            <TextField label={t('fields.organisationName')} {...f.field(`partners.${i}.name`)} />
            <TextField label={t('application.fields.partnerRole')} hint={t('application.hints.partnerRole')} {...f.field(`partners.${i}.role`)} />
            <RemoveRowButton groupId={pid} onRemove={() => partners.remove(i)}>
              {t('application.removePartner', { n: i + 1 })}
            </RemoveRowButton>
          </fieldset>
        ))}
        <button
          id={`${pid}-add`}
          type="button"
          className="button button-secondary"
          onClick={() => partners.append({ orgNumber: '', name: '', role: '' }, { focusName: `partners.${partners.fields.length}.orgNumber` })}
        >
          {t('application.addPartner')}
        </button>
      </CheckboxGroup>
      <CheckboxGroup id={cid} legend={t('application.fields.contacts')} hint={t('application.hints.contacts')} error={f.errors.fields.contacts} layout="plain">
        {contacts.fields.map((row, i) => (
          <fieldset key={row.id} className="row-fieldset">
            <legend className="legend-small">{t('application.contactN', { n: i + 1 })}</legend>
            <TextField label={t('fields.name')} autoComplete="name" {...f.field(`contacts.${i}.name`)} />
            <TextField label={t('fields.email')} type="email" autoComplete="email" spellCheck={false} {...f.field(`contacts.${i}.email`)} />
            <TextField
              label={t('application.fields.phone')}
              type="tel"
              autoComplete="tel"
              optional
              className="input-medium"
              {...f.field(`contacts.${i}.phone`)}
            />
            <RemoveRowButton groupId={cid} onRemove={() => contacts.remove(i)}>
              {t('application.removeContact', { n: i + 1 })}
            </RemoveRowButton>
          </fieldset>
        ))}
        <button
          id={`${cid}-add`}
          type="button"
          className="button button-secondary"
          onClick={() => contacts.append({ name: '', email: '', phone: '' }, { focusName: `contacts.${contacts.fields.length}.name` })}
        >
          {t('application.addContact')}
        </button>
      </CheckboxGroup>
    </>
  );
}
