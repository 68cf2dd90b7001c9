import { z } from 'zod';
import { MODERATION_MAIL_MODES } from '../contracts/moderation-api.js';
import { LANGUAGE_CODES } from '../schema.js';

export const SettingsBody = z.object({
  moderation: z.enum(MODERATION_MAIL_MODES, {
    error: 'Choose immediately, hourly, daily or off.',
  }),
  weekly: z.boolean({ error: 'Weekly summary must be true or false.' }),
  /** The language of one's mails; left as it is when not sent. */
  language: z
    .enum(LANGUAGE_CODES, { error: `Choose one of: ${LANGUAGE_CODES.join(', ')}.` })
    .optional(),
});
export type SettingsBody = z.infer<typeof SettingsBody>;

/** A mail link's token (its signature is checked by links.ts). */
export const TokenParams = z.object({
  token: z
    .string()
    .min(10)
    .max(400)
    .regex(/^[\w.~-]+$/, 'Not a valid link.'),
});
