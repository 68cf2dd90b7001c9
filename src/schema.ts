// Schema pieces every boundary shares. The text rule: no NUL character and no lone UTF-16
// surrogate (what a browser sends when an emoji is cut in half). PostgreSQL cannot store the
// first, and neither can be shown; both are refused as a 400 naming the field.
import { z } from 'zod';

const ILL_FORMED = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const ILL_FORMED_TEXT_MESSAGE =
  'This text contains a character that cannot be stored (a NUL byte or half of an emoji).';

export function isWellFormedText(value: string): boolean {
  return !ILL_FORMED.test(value);
}

/** Paths (a.b.0.c) of every string in `value`, keys included, that is not well-formed text. */
export function illFormedPaths(
  value: unknown,
  path: (string | number)[] = [],
  out: string[] = [],
  depth = 0,
): string[] {
  if (depth > 20 || out.length > 20) return out;
  if (typeof value === 'string') {
    if (!isWellFormedText(value)) out.push(path.length > 0 ? path.join('.') : '_');
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) illFormedPaths(v, [...path, i], out, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!isWellFormedText(k)) out.push([...path, '(key)'].join('.'));
      illFormedPaths(v, [...path, k], out, depth + 1);
    }
  }
  return out;
}

/**
 * The shared refinement: run on every request input before its own schema (see
 * http/validate.ts), so every text field of every route obeys the text rule.
 */
export const wellFormedInput = z.unknown().superRefine((value, ctx) => {
  for (const path of illFormedPaths(value))
    ctx.addIssue({
      code: 'custom',
      message: ILL_FORMED_TEXT_MESSAGE,
      path: path === '_' ? [] : path.split('.'),
    });
});

/** A site or post slug as it appears in a URL. */
export const slug = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\w.~-]+$/, 'Use letters, digits, - _ . or ~ only.');

/** The slug of a new site: stricter, as it is typed by an admin and shown in embed snippets. */
export const newSiteSlug = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Use lowercase letters, digits, - or _ only.');

/** A row id (UUIDv7). */
export const id = z.uuid({ error: 'Not a valid id.' });

/** An email address, trimmed, at most 254 characters; `missing` says whose address is asked for. */
export const emailAddress = (missing = 'Please enter an email address.') =>
  z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .max(254, 'That email address is too long.')
    .pipe(z.email({ error: 'Please enter a valid email address.' }));

export const email = emailAddress();

/** An opaque page cursor (src/cursor.ts decodes it). */
export const cursor = z.string().max(200);

/** A page size from a query string. */
export const limit = (max: number, fallback: number) =>
  z.coerce
    .number({ error: 'Limit must be a number.' })
    .int()
    .min(1, 'Limit must be at least 1.')
    .max(max, `Limit must be at most ${max}.`)
    .default(fallback);

/** Route parameters of everything under /sites/:site/posts/:post. */
export const SitePostParams = z.object({ site: slug, post: slug });
export type SitePostParams = z.infer<typeof SitePostParams>;

/** The languages Parley speaks: the widget's (web/widget/i18n.ts LANGUAGES), and its mails'. */
export const LANGUAGE_CODES = [
  'en',
  'de',
  'fr',
  'es',
  'pt',
  'it',
  'nl',
  'pl',
  'ru',
  'ja',
  'zh',
  'ar',
] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

/** An optional language code; one Parley does not speak counts as none sent (English). */
export const optionalLanguage = z.enum(LANGUAGE_CODES).optional().catch(undefined);
