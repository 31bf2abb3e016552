export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/** After a failed sign-in: the new count, and a lock once the count reaches the limit. */
export function afterFailedLogin(failedLogins: number, now: Date): { failedLogins: number; lockedUntil: Date | null } {
  const count = failedLogins + 1;
  if (count >= MAX_FAILED_LOGINS) return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  return { failedLogins: count, lockedUntil: null };
}

/** Whole minutes left of a lock, or 0 when the account is open. */
export function minutesLocked(lockedUntil: Date | null, now: Date): number {
  if (!lockedUntil || lockedUntil.getTime() <= now.getTime()) return 0;
  return Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000);
}
