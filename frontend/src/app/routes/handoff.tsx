import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { HandoffPage } from '@/features/handoff/components/handoff-page';

/** The link's token is its fragment (`/handoff#<token>`), which never reaches a server log. */
function tokenOf(hash: string): string {
  const raw = hash.replace(/^#/, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** /handoff: outside the signed-in layout, no sign-in. */
export function HandoffRoute() {
  const location = useLocation();
  const navigate = useNavigate();
  // Read once; the address bar then drops it (a history.replaceState), so it does not stay in history.
  const [token, setToken] = useState(() => tokenOf(location.hash));
  // A link pasted into this tab again is a fragment change alone: the page stays, the token is new.
  const [readHash, setReadHash] = useState(location.hash);
  if (location.hash && location.hash !== readHash) {
    setReadHash(location.hash);
    setToken(tokenOf(location.hash));
  }
  useEffect(() => {
    document.title = 'One-time secret link · Wallet console';
  }, []);
  useEffect(() => {
    if (location.hash) void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [location.hash, location.pathname, location.search, navigate]);
  return <HandoffPage token={token} />;
}
