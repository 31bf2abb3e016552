import { type ChangeEvent, useState } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AttachmentKind, CallRules } from '../../../domain/calls/types.ts';
import { both } from '../../../i18n/messages.ts';
import { ApiError, type Messages } from '../../api/client.ts';
import { Checkbox } from '../../components/fields.tsx';
import { currentLanguage, useLocalized } from '../../i18n/index.ts';
import { fileUrl, uploadFile } from '../../organisations/api.ts';
import { ACCEPT, type ApplicationFormApi, MAX_FILE_MB } from './shared.ts';

/**
 * Attached files, each removable, and a file input that uploads at once to the organisation's files:
 * the application's attachments and a follow-up report's use it alike.
 */
export function FilesField({
  id,
  label,
  required,
  organisationId,
  files,
  onAdd,
  onRemove,
  error,
}: {
  id: string;
  label: string;
  required: boolean;
  organisationId: string;
  /** The files attached now; `key` is the row's own (react-hook-form's field id). */
  files: { key: string; fileId: string; name: string }[];
  onAdd: (file: { fileId: string; name: string }) => void;
  onRemove: (key: string) => void;
  error?: Messages;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [state, setState] = useState<{ uploading: boolean; name: string | null; error: Messages | null }>({ uploading: false, name: null, error: null });
  const shown = state.error ?? error;

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      setState({ uploading: false, name: null, error: both('file_too_large', { limit: MAX_FILE_MB }) });
      return;
    }
    setState({ uploading: true, name: null, error: null });
    try {
      const uploaded = await uploadFile(organisationId, file);
      onAdd({ fileId: uploaded.id, name: uploaded.name });
      setState({ uploading: false, name: uploaded.name, error: null });
      event.target.value = '';
    } catch (e) {
      const problem = e instanceof ApiError ? e.problem : null;
      setState({ uploading: false, name: null, error: problem?.errors?.[0]?.messages ?? problem?.messages ?? both('internal') });
    }
  }

  return (
    <div className={`field${shown ? ' field-invalid' : ''}`}>
      <label htmlFor={id} className="label">
        {label}
        {required ? null : <span className="optional"> ({t('form.optional')})</span>}
      </label>
      <p id={`${id}-hint`} className="hint">
        {t('eligibility.fileHint')}
      </p>
      {shown ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {localized(shown)}
        </p>
      ) : null}
      {files.length ? (
        <ul className="plain-list attached-list">
          {files.map((a) => (
            <li key={a.key}>
              <a href={fileUrl(a.fileId)} download>
                {a.name}
              </a>{' '}
              <button type="button" className="link-button" onClick={() => onRemove(a.key)}>
                {t('application.removeFile')}
                <span className="visually-hidden">: {a.name}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        type="file"
        className="file-input"
        accept={ACCEPT}
        aria-invalid={shown ? true : undefined}
        aria-describedby={[`${id}-hint`, shown ? `${id}-error` : null, `${id}-status`].filter(Boolean).join(' ')}
        onChange={(e) => void choose(e)}
      />
      <p id={`${id}-status`} className="file-status" role="status">
        {state.uploading ? t('eligibility.uploading') : state.name ? t('eligibility.uploaded', { name: state.name }) : null}
      </p>
    </div>
  );
}

/** One kind of attachment of the application. */
function AttachmentField({ f, kind, organisationId, required }: { f: ApplicationFormApi; kind: AttachmentKind; organisationId: string; required: boolean }) {
  const { t } = useTranslation();
  const list = useFieldArray({ control: f.form.control, name: 'attachments' });
  const mine = list.fields.map((a, i) => ({ a, i })).filter(({ a }) => a.kind === kind);
  return (
    <FilesField
      id={f.fieldId(`attachments.${kind}`)}
      label={t(`attachments.${kind}`)}
      required={required}
      organisationId={organisationId}
      files={mine.map(({ a }) => ({ key: a.id, fileId: a.fileId, name: a.name }))}
      onAdd={(file) => list.append({ kind, ...file })}
      onRemove={(key) => {
        const at = list.fields.findIndex((a) => a.id === key);
        if (at >= 0) list.remove(at);
      }}
      error={f.errors.fields[`attachments.${kind}`]}
    />
  );
}

export function AttachmentsStep({ f, call, organisationId }: { f: ApplicationFormApi; call: CallRules; organisationId: string }) {
  const { t } = useTranslation();
  const kinds: AttachmentKind[] = [...call.requiredAttachments, ...(call.requiredAttachments.includes('other') ? [] : (['other'] as const))];
  return (
    <>
      <fieldset className="group">
        <legend className="legend-heading">
          <h3>{t('application.attachmentsHeading')}</h3>
        </legend>
        <p className="hint">{t('application.hints.attachments')}</p>
        {kinds.map((kind) => (
          <AttachmentField key={kind} f={f} kind={kind} organisationId={organisationId} required={call.requiredAttachments.includes(kind)} />
        ))}
      </fieldset>
      {call.exclusions.length ? (
        <fieldset className="group">
          <legend className="legend-heading">
            <h3>{t('application.declarationsHeading')}</h3>
          </legend>
          <p className="hint">{t('application.hints.declarations')}</p>
          {call.exclusions.map((e) => {
            const id = f.fieldId(`declarations.${e}`);
            const error = f.errors.fields[`declarations.${e}`];
            return (
              <div key={e} className={`field${error ? ' field-invalid' : ''}`}>
                {error ? (
                  <p id={`${id}-error`} className="field-error">
                    <span className="visually-hidden">{t('form.errorPrefix')} </span>
                    {error[currentLanguage()]}
                  </p>
                ) : null}
                <Checkbox
                  id={id}
                  label={t(`application.declaration.${e}`)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  {...f.form.register(`declarations.${e}`)}
                />
              </div>
            );
          })}
        </fieldset>
      ) : null}
    </>
  );
}
