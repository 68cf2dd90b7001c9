// The admin import API's answers as the dashboard reads them (dates as ISO strings):
// GET /api/admin/sites/:site/imports/:id → { job: ImportJobJson, skipped: SkippedEntryJson[] }.

export interface ImportJobJson {
  id: string;
  siteId: string;
  format: string;
  status: 'reading' | 'writing' | 'done' | 'failed';
  dryRun: boolean;
  options: { remap: string[]; includePingbacks: boolean; screen: boolean };
  fileName: string | null;
  fileBytes: number | null;
  progress: { bytesRead: number; recordsRead: number; threadsTotal: number; threadsDone: number };
  counts: {
    threads: number;
    postsCreated: number;
    postsMatched: number;
    commentsCreated: number;
    commentsExisting: number;
    commentsReattached: number;
    commentsFlattened: number;
    skipped: number;
  };
  plan: {
    posts: {
      url: string;
      slug: string;
      title: string;
      action: 'create' | 'match';
      comments: number;
    }[];
    truncated: boolean;
  } | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface SkippedEntryJson {
  entity: string;
  sourceId: string | null;
  reason: string;
  line: number | null;
}

/** POST /api/admin/commenters/erase → { erased: ErasureResult }: what a GDPR erasure removed. */
export interface ErasureResult {
  comments: number;
  sites: string[];
  bansLifted: number;
  lessonsDeleted: number;
  auditEntriesScrubbed: number;
  bodies: 'removed' | 'kept';
}
