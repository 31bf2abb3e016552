import type { ReactNode } from 'react';

/** A table's box that scrolls sideways on a narrow screen, reachable and named for keyboard and screen reader users. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
