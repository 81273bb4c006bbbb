import type { Session } from '@/lib/api/types';

/**
 * The signed-in session. It lives in memory and in sessionStorage (so a reload of the tab keeps it),
 * never in localStorage: it dies with the tab.
 */
const KEY = 'api-access.session';

export type StoredSession = Pick<Session, 'token' | 'expiresAt'> & { username: string; wallet: string };
export type EndReason = 'signed-out' | 'expired';

type Listener = () => void;

let current: StoredSession | null = read();
let lastEnd: EndReason | null = null;
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
  if (ms > 0 && ms < 2 ** 31) expiryTimer = setTimeout(() => end('expired'), ms);
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

export function start(session: StoredSession) {
  current = session;
  lastEnd = null;
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
  clearTimeout(expiryTimer);
  try {
    globalThis.sessionStorage?.removeItem(KEY);
  } catch {
    // nothing stored
  }
  emit();
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

scheduleExpiry();
