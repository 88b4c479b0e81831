import { z } from 'zod';
import { text } from '../../lib/text.js';
import { LOCALES } from '../../shared/vocabulary.js';

export const LoginInput = z.object({
  email: text().min(1).max(254),
  // Long enough for any allowed password; bounded so nobody makes us hash megabytes.
  password: z.string().min(1).max(1024),
});

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

/** A TOTP code (6 digits) or a recovery code (xxxx-xxxx-xxxx-xxxx). */
export const CodeInput = z.object({ code: z.string().trim().min(1).max(40) });

export const EndSessionInput = z.object({ id: z.uuid() });

export const SetLocaleInput = z.object({ locale: z.enum(LOCALES) });
