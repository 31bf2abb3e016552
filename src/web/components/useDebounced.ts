import { useEffect, useState } from 'react';

/** The value once it has stayed the same for `ms` (for live regions that should not speak on every keystroke). */
export function useDebounced<T>(value: T, ms = 1000): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
