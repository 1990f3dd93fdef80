/** Failed sign-ins allowed before an account is locked. */
export const MAX_FAILED_SIGNINS = 5;
/** How long a lock lasts. */
export const LOCKOUT_MINUTES = 15;
/** Sign-in attempts allowed from one client address in a window, whatever the account. */
export const SIGNIN_ATTEMPTS_PER_WINDOW = 20;
export const SIGNIN_WINDOW_MINUTES = 5;

/** The lock to apply after one more failure, or null while the account may keep trying. */
export function lockAfterFailure(failedCount: number, now: Date): Date | null {
  return failedCount >= MAX_FAILED_SIGNINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
