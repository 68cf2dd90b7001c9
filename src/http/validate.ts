import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { AppError, ValidationError, type FieldErrors } from '../errors.js';
import { illFormedPaths, ILL_FORMED_TEXT_MESSAGE, wellFormedInput } from '../schema.js';

function fieldsOf(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * Parses input with a schema, after the shared text rule; every issue becomes a per-field
 * message (first one per field).
 */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const text = wellFormedInput.safeParse(input);
  if (!text.success) throw new ValidationError(fieldsOf(text.error.issues));
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  throw new ValidationError(fieldsOf(result.error.issues));
}

/**
 * Before any route: a path that is not valid percent-encoding, or a path or query that holds
 * a NUL or a lone surrogate, is a 400 here, whatever route would have read it.
 */
export const rejectMalformedRequest: RequestHandler = (req, _res, next) => {
  const rawPath = (req.originalUrl ?? req.url).split('?')[0] ?? '';
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return next(new AppError('MALFORMED_URL', 400, 'The address is not correctly encoded.'));
  }
  let query: unknown;
  try {
    query = req.query;
  } catch {
    return next(new AppError('MALFORMED_URL', 400, 'The query string is not correctly encoded.'));
  }
  const bad = illFormedPaths(query).map((p) => `query.${p}`);
  if (illFormedPaths(path).length > 0) bad.unshift('path');
  if (bad.length > 0)
    return next(
      new ValidationError(Object.fromEntries(bad.map((p) => [p, ILL_FORMED_TEXT_MESSAGE]))),
    );
  next();
};
