import { describe, expect, it } from 'vitest';
import { afterFailedLogin, LOCK_MINUTES, MAX_FAILED_LOGINS, minutesLocked } from '../../src/domain/lockout.ts';
import { checkPassword, MIN_PASSWORD_LENGTH } from '../../src/domain/password.ts';
import { type Principal, policy } from '../../src/domain/roles.ts';
import { pickLang, translate } from '../../src/i18n/messages.ts';

describe('sign-in lockout', () => {
  const now = new Date('2026-03-29T01:30:00Z');
  it(`locks after ${MAX_FAILED_LOGINS} failures in a row, for ${LOCK_MINUTES} minutes`, () => {
    let state = { failedLogins: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      state = afterFailedLogin(state.failedLogins, now);
      expect(state.lockedUntil).toBeNull();
    }
    state = afterFailedLogin(state.failedLogins, now);
    expect(state.lockedUntil?.getTime()).toBe(now.getTime() + LOCK_MINUTES * 60_000);
    expect(minutesLocked(state.lockedUntil, now)).toBe(LOCK_MINUTES);
    expect(minutesLocked(state.lockedUntil, new Date(now.getTime() + LOCK_MINUTES * 60_000))).toBe(0);
  });
});

describe('passwords', () => {
  it('asks for a minimum length and refuses common choices', () => {
    expect(checkPassword('kort')).toEqual({ ok: false, code: 'password_too_short', limit: MIN_PASSWORD_LENGTH });
    expect(checkPassword('Sommar2026')).toMatchObject({ ok: false, code: 'password_too_common' });
    expect(checkPassword('aaaaaaaaaaaa')).toMatchObject({ ok: false, code: 'password_too_common' });
    expect(checkPassword('nattvandring i Navestad')).toEqual({ ok: true });
  });
  it('counts characters, not bytes', () => {
    expect(checkPassword('åäöåäöåäöå').ok).toBe(true);
  });
});

describe('policies', () => {
  const admin: Principal = { userId: 'u1', funderRoles: [{ funderId: 'f1', role: 'administrator' }], organisationIds: [] };
  const caseworker: Principal = { userId: 'u2', funderRoles: [{ funderId: 'f1', role: 'caseworker' }], organisationIds: ['o1'] };
  it('lets only a funder administrator manage that funder’s users', () => {
    expect(policy.manageUsers(admin, 'f1')).toBe(true);
    expect(policy.manageUsers(admin, 'f2')).toBe(false);
    expect(policy.manageUsers(caseworker, 'f1')).toBe(false);
  });
  it('shows an organisation only to its members', () => {
    expect(policy.viewOrganisation(caseworker, 'o1')).toBe(true);
    expect(policy.viewOrganisation(admin, 'o1')).toBe(false);
  });
});

describe('languages', () => {
  it('is Swedish by default, follows the cookie first and then Accept-Language', () => {
    expect(pickLang(undefined, undefined)).toBe('sv');
    expect(pickLang(undefined, 'en-GB,en;q=0.9')).toBe('en');
    expect(pickLang('sv', 'en-GB')).toBe('sv');
    expect(pickLang('xx', 'de-DE,fr')).toBe('sv');
  });
  it('fills message parameters in both languages', () => {
    expect(translate('account_locked', 'sv', { minutes: 15 })).toContain('15 minuter');
    expect(translate('account_locked', 'en', { minutes: 15 })).toContain('15 minutes');
  });
});
