import { useEffect, useSyncExternalStore } from 'react';
import { getSession, holdSession, isStale, subscribe } from './session-store';

export function useSession() {
  return useSyncExternalStore(subscribe, getSession, getSession);
}

/** True while the session is held by a form although the server no longer accepts its token. */
export function useSessionStale() {
  return useSyncExternalStore(subscribe, isStale, isStale);
}

/** While the calling component is mounted, a 401 or the token running out does not leave the page. */
export function useHoldSession() {
  useEffect(() => holdSession(), []);
}
