import type { ReactNode } from 'react';

/** A short list of labelled facts (a description list), one label and value a row. */
export function Facts({ items, className }: { items: [label: ReactNode, value: ReactNode][]; className?: string }) {
  return (
    <dl className={className ? `facts ${className}` : 'facts'}>
      {items.map(([label, value], i) => (
        // The labels are fixed per page, so their order is a stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={i}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
