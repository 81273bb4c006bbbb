import type { FieldError, Problem } from './types';

/** A problem+json answer (RFC 9457) of the API, or any other non-2xx answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds to wait, from a 429's or 503's Retry-After (RFC 9110 §10.2.3: seconds or an HTTP date). */
  readonly retryAfter: number | undefined;

  constructor(status: number, problem: Problem | undefined, retryAfter?: number) {
    super(problem?.detail ?? problem?.title ?? `The server answered ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem ?? { status };
    this.retryAfter = retryAfter;
  }

  get fieldErrors(): FieldError[] {
    return (this.problem.errors ?? []).filter(
      (e): e is FieldError => typeof e.field === 'string' && typeof e.message === 'string',
    );
  }
}

/** Retry-After in whole seconds, or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** "30 seconds", "1 minute", "3 minutes": how long to wait, rounded up to what a person reads. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** The request never got an answer: the server or the network is down. */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('The server could not be reached. Check your connection and try again.', { cause });
    this.name = 'NetworkError';
  }
}

/** The server no longer accepts the session's token. */
export const isUnauthorized = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 401;

/** The server understood and said no: 403 (a role is missing) or 409 (a rule such as lock-out). */
export const isRefusal = (error: unknown): error is ApiError =>
  error instanceof ApiError && (error.status === 403 || error.status === 409);
export const isNetworkError = (error: unknown): error is NetworkError => error instanceof NetworkError;

/** A sentence for a person: what went wrong, without codes they cannot act on. */
export function describeError(error: unknown): string {
  if (error instanceof NetworkError) return error.message;
  if (error instanceof ApiError) {
    if (error.status === 401) return 'Your session has ended. Sign in again.';
    if (error.status === 403) {
      return error.problem.detail ?? 'You do not have the permission this needs.';
    }
    if (error.status === 429) {
      return error.retryAfter != null
        ? `Too many attempts. Wait ${describeWait(error.retryAfter)} and try again.`
        : 'Too many attempts. Wait a minute and try again.';
    }
    if (error.status >= 500) {
      return error.problem.detail ?? 'The server had a problem. Try again in a moment.';
    }
    return error.message;
  }
  return 'Something went wrong. Try again.';
}
