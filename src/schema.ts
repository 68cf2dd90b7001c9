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
    value.forEach((v, i) => illFormedPaths(v, [...path, i], out, depth + 1));
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
