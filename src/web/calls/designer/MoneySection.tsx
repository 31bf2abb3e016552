import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/fields.tsx';
import type { Programme } from '../../programmes/api.ts';
import { kr, parseAmount } from '../format.ts';
import { type DesignerForm, Group } from './parts.tsx';

/** The budget line the money comes from, the amount and the limits per application. */
export function MoneySection({ f, programmes, available }: { f: DesignerForm; programmes: Programme[]; available: (lineId: string | null) => number | null }) {
  const { t } = useTranslation();
  const left = available(f.form.watch('budgetLineId') || null);
  const amountHint = (key: string) => t(key, { example: kr(parseAmount('250000') ?? 0) });
  return (
    <Group id="money" title={t('designer.groups.money')}>
      <SelectField
        label={t('callFields.budgetLineId')}
        hint={left === null ? t('designer.budgetLineHint') : t('designer.lineLeft', { amount: kr(left) })}
        placeholder={t('designer.chooseLine')}
        options={[]}
        groups={programmes.map((p) => ({
          label: `${p.name} (${p.startYear === p.endYear ? p.startYear : `${p.startYear}–${p.endYear}`})`,
          options: p.lines.map((l) => ({ value: l.id, label: t('designer.lineOption', { name: l.name, amount: kr(available(l.id) ?? l.available) }) })),
        }))}
        {...f.field('budgetLineId')}
      />
      <TextField label={t('callFields.amount')} hint={amountHint('designer.amountHint')} inputMode="decimal" className="input-medium" {...f.field('amount')} />
      <div className="field-row">
        <TextField label={t('callFields.minAmount')} inputMode="decimal" className="input-medium" optional {...f.field('minAmount')} />
        <TextField label={t('callFields.maxAmount')} inputMode="decimal" className="input-medium" {...f.field('maxAmount')} />
      </div>
      <p className="hint">{t('form.kronorHint')}</p>
    </Group>
  );
}
