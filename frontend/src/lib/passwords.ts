import { z } from 'zod';

/** The server's password rule (API.md): at least 12 characters; bcrypt reads no more than 72 bytes. */
const PASSWORD_MIN = 12;
export const PASSWORD_HINT = `At least ${PASSWORD_MIN} characters.`;

export const passwordSchema = z
  .string()
  .refine((v) => [...v].length >= PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .refine((v) => new TextEncoder().encode(v).length <= 72, 'Use at most 72 bytes (bcrypt reads no further)');
