import { afterEach, describe, expect, it, vi } from 'vitest';
import { expire, getSession, getToken, holdSession, isStale, start, takeEndReason } from './session-store';

const session = (expiresAt = '2099-01-01T00:00:00Z') => ({
  token: 'session-token',
  expiresAt,
  username: 'admin',
  wallet: 'demo',
});

describe('the session store', () => {
  afterEach(() => vi.useRealTimers());

  it('an expired session ends at once when no form holds it', () => {
    start(session());
    expire();
    expect(getSession()).toBeNull();
    expect(takeEndReason()).toBe('expired');
  });

  it('while a form holds it, an expired session stays (stale) until signed in again or released', () => {
    start(session());
    const release = holdSession();
    expire();
    expect(isStale()).toBe(true);
    expect(getToken()).toBe('session-token');

    start({ ...session(), token: 'session-token-2' });
    expect(isStale()).toBe(false);
    expire();
    release();
    expect(getSession()).toBeNull();
    expect(takeEndReason()).toBe('expired');
  });

  it('a session that runs out while held becomes stale instead of leaving the page', () => {
    vi.useFakeTimers();
    start(session(new Date(Date.now() + 60_000).toISOString()));
    const release = holdSession();
    vi.advanceTimersByTime(61_000);
    expect(isStale()).toBe(true);
    expect(getSession()).not.toBeNull();
    release();
    release();
    expect(getSession()).toBeNull();
  });
});
