import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './api/errors';

/**
 * Puts a problem's field errors beside the fields they name (`roles[2]` goes to `roles`).
 * Returns the messages no field of the form could take, for a notification or an alert.
 */
export function applyFieldErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): string[] {
  if (!(error instanceof ApiError)) return [];
  const rest: string[] = [];
  let focused = false;
  for (const { field, message } of error.fieldErrors) {
    const name = field.replace(/\[\d+\]$/, '').split('.')[0] as Path<T>;
    if (fields.includes(name)) {
      setError(name, { type: 'server', message: sentence(message) }, { shouldFocus: !focused });
      focused = true;
    } else {
      rest.push(`${field}: ${message}`);
    }
  }
  return rest;
}

/** "must be ..." reads as a sentence once capitalised. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
