// Isso keeps everything in one SQLite file: `threads` (id, uri, title) and `comments` (tid, id,
// parent, created, modified, mode, remote_addr, text, author, email, website, likes, dislikes,
// voters, notification); see isso/db/threads.py and comments.py. Rows are read through cursors
// (better-sqlite3 iterate), threads first, then comments by id, so memory holds one row.
import Database from 'better-sqlite3';
import { z } from 'zod';
import { ImportFormatError } from './format-error.js';
import {
  type CommentRecord,
  type ImportRecord,
  type ImportedStatus,
  type SkippedRecord,
  type ThreadRecord,
  skipped,
} from './records.js';

/** Isso's comment.mode: 1 accepted, 2 waiting for moderation, 4 deleted but kept for its replies. */
const MODES: Record<number, ImportedStatus> = { 1: 'approved', 2: 'pending', 4: 'deleted' };

const ThreadRow = z.object({
  id: z.number().int(),
  uri: z.string().nullable(),
  title: z.string().nullable(),
});
const CommentRow = z.object({
  tid: z.number().int().nullable(),
  id: z.number().int(),
  parent: z.number().int().nullable(),
  created: z.number(),
  mode: z.number().int().nullable(),
  remote_addr: z.string().nullable(),
  text: z.string().nullable(),
  author: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
});

const REQUIRED_COLUMNS: Record<string, string[]> = {
  threads: ['id', 'uri', 'title'],
  comments: [
    'tid',
    'id',
    'parent',
    'created',
    'mode',
    'remote_addr',
    'text',
    'author',
    'email',
    'website',
  ],
};

/**
 * Isso stores the text as typed and renders Markdown when it serves it, but comments that Isso
 * itself imported from Disqus or WordPress are stored as those services' HTML. A text that
 * starts and ends with a tag and contains a common one is taken for HTML.
 */
function issoBodyFormat(text: string): 'html' | 'markdown' {
  const t = text.trim();
  return t.startsWith('<') &&
    t.endsWith('>') &&
    /<(?:p|br|a|em|strong|b|i|blockquote|code|pre|ul|ol|li|div|span)[\s/>]/i.test(t)
    ? 'html'
    : 'markdown';
}

export async function* readIssoDatabase(path: string): AsyncGenerator<ImportRecord> {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new ImportFormatError(
      'isso',
      null,
      `cannot open the database: ${(err as Error).message}`,
      { cause: err },
    );
  }
  try {
    checkSchema(db);
    for (const row of db.prepare('SELECT id, uri, title FROM threads ORDER BY id').iterate())
      yield toThread(row);
    const comments = db.prepare(
      'SELECT tid, id, parent, created, mode, remote_addr, text, author, email, website FROM comments ORDER BY id',
    );
    for (const row of comments.iterate()) yield toComment(row);
  } catch (err) {
    if (err instanceof ImportFormatError) throw err;
    // Not a database at all, or one that breaks mid-read.
    throw new ImportFormatError('isso', null, (err as Error).message, { cause: err });
  } finally {
    db.close();
  }
}

function checkSchema(db: Database.Database): void {
  for (const [table, wanted] of Object.entries(REQUIRED_COLUMNS)) {
    const columns = new Set(
      (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
        (c) => c.name,
      ),
    );
    if (columns.size === 0)
      throw new ImportFormatError(
        'isso',
        null,
        `there is no "${table}" table: this is not an Isso database`,
      );
    const missing = wanted.filter((c) => !columns.has(c));
    if (missing.length > 0)
      throw new ImportFormatError(
        'isso',
        null,
        `table "${table}" lacks column(s) ${missing.join(', ')}`,
      );
  }
}

function toThread(raw: unknown): ThreadRecord | SkippedRecord {
  const parsed = ThreadRow.safeParse(raw);
  if (!parsed.success)
    return skipped(
      'thread',
      idOf(raw),
      `thread row is malformed: ${parsed.error.issues[0]?.message}`,
      null,
    );
  const row = parsed.data;
  if (!row.uri) return skipped('thread', String(row.id), 'thread has no uri', null);
  // Isso has no per-thread closing (only a global max-age) and no creation date of its own.
  return {
    type: 'thread',
    sourceId: String(row.id),
    url: row.uri,
    title: row.title || null,
    identifier: null,
    closed: false,
    createdAt: null,
  };
}

function toComment(raw: unknown): CommentRecord | SkippedRecord {
  const parsed = CommentRow.safeParse(raw);
  if (!parsed.success)
    return skipped(
      'comment',
      idOf(raw),
      `comment row is malformed: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
      null,
    );
  const row = parsed.data;
  const sourceId = String(row.id);
  if (row.tid === null) return skipped('comment', sourceId, 'comment has no thread (tid)', null);
  const status = row.mode === null ? undefined : MODES[row.mode];
  if (!status) return skipped('comment', sourceId, `mode ${row.mode} is not 1, 2 or 4`, null);
  const createdAt = new Date(row.created * 1000);
  if (Number.isNaN(createdAt.getTime()))
    return skipped('comment', sourceId, `created ${row.created} is not a time`, null);
  const text = row.text ?? '';
  return {
    type: 'comment',
    sourceId,
    threadSourceId: String(row.tid),
    parentSourceId: row.parent === null ? null : String(row.parent),
    authorName: row.author?.trim() || 'Anonymous',
    authorEmail: row.email?.trim() || null,
    authorWebsite: row.website?.trim() || null,
    // Isso anonymises on write (IPv4 /24, IPv6 /48): a network, not a person, but still an IP.
    // 0.0.0.0 is what it stores when there was no address (its Disqus import, bad input).
    authorIp:
      row.remote_addr?.trim() && row.remote_addr.trim() !== '0.0.0.0'
        ? row.remote_addr.trim()
        : null,
    body: text,
    bodyFormat: issoBodyFormat(text),
    createdAt,
    status,
    kind: 'comment',
  };
}

function idOf(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : null;
}
