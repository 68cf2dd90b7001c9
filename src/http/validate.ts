import type { z } from 'zod';
import { ValidationError } from '../errors.js';

/** Parses input with a schema; every issue becomes a per-field message (first one per field). */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  throw new ValidationError(fields);
}
