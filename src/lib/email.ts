import { z } from 'zod';

/**
 * The one form in which an e-mail address is stored and looked up: trimmed and lower-cased, compared
 * exactly (the database CHECKs `email = lower(btrim(email))`). Never a LIKE/ILIKE pattern: "%" or "_"
 * in what someone types must not reach another account.
 */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * An e-mail address as a form or a command gives it, normalised before it is checked. Addresses are
 * ASCII (zod's check), so JavaScript's and PostgreSQL's lower-casing agree.
 */
export const emailAddress = (error?: string | z.core.$ZodErrorMap) =>
  z.string({ error }).trim().toLowerCase().pipe(z.email({ error }).max(254, { error }));
