import type { ComponentPropsWithRef, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../api.ts';
import { useLocalized } from '../i18n/index.ts';

interface FieldShell {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: Messages;
  optional?: boolean;
}

function describedBy(id: string, hint: unknown, error: unknown) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function FieldError({ id, error }: { id: string; error?: Messages }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      <span className="visually-hidden">{t('form.errorPrefix')} </span>
      {localized(error)}
    </p>
  );
}

function Label({ id, label, optional }: { id: string; label: ReactNode; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={id} className="label">
      {label}
      {optional ? <span className="optional"> ({t('form.optional')})</span> : null}
    </label>
  );
}

type InputProps = Omit<ComponentPropsWithRef<'input'>, 'id'> & FieldShell;

/** A labelled input with its hint and error tied to it (aria-describedby, aria-invalid). */
export function TextField({ id, label, hint, error, optional, className, ...input }: InputProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <Label id={id} label={label} optional={optional} />
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
      <input
        id={id}
        className={`input${className ? ` ${className}` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </div>
  );
}

type SelectProps = Omit<ComponentPropsWithRef<'select'>, 'id'> & FieldShell & { options: { value: string; label: string }[]; placeholder?: string };

export function SelectField({ id, label, hint, error, optional, options, placeholder, ...select }: SelectProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <Label id={id} label={label} optional={optional} />
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
      <select id={id} className="input select" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Checkboxes grouped under a legend; the group's error is tied to the fieldset. */
export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: Messages;
  children: ReactNode;
}) {
  return (
    <fieldset
      id={id}
      className={`fieldset${error ? ' field-invalid' : ''}`}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={error ? true : undefined}
      tabIndex={-1}
    >
      <legend className="legend">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
      <div className="checkboxes">{children}</div>
    </fieldset>
  );
}

export function Checkbox({ id, label, ...input }: Omit<ComponentPropsWithRef<'input'>, 'id' | 'type'> & { id: string; label: ReactNode }) {
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
