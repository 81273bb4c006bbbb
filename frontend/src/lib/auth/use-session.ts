import { useSyncExternalStore } from 'react';
import { getSession, subscribe } from './session-store';

export function useSession() {
  return useSyncExternalStore(subscribe, getSession, getSession);
}
