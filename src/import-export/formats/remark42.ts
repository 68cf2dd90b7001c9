// Remark42 backup (backup-<site>-YYYYMMDD.gz, or the admin export): JSON lines. The first line
// is the meta {version, users, posts} (backend/app/migrator/native.go); every other line is one
// store.Comment (backend/app/store/comment.go). Threads are implicit (locator.url), so a thread
// is yielded the first time a comment names it; the meta lists only read-only posts.
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { ImportFormatError } from './format-error.js';
import { readJsonLines } from './json-lines.js';
import {
  type CommentRecord,
  type ImportRecord,
  type SkippedRecord,
  type ThreadRecord,
  skipped,
} from './records.js';
import { parseIsoDate } from './source-values.js';

const MetaSchema = z.object({
  version: z.number().int(),
  users: z
    .array(
      z
        .object({
          id: z.string(),
          details: z.object({ email: z.string().optional() }).partial().optional(),
        })
        .loose(),
    )
    .nullish(),
  posts: z
    .array(z.object({ url: z.string(), read_only: z.boolean().optional() }).loose())
    .nullish(),
});

const CommentSchema = z
  .object({
    id: z.string().min(1),
    pid: z.string().optional(),
    text: z.string().optional(),
    orig: z.string().optional(),
    user: z.object({ name: z.string().optional(), id: z.string().optional() }).loose(),
    locator: z.object({ site: z.string().optional(), url: z.string().min(1) }),
    time: z.string(),
    delete: z.boolean().optional(),
    imported: z.boolean().optional(),
    title: z.string().optional(),
  })
  .loose();

export async function* readRemark42Backup(input: Readable): AsyncGenerator<ImportRecord> {
  let meta: { readOnly: Set<string>; emails: Map<string, string> } | null = null;
  // One entry per page (not per comment): which threads were yielded already.
  const seenThreads = new Set<string>();

  for await (const entry of readJsonLines('remark42', input)) {
    if (!meta) {
      const parsed = entry.ok ? MetaSchema.safeParse(entry.value) : null;
      if (!entry.ok || !parsed?.success || 'locator' in (entry.value as object)) {
        throw new ImportFormatError(
          'remark42',
          entry.line,
          'the first line is not a Remark42 backup meta line {"version":1,"users":…,"posts":…}',
        );
      }
      if (parsed.data.version !== 0 && parsed.data.version !== 1) {
        throw new ImportFormatError(
          'remark42',
          entry.line,
          `backup version ${parsed.data.version} is not 0 or 1`,
        );
      }
      meta = {
        readOnly: new Set((parsed.data.posts ?? []).filter((p) => p.read_only).map((p) => p.url)),
        // Remark42 has no e-mail on a comment; users who subscribed to replies left one here.
        emails: new Map(
          (parsed.data.users ?? []).flatMap((u) =>
            u.details?.email ? [[u.id, u.details.email] as const] : [],
          ),
        ),
      };
      continue;
    }
    if (!entry.ok) {
      yield skipped('record', null, entry.error, entry.line);
      continue;
    }
    const parsed = CommentSchema.safeParse(entry.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      yield skipped(
        'comment',
        idOf(entry.value),
        `comment is malformed: ${issue?.path.join('.')} ${issue?.message}`,
        entry.line,
      );
      continue;
    }
    const c = parsed.data;
    if (!seenThreads.has(c.locator.url)) {
      seenThreads.add(c.locator.url);
      yield toThread(c.locator.url, c.title, meta.readOnly);
    }
    yield toComment(c, entry.line, meta.emails);
  }
  if (!meta) throw new ImportFormatError('remark42', 1, 'the file is empty');
}

function toThread(url: string, title: string | undefined, readOnly: Set<string>): ThreadRecord {
  return {
    type: 'thread',
    sourceId: url,
    url,
    title: title?.trim() || null,
    identifier: null,
    closed: readOnly.has(url),
    createdAt: null,
  };
}

function toComment(
  c: z.infer<typeof CommentSchema>,
  line: number,
  emails: Map<string, string>,
): CommentRecord | SkippedRecord {
  const createdAt = parseIsoDate(c.time);
  if (!createdAt) return skipped('comment', c.id, `time "${c.time}" is not a date`, line);
  // text is the sanitised HTML Remark42 shows; orig (its Markdown source) is absent on imported comments.
  const html = c.text ?? '';
  const useOrig = html.trim() === '' && (c.orig ?? '').trim() !== '';
  return {
    type: 'comment',
    sourceId: c.id,
    threadSourceId: c.locator.url,
    parentSourceId: c.pid ? c.pid : null,
    authorName: c.user.name?.trim() || 'Anonymous',
    authorEmail: (c.user.id && emails.get(c.user.id)) || null,
    authorWebsite: null,
    // user.ip is an HMAC of the address, useless for anything Parley does with an IP.
    authorIp: null,
    body: useOrig ? c.orig! : html,
    bodyFormat: useOrig ? 'markdown' : 'html',
    createdAt,
    status: c.delete ? 'deleted' : 'approved',
    kind: 'comment',
  };
}

function idOf(value: unknown): string | null {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id !== '' ? id : null;
}
