// What an import job stores and answers: its options, its counts, the dry-run plan. Each JSON
// column of ImportJob is read back through these schemas, never trusted by a cast.
import { z } from 'zod';
import type { ImportFormatSchema } from './formats/index.js';
import { RemapRuleText } from './remap.js';

export const ImportOptionsSchema = z.object({
  /** FROM=TO rules applied, in order, to each thread's URL (remap.ts). */
  remap: z.array(RemapRuleText).max(50).default([]),
  /** Pingbacks and trackbacks are skipped unless asked for. */
  includePingbacks: z.boolean().default(false),
  /** Run the site's screening on each imported comment (off: they were moderated at the source). */
  screen: z.boolean().default(false),
});
export type ImportOptions = z.infer<typeof ImportOptionsSchema>;

export const ImportCountsSchema = z.object({
  threads: z.number().int().default(0),
  postsCreated: z.number().int().default(0),
  postsMatched: z.number().int().default(0),
  commentsCreated: z.number().int().default(0),
  /** Already imported by an earlier run (same format and source id): left as they are. */
  commentsExisting: z.number().int().default(0),
  /** Replies whose parent is not in the file: kept at the top level. */
  commentsReattached: z.number().int().default(0),
  /** Replies deeper than the site's nesting limit: attached higher up, as new replies are. */
  commentsFlattened: z.number().int().default(0),
  skipped: z.number().int().default(0),
});
export type ImportCounts = z.infer<typeof ImportCountsSchema>;

export function emptyCounts(): ImportCounts {
  return ImportCountsSchema.parse({});
}

/** A thread of the file and the post it goes to, in a dry run's plan. */
export const PlannedPostSchema = z.object({
  url: z.string(),
  slug: z.string(),
  title: z.string(),
  action: z.enum(['create', 'match']),
  comments: z.number().int(),
});
export type PlannedPost = z.infer<typeof PlannedPostSchema>;

/** A dry run lists this many posts; the counts cover them all. */
export const PLAN_LIMIT = 500;
export const ImportPlanSchema = z.object({
  posts: z.array(PlannedPostSchema),
  truncated: z.boolean(),
});
export type ImportPlan = z.infer<typeof ImportPlanSchema>;

export const IMPORT_JOB_STATUSES = ['reading', 'writing', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

export const SkippedEntrySchema = z.object({
  entity: z.string(),
  sourceId: z.string().nullable(),
  reason: z.string(),
  line: z.number().int().nullable(),
});
export type SkippedEntry = z.infer<typeof SkippedEntrySchema>;

/** The job as the API and the CLI show it. */
export interface ImportJobView {
  id: string;
  siteId: string;
  format: z.infer<typeof ImportFormatSchema>;
  status: ImportJobStatus;
  dryRun: boolean;
  options: ImportOptions;
  fileName: string | null;
  fileBytes: number | null;
  progress: {
    bytesRead: number;
    recordsRead: number;
    threadsTotal: number;
    threadsDone: number;
  };
  counts: ImportCounts;
  plan: ImportPlan | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}
