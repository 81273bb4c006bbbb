import createClient, { type Middleware } from 'openapi-fetch';
import { expire, getToken } from '@/lib/auth/session-store';
import { ApiError, NetworkError, parseRetryAfter } from './errors';
import type { PendingPaths } from './pending-schema';
import type { paths } from './schema';

/**
 * Adds the session's bearer token to every call but sign-in (which takes none, and must not be refused
 * for a stale one when the admin signs in again) and the public one-time link calls (whose token is
 * the credential: an admin's session has no business there). A 401 on a call that carried a token
 * expires the session: back to sign-in, unless an open form holds it (see holdSession).
 */
const auth: Middleware = {
  onRequest({ request, schemaPath }) {
    if (schemaPath === '/api/session' && request.method === 'POST') return request;
    if (schemaPath.startsWith('/api/handoff/')) return request;
    const token = getToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('Authorization')) expire();
    return response;
  },
};

function origin(): string {
  return globalThis.location?.origin ?? 'http://localhost';
}

/**
 * The one API client of the app; types come from the backend's OpenAPI document (npm run gen:api), plus
 * the hand-written ones of calls it does not describe yet (pending-schema.ts).
 */
export const api = createClient<paths & PendingPaths>({
  baseUrl: origin(),
  // Looked up on each call so tests can replace fetch.
  fetch: (request: Request) => globalThis.fetch(request),
});
api.use(auth);

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Turns openapi-fetch's `{ data, error }` into a value or a thrown ApiError / NetworkError. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (cause) {
    throw new NetworkError(cause);
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const problem = error && typeof error === 'object' ? (error as ApiError['problem']) : undefined;
    throw new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
  }
  return data as T;
}
