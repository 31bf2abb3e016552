import type { ReactNode } from 'react';
import { useFieldArray } from 'react-hook-form';
import { CheckboxGroup, TextField } from '../../components/fields.tsx';
import { RemoveRowButton } from '../../components/rows.tsx';
import type { useAppForm } from '../../components/useAppForm.ts';
import type { DesignerValues } from './values.ts';

/** The designer's form. */
export type DesignerForm = ReturnType<typeof useAppForm<DesignerValues>>;

/** One section of the designer: a fieldset with a heading the page's list of parts links to. */
export function Group({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="group" id={`group-${id}`}>
      <legend className="legend-heading">
        <h2>{title}</h2>
      </legend>
      {intro ? <p className="hint">{intro}</p> : null}
      {children}
    </fieldset>
  );
}

/** Rows of single texts (focus areas, target areas, parties to the agreements), each with its own remove button. */
export function TextRows({
  f,
  name,
  legend,
  hint,
  rowLabel,
  addLabel,
  removeLabel,
}: {
  f: DesignerForm;
  name: 'focusAreas' | 'targetAreas' | 'agreementPartners';
  legend: string;
  hint: string;
  rowLabel: (n: number) => string;
  addLabel: string;
  removeLabel: (n: number) => string;
}) {
  const rows = useFieldArray({ control: f.form.control, name });
  const groupId = f.fieldId(name);
  return (
    <CheckboxGroup id={groupId} legend={legend} hint={hint} error={f.errors.fields[name]} layout="stack">
      {rows.fields.map((row, i) => (
        <div key={row.id} className="row-with-action">
          <TextField label={rowLabel(i + 1)} {...f.field(`${name}.${i}.value`)} />
          <RemoveRowButton groupId={groupId} onRemove={() => rows.remove(i)}>
            {removeLabel(i + 1)}
          </RemoveRowButton>
        </div>
      ))}
      <div>
        <button
          id={`${groupId}-add`}
          type="button"
          className="button button-secondary button-small"
          onClick={() => rows.append({ value: '' }, { focusName: `${name}.${rows.fields.length}.value` })}
        >
          {addLabel}
        </button>
      </div>
    </CheckboxGroup>
  );
}
