// An import file opened as one stream of normalised records, whatever its format, with the
// bytes read so far counted (progress and ETA). Parley's own export is turned into the same
// records: its posts become threads, its comments keep their ids as source ids.
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import {
  readCommentoExport,
  readDisqusExport,
  readIssoDatabase,
  readParleyExport,
  readRemark42Backup,
  readWxr,
  type ImportFormat,
  type ImportStreamRecord,
} from './formats/index.js';

export interface ImportSourceFile {
  records: AsyncIterable<ImportStreamRecord>;
  bytesRead(): number;
}

export function openImportFile(format: ImportFormat, path: string): ImportSourceFile {
  let bytes = 0;
  if (format === 'isso') {
    // An SQLite database is read by queries, not as a stream: progress counts records only.
    return { records: readIssoDatabase(path), bytesRead: () => 0 };
  }
  const counted = createReadStream(path).pipe(
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    }),
  );
  const records =
    format === 'disqus'
      ? readDisqusExport(counted)
      : format === 'wxr'
        ? readWxr(counted)
        : format === 'remark42'
          ? readRemark42Backup(counted)
          : format === 'commento'
            ? readCommentoExport(counted)
            : fromParley(readParleyExport(counted));
  return { records, bytesRead: () => bytes };
}

async function* fromParley(
  records: ReturnType<typeof readParleyExport>,
): AsyncGenerator<ImportStreamRecord> {
  for await (const r of records) {
    if (r.type === 'skipped') yield r;
    else if (r.type === 'post')
      yield {
        type: 'thread',
        sourceId: r.id,
        url: r.url ?? r.slug,
        title: r.title,
        identifier: r.slug,
        closed: r.closed,
        createdAt: r.publishedAt,
        restore: { author: r.author, createdAt: r.createdAt },
      };
    else if (r.type === 'comment')
      yield {
        type: 'comment',
        sourceId: r.id,
        threadSourceId: r.postId,
        parentSourceId: r.parentId,
        authorName: r.authorName,
        authorEmail: r.authorEmail || null,
        authorWebsite: r.authorWebsite,
        authorIp: null,
        body: r.body,
        bodyFormat: 'markdown',
        createdAt: r.createdAt,
        // Other formats know no "rejected": the common status hides it, restore keeps it exact.
        status: r.status === 'rejected' ? 'deleted' : r.status,
        kind: 'comment',
        restore: {
          status: r.status,
          replyToSourceId: r.replyToId,
          replyToName: r.replyToName,
          html: r.html,
          screening: r.screening,
          toxic: r.toxic,
          toxicityScore: r.toxicityScore,
          spamScore: r.spamScore,
          reportCount: r.reportCount,
          reportedAt: r.reportedAt,
          authorHash: r.authorHash ?? null,
          ipHash: r.ipHash,
          userAgent: r.userAgent,
          referrer: r.referrer,
          akismetParams: r.akismetParams,
          editedAt: r.editedAt,
          decidedAt: r.decidedAt,
        },
      };
    else if (
      r.type === 'settings' ||
      r.type === 'spam-model' ||
      r.type === 'report' ||
      r.type === 'ban' ||
      r.type === 'audit'
    )
      yield { type: 'restore', record: r };
  }
}
