import { z } from 'zod';
import { cursor, emailAddress, limit, optionalLanguage, slug } from '../schema.js';

export { SitePostParams } from '../schema.js';

export const ThreadQuery = z.object({
  sort: z
    .enum(['oldest', 'newest'], { error: 'Sort must be "oldest" or "newest".' })
    .default('oldest'),
  limit: limit(100, 50),
  cursor: cursor.optional(),
});
export type ThreadQuery = z.infer<typeof ThreadQuery>;

/** Field limits; the body limit is per site (settings.maxBodyLength) and checked in the service. */
export const CreateCommentBody = z.object({
  name: z
    .string({ error: 'Please enter your name.' })
    .trim()
    .min(1, 'Please enter your name.')
    .max(80, 'Your name must be at most 80 characters.'),
  email: emailAddress('Please enter your email address.'),
  website: z
    .string({ error: 'The website must be a link starting with http:// or https://.' })
    .trim()
    .max(300, 'The website address is too long.')
    .refine(
      (v) => v === '' || isHttpUrl(v),
      'The website must be a link starting with http:// or https://.',
    )
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
  body: z
    .string({ error: 'Please write a comment.' })
    .trim()
    .min(1, 'Please write a comment.')
    .max(20_000, 'Your comment is too long.'),
  parentId: z.uuid({ error: 'The comment you reply to does not exist.' }).optional().nullable(),
  /** Signed token from GET …/form-token (screening: too-fast submits). */
  formToken: z.string().max(500).optional(),
  /** Honeypot: a hidden field that people leave empty. */
  homepage: z.string().max(500).optional(),
  /** For posts created by their first comment. */
  url: z
    .string()
    .trim()
    .max(1000)
    .refine(isHttpUrl, 'The page URL must start with http:// or https://.')
    .optional(),
  title: z.string().trim().min(1).max(300).optional(),
  /** "Notify me of replies by email" (off unless sent as true). */
  notifyReplies: z.boolean({ error: 'Must be true or false.' }).optional(),
  /** The widget's language: reply mail is written in it (one Parley lacks counts as English). */
  language: optionalLanguage,
  /** Same key twice on the same post returns the first comment (double submits). */
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});
export type CreateCommentBody = z.infer<typeof CreateCommentBody>;

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

/** POST …/comments/check: a draft for the rephrase prompt. */
export const CheckBody = z.object({
  body: z
    .string({ error: 'Please write a comment.' })
    .trim()
    .min(1, 'Please write a comment.')
    .max(20_000, 'Your comment is too long.'),
});
