// Disqus export (Admin → Moderation → Export, e-mailed as .xml.gz): a <disqus> root in the
// http://disqus.com namespace with <category>, <thread> and <post> children; ids live in the
// http://disqus.com/disqus-internals namespace (dsq:id). Threads normally precede posts, but
// nothing is assumed: each entry is yielded as it closes and references stay source ids.
import type { Readable } from 'node:stream';
import type { SaxesTagNS } from 'saxes';
import { ImportFormatError } from './format-error.js';
import { type CommentRecord, type ImportRecord, type ThreadRecord, skipped } from './records.js';
import { parseFlag, parseIsoDate } from './source-values.js';
import { EntryFields, MAX_ENTRY_CHARS, readXml } from './xml-stream.js';

const DISQUS_NS = 'http://disqus.com';
const INTERNALS_NS = 'http://disqus.com/disqus-internals';

export async function* readDisqusExport(input: Readable): AsyncGenerator<ImportRecord> {
  yield* readXml<ImportRecord>('disqus', input, (emit) => {
    let depth = 0;
    let entry: { kind: 'thread' | 'post'; fields: EntryFields } | null = null;
    // Only thread ids, never posts: a set of the (few) deleted threads, to skip their posts.
    const deletedThreads = new Set<string>();

    return {
      open(tag: SaxesTagNS, line: number) {
        depth++;
        if (depth === 1) {
          if (tag.local !== 'disqus' || tag.uri !== DISQUS_NS) {
            throw new ImportFormatError(
              'disqus',
              line,
              `the root element is <${tag.name}>, not <disqus xmlns="${DISQUS_NS}">`,
            );
          }
          return;
        }
        if (depth === 2) {
          if (tag.uri === DISQUS_NS && (tag.local === 'thread' || tag.local === 'post')) {
            entry = { kind: tag.local, fields: new EntryFields(line, attributesOf(tag)) };
          }
          return;
        }
        entry?.fields.open(tag.local, attributesOf(tag));
      },
      text(text: string) {
        entry?.fields.text(text);
      },
      close() {
        depth--;
        if (!entry) return;
        if (depth > 1) {
          entry.fields.close();
          return;
        }
        if (depth === 1) {
          const { kind, fields } = entry;
          entry = null;
          if (fields.overflow) {
            emit(
              skipped(
                kind === 'post' ? 'comment' : 'thread',
                fields.get('@id'),
                `entry is longer than ${MAX_ENTRY_CHARS} characters`,
                fields.line,
              ),
            );
          } else if (kind === 'thread') {
            emit(toThread(fields, deletedThreads));
          } else {
            emit(toComment(fields, deletedThreads));
          }
        }
      },
    };
  });
}

/** dsq:id becomes "id"; attributes of other namespaces are not used. */
function attributesOf(tag: SaxesTagNS): [string, string][] {
  const out: [string, string][] = [];
  for (const attr of Object.values(tag.attributes)) {
    if (attr.uri === INTERNALS_NS || attr.uri === '') out.push([attr.local, attr.value]);
  }
  return out;
}

function toThread(
  f: EntryFields,
  deletedThreads: Set<string>,
): ThreadRecord | ReturnType<typeof skipped> {
  const sourceId = f.get('@id');
  if (!sourceId) return skipped('thread', null, 'thread has no dsq:id', f.line);
  const deleted = parseFlag(f.get('isDeleted'), false);
  const closed = parseFlag(f.get('isClosed'), false);
  if (deleted === undefined || closed === undefined)
    return skipped('thread', sourceId, 'isDeleted/isClosed is neither true nor false', f.line);
  if (deleted) {
    deletedThreads.add(sourceId);
    return skipped('thread', sourceId, 'thread is deleted in Disqus', f.line);
  }
  const url = f.get('link');
  // Disqus exports carry stray <thread> stubs with nothing but an empty <id/>.
  if (!url) return skipped('thread', sourceId, 'thread has no link', f.line);
  const createdAtText = f.get('createdAt');
  const createdAt = parseIsoDate(createdAtText);
  if (createdAtText !== null && createdAt === null)
    return skipped('thread', sourceId, `createdAt "${createdAtText}" is not a date`, f.line);
  return {
    type: 'thread',
    sourceId,
    url,
    title: f.get('title'),
    identifier: f.get('id'),
    closed,
    createdAt,
  };
}

function toComment(
  f: EntryFields,
  deletedThreads: Set<string>,
): CommentRecord | ReturnType<typeof skipped> {
  // Some exports lack dsq:id on a post but keep the older numeric <id>.
  const sourceId = f.get('@id') ?? f.get('id');
  if (!sourceId) return skipped('comment', null, 'post has neither dsq:id nor <id>', f.line);
  const threadSourceId = f.get('thread@id');
  if (!threadSourceId) return skipped('comment', sourceId, 'post names no <thread dsq:id>', f.line);
  if (deletedThreads.has(threadSourceId))
    return skipped(
      'comment',
      sourceId,
      `its thread ${threadSourceId} is deleted in Disqus`,
      f.line,
    );
  const createdAtText = f.get('createdAt');
  const createdAt = parseIsoDate(createdAtText);
  if (!createdAt)
    return skipped(
      'comment',
      sourceId,
      createdAtText ? `createdAt "${createdAtText}" is not a date` : 'post has no createdAt',
      f.line,
    );
  const spam = parseFlag(f.get('isSpam'), false);
  const deleted = parseFlag(f.get('isDeleted'), false);
  if (spam === undefined || deleted === undefined)
    return skipped('comment', sourceId, 'isSpam/isDeleted is neither true nor false', f.line);
  return {
    type: 'comment',
    sourceId,
    threadSourceId,
    parentSourceId: f.get('parent@id'),
    // Guests may leave the name out; the username is the next best thing.
    authorName: f.get('author/name') ?? f.get('author/username') ?? 'Anonymous',
    authorEmail: f.get('author/email'),
    authorWebsite: null,
    authorIp: f.get('ipAddress'),
    body: f.get('message') ?? '',
    bodyFormat: 'html',
    createdAt,
    // A post marked spam is spam even if it was also deleted: that is what a moderator learns from.
    status: spam ? 'spam' : deleted ? 'deleted' : 'approved',
    kind: 'comment',
  };
}
