import { useTranslation } from 'react-i18next';
import { budgetTotal } from '../../../domain/applications/rules.ts';
import { kr } from '../../calls/format.ts';
import type { ApplicationContent } from '../api.ts';

/** What differs between my version and theirs, field by field, in words. */
export function Comparison({ mine, theirs }: { mine: ApplicationContent; theirs: ApplicationContent }) {
  const { t } = useTranslation();
  const show = (c: ApplicationContent, key: keyof ApplicationContent): string => {
    const v = c[key];
    if (key === 'amountRequested' || key === 'ownContribution' || key === 'otherFunding') return kr(v as number);
    if (key === 'budget') return t('application.compare.rows', { count: c.budget.length, total: kr(budgetTotal(c)) });
    if (typeof v === 'string') return v || t('common.notGiven');
    if (Array.isArray(v)) return t('application.compare.items', { count: v.length });
    return t('application.compare.changed');
  };
  const keys = (Object.keys(mine) as (keyof ApplicationContent)[]).filter((k) => JSON.stringify(mine[k]) !== JSON.stringify(theirs[k]));
  if (!keys.length) return <p>{t('application.compare.same')}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" aria-label={t('application.compare.caption')} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{t('application.compare.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('application.compare.field')}</th>
            <th scope="col">{t('application.compare.mine')}</th>
            <th scope="col">{t('application.compare.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k}>
              <th scope="row">{t(`application.fieldNames.${k}`)}</th>
              <td className="preserve-lines">{show(mine, k)}</td>
              <td className="preserve-lines">{show(theirs, k)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
