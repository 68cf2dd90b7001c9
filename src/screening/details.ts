// What screening stores on a comment (Comment.screening, a JSON column): the decision, every
// reason, the scores, each provider's fate. Written by the screener, read back through this
// schema by moderation, never trusted by a cast.
import { z } from 'zod';

export const ReasonSchema = z.object({
  code: z.string(),
  message: z.string(),
  matches: z.array(z.string()).optional(),
});

export const ScreeningDetailsSchema = z.object({
  decision: z.enum(['approve', 'hold', 'spam', 'reject']).nullable().catch(null),
  reasons: z.array(ReasonSchema).catch([]),
  warnings: z.array(ReasonSchema).catch([]),
  scores: z.record(z.string(), z.number()).nullable().catch(null),
  providers: z.record(z.string(), z.string()).catch({}),
  /** What drove the model's scores: per attribute, the comment's strongest n-grams. */
  drivers: z
    .record(z.string(), z.array(z.object({ feature: z.string(), weight: z.number() })))
    .optional()
    .catch(undefined),
  screenedAt: z.string().optional().catch(undefined),
});
export type ScreeningDetails = z.infer<typeof ScreeningDetailsSchema>;

/** Stored details of any age or shape, with what is missing or malformed left empty. */
export function readScreeningDetails(stored: unknown): ScreeningDetails {
  const parsed = ScreeningDetailsSchema.safeParse(
    stored && typeof stored === 'object' ? stored : {},
  );
  return parsed.success
    ? parsed.data
    : { decision: null, reasons: [], warnings: [], scores: null, providers: {} };
}

/** Comment.akismetParams: the exact comment-check fields, resent with submit-spam / submit-ham. */
export const AkismetParamsSchema = z.record(z.string(), z.string());

export function readAkismetParams(stored: unknown): Record<string, string> | null {
  const parsed = AkismetParamsSchema.safeParse(stored);
  return parsed.success && Object.keys(parsed.data).length > 0 ? parsed.data : null;
}
