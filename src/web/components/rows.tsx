import type { ReactNode } from 'react';

/**
 * Removes a row of a repeated group (budget rows, board members, criteria …) and moves focus to the
 * group's add button, so a keyboard user is not left on nothing.
 */
export function RemoveRowButton({ groupId, onRemove, children }: { groupId: string; onRemove: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="button button-secondary button-small"
      onClick={() => {
        onRemove();
        document.getElementById(`${groupId}-add`)?.focus();
      }}
    >
      {children}
    </button>
  );
}
