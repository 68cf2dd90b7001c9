// First half of an import: the reader's stream is staged in the database, in batches, so that
// each thread can then be written whole (its comments may be scattered through the file, and a
// reply may come before its parent) while memory holds one batch, not the file.
import type { Db } from '../db/database.js';
import {
  RestoreRecordSchema,
  type CommentRecord,
  type ImportStreamRecord,
} from './formats/index.js';
import type { ImportOptions } from './import-job.js';
import {
  clearStaged,
  countStaged,
  skipDuplicateStaged,
  skipOrphanComments,
  stageRecords,
  updateImportJob,
  type StagedRow,
} from './import.repo.js';

const STAGE_BATCH = 1_000;

export interface StageProgress {
  recordsRead: number;
  /** Bytes of the file read so far, when the source counts them. */
  bytesRead: number;
}

export interface StageResult {
  records: number;
  threads: number;
  skipped: number;
}

/** Stages every record of `records` for the job; returns how many threads there are to write. */
export async function stageImport(
  db: Db,
  jobId: string,
  records: AsyncIterable<ImportStreamRecord>,
  options: ImportOptions,
  bytesRead: () => number,
  onProgress: (p: StageProgress) => void,
): Promise<StageResult> {
  // A run interrupted while reading starts the reading over: nothing of it was written yet.
  await clearStaged(db, jobId, false);
  let seq = 0;
  let batch: StagedRow[] = [];
  const flush = async () => {
    await stageRecords(db, batch);
    batch = [];
    const progress = { recordsRead: seq, bytesRead: bytesRead() };
    await updateImportJob(db, jobId, progress);
    onProgress(progress);
  };
  for await (const record of records) {
    batch.push(toStaged(jobId, ++seq, record, options));
    if (batch.length >= STAGE_BATCH) await flush();
  }
  await flush();
  await skipDuplicateStaged(db, jobId);
  await skipOrphanComments(db, jobId);
  const [threads, skipped] = await Promise.all([
    countStaged(db, jobId, 'thread'),
    countStaged(db, jobId, 'skipped'),
  ]);
  return { records: seq, threads, skipped };
}

function toStaged(
  jobId: string,
  seq: number,
  record: ImportStreamRecord,
  options: ImportOptions,
): StagedRow {
  const base = { jobId, seq, reason: null, line: null };
  if (record.type === 'restore')
    return {
      ...base,
      kind: 'restore',
      sourceId: 'id' in record.record ? record.record.id : null,
      threadSourceId: null,
      // Encoded as on the wire (ISO dates): import-restore.ts decodes it with the same schema.
      data: JSON.stringify(RestoreRecordSchema.encode(record)),
    };
  if (record.type === 'skipped')
    return {
      ...base,
      kind: 'skipped',
      sourceId: record.sourceId,
      threadSourceId: null,
      data: JSON.stringify({ entity: record.entity }),
      reason: record.reason,
      line: record.line,
    };
  if (record.type === 'thread')
    return {
      ...base,
      kind: 'thread',
      sourceId: record.sourceId,
      threadSourceId: record.sourceId,
      data: JSON.stringify(record),
    };
  const skip = commentSkipReason(record, options);
  return {
    ...base,
    kind: skip ? 'skipped' : 'comment',
    sourceId: record.sourceId,
    threadSourceId: record.threadSourceId,
    data: JSON.stringify(skip ? { entity: 'comment' } : record),
    reason: skip,
  };
}

function commentSkipReason(record: CommentRecord, options: ImportOptions): string | null {
  if (record.kind !== 'comment' && !options.includePingbacks)
    return `${record.kind} (import them with --include-pingbacks)`;
  return null;
}
