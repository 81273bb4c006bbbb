import type { Session } from '@/lib/api/types';

/**
 * The signed-in session. It lives in memory and in sessionStorage (so a reload of the tab keeps it),
 * never in localStorage: it dies with the tab.
 */
const KEY = 'api-access.session';

export type StoredSession = Pick<Session, 'token' | 'expiresAt'> & { username: string; wallet: string };
/** 'password-changed': the password was changed here but signing in with the new one failed. */
export type EndReason = 'signed-out' | 'expired' | 'password-changed';

type Listener = () => void;

let current: StoredSession | null = read();
let lastEnd: EndReason | null = null;
/** How many open forms hold the session (see holdSession). */
let holds = 0;
/** The server refused the token (or it ran out) while held: kept only so the form survives. */
let stale = false;
const listeners = new Set<Listener>();
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function read(): StoredSession | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredSession;
    if (!parsed.token || Date.parse(parsed.expiresAt) <= Date.now()) {
      globalThis.sessionStorage.removeItem(KEY);
      return null;
    }
    return parsed;
  } catch {
    return null;
  }
}

function emit() {
  for (const listener of listeners) listener();
}

function scheduleExpiry() {
  clearTimeout(expiryTimer);
  if (!current) return;
  const ms = Date.parse(current.expiresAt) - Date.now();
  // setTimeout overflows past ~24.8 days; sessions are minutes long.
  if (ms > 0 && ms < 2 ** 31) expiryTimer = setTimeout(expire, ms);
}

export function getSession(): StoredSession | null {
  return current;
}

export function getToken(): string | null {
  return current?.token ?? null;
}

/** Why the last session ended, for the sign-in page to say; reading it clears it. */
export function takeEndReason(): EndReason | null {
  const reason = lastEnd;
  lastEnd = null;
  return reason;
}

/** True once the token is known to be refused while a form held the session; a new start() clears it. */
export function isStale(): boolean {
  return stale;
}

export function start(session: StoredSession) {
  current = session;
  lastEnd = null;
  stale = false;
  try {
    globalThis.sessionStorage?.setItem(KEY, JSON.stringify(session));
  } catch {
    // Storage full or disabled: the session still lives in memory.
  }
  scheduleExpiry();
  emit();
}

export function end(reason: EndReason) {
  if (!current) return;
  current = null;
  lastEnd = reason;
  stale = false;
  clearTimeout(expiryTimer);
  try {
    globalThis.sessionStorage?.removeItem(KEY);
  } catch {
    // nothing stored
  }
  emit();
}

/**
 * The token ran out or the server refused it (401). Normally that ends the session (back to sign-in);
 * while a form holds the session it only marks it stale, so the form and all it holds stay on screen
 * until the admin signs in again (start) or leaves the form (then it ends).
 */
export function expire() {
  if (!current) return;
  if (holds === 0) {
    end('expired');
    return;
  }
  if (stale) return;
  stale = true;
  clearTimeout(expiryTimer);
  emit();
}

/**
 * Keeps an expiring session from sending the admin to sign-in while a form is open. Returns the
 * release; releasing the last hold of a stale session ends it.
 */
export function holdSession(): () => void {
  holds += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holds -= 1;
    if (holds === 0 && stale) end('expired');
  };
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

scheduleExpiry();
