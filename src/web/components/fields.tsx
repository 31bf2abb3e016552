import type { ComponentPropsWithRef, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Messages } from '../api/client.ts';
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

function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: Messages }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </>
  );
}

/** A field's frame: its label, hint and error, then the control itself. */
function FieldFrame({ id, label, hint, error, optional, children }: Omit<FieldShell, 'id'> & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <Label id={id} label={label} optional={optional} />
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** What ties a control to its hint and error for assistive technology. */
const described = (id: string, hint: unknown, error: unknown) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby': describedBy(id, hint, error),
});

type InputProps = Omit<ComponentPropsWithRef<'input'>, 'id'> & FieldShell;

/** A labelled input with its hint and error tied to it (aria-describedby, aria-invalid). */
export function TextField({ id, label, hint, error, optional, className, ...input }: InputProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <input id={id} className={`input${className ? ` ${className}` : ''}`} {...described(id, hint, error)} {...input} />
    </FieldFrame>
  );
}

type TextAreaProps = Omit<ComponentPropsWithRef<'textarea'>, 'id'> & FieldShell;

/** A labelled multi-line input, hint and error tied to it like TextField's. */
export function TextAreaField({ id, label, hint, error, optional, className, rows = 4, ...textarea }: TextAreaProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea id={id} rows={rows} className={`input textarea${className ? ` ${className}` : ''}`} {...described(id, hint, error)} {...textarea} />
    </FieldFrame>
  );
}

interface Option {
  value: string;
  label: string;
}

type SelectProps = Omit<ComponentPropsWithRef<'select'>, 'id'> &
  FieldShell & {
    options: Option[];
    placeholder?: string /** Options under headings (optgroup), after the plain ones. */;
    groups?: { label: string; options: Option[] }[];
  };

export function SelectField({ id, label, hint, error, optional, options, groups, placeholder, ...select }: SelectProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={optional}>
      <select id={id} className="input select" {...described(id, hint, error)} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldFrame>
  );
}

/** Checkboxes (or radios, or rows of inputs) grouped under a legend; the group's error is tied to the fieldset. */
export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  optional,
  layout = 'checkboxes',
  className,
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: Messages;
  optional?: boolean;
  /** How the children are laid out: in columns (checkboxes), one under the other (stack), or as they are (plain). */
  layout?: 'checkboxes' | 'stack' | 'plain';
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <fieldset id={id} className={`fieldset${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`} {...described(id, hint, error)} tabIndex={-1}>
      <legend className="legend">
        {legend}
        {optional ? <span className="optional"> ({t('form.optional')})</span> : null}
      </legend>
      <HintAndError id={id} hint={hint} error={error} />
      {layout === 'plain' ? children : <div className={layout === 'stack' ? 'stack' : 'checkboxes'}>{children}</div>}
    </fieldset>
  );
}

export function Radio({ id, label, ...input }: Omit<ComponentPropsWithRef<'input'>, 'id' | 'type'> & { id: string; label: ReactNode }) {
  return (
    <div className="checkbox radio">
      <input id={id} type="radio" {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
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
