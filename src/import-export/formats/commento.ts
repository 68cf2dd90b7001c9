// Commento export (Dashboard → Export, e-mailed as gzip): one JSON document
// {"version":1,"comments":[…],"commenters":[…]} (api/domain_export.go). It is parsed as a token
// stream (stream-json), one comment object at a time. Go writes the comments *before* the
// commenters they refer to, so comments that arrive before the commenters are spooled to a
// temporary JSON-lines file and replayed once the names and e-mails are known: memory holds the
// commenters (one per person) and the page set, never the comments.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { getManyValues, isMany, none } from 'stream-chain/defs.js';
import { Assembler } from 'stream-json/core/assembler.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
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
import { parseIsoDate } from './source-values.js';
import { InputBytesError, textChunks, textLines } from './text-input.js';

const CommentSchema = z
  .object({
    commentHex: z.string().min(1),
    domain: z.string().optional(),
    url: z.string().optional(),
    commenterHex: z.string(),
    markdown: z.string().optional(),
    html: z.string().optional(),
    parentHex: z.string(),
    state: z.string().optional(),
    creationDate: z.string(),
    deleted: z.boolean().optional(),
  })
  .loose();
type CommentoComment = z.infer<typeof CommentSchema>;

const CommenterSchema = z
  .object({
    commenterHex: z.string().min(1),
    email: z.string().optional(),
    name: z.string().optional(),
    link: z.string().optional(),
  })
  .loose();

interface Commenter {
  name: string;
  email: string | null;
  website: string | null;
}

const STATES: Record<string, ImportedStatus> = {
  approved: 'approved',
  unapproved: 'pending',
  flagged: 'spam',
};

/** One element of `comments` as it came: line for skip reasons, value still unchecked. */
interface PendingComment {
  line: number;
  value: unknown;
}

export async function* readCommentoExport(input: Readable): AsyncGenerator<ImportRecord> {
  const parser = jsonParser();
  let line = 1;
  let depth = 0;
  let topKey: string | null = null;
  let element: { asm: Assembler; line: number } | null = null;
  let commenters: Map<string, Commenter> | null = null;
  let sawRoot = false;
  const pages = new Set<string>();
  const ready: (PendingComment | { commenter: unknown })[] = [];

  let spool: {
    dir: string;
    file: string;
    out: ReturnType<typeof createWriteStream>;
    count: number;
  } | null = null;

  const onToken = (token: Token) => {
    if (element) {
      element.asm.consume(token);
      if (element.asm.done) {
        ready.push(
          topKey === 'comments'
            ? { line: element.line, value: element.asm.current }
            : { commenter: element.asm.current },
        );
        element = null;
      }
      return;
    }
    switch (token.name) {
      case 'startObject':
      case 'startArray':
        if (depth === 0 && token.name !== 'startObject')
          throw new ImportFormatError('commento', line, 'the file is not a JSON object');
        if (depth === 0) sawRoot = true;
        // An element of comments/commenters: assemble it alone.
        if (depth === 2 && (topKey === 'comments' || topKey === 'commenters')) {
          element = { asm: new Assembler(), line };
          element.asm.consume(token);
          return;
        }
        depth++;
        return;
      case 'endObject':
      case 'endArray':
        depth--;
        return;
      case 'keyValue':
        if (depth === 1) topKey = token.value;
        return;
      case 'numberValue':
        if (depth === 1 && topKey === 'version' && token.value !== '1') {
          throw new ImportFormatError('commento', line, `export version ${token.value} is not 1`);
        }
        return;
      default:
        if (depth === 0)
          throw new ImportFormatError('commento', line, 'the file is not a JSON object');
        // Scalars elsewhere (and scalar elements of the two arrays) carry nothing we use.
        if (depth === 2 && topKey === 'comments')
          ready.push({ line, value: 'value' in token ? token.value : null });
    }
  };

  const feed = (piece: string | typeof none) => {
    // Flushable stages are flushed by a call with `none` (stream-chain's protocol); the type names only text.
    const out = parser(piece as string);
    if (isMany(out)) for (const token of getManyValues(out)) onToken(token);
    else if (out !== none) onToken(out as Token);
  };

  try {
    for await (const chunk of textChunks(input)) {
      // Fed a line at a time so a syntax error is reported on its own line.
      let start = 0;
      for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
        feedOrFail(feed, chunk.slice(start, nl + 1), line);
        line++;
        start = nl + 1;
      }
      if (start < chunk.length) feedOrFail(feed, chunk.slice(start), line);

      for (const item of ready) {
        if ('commenter' in item) {
          commenters ??= new Map();
          addCommenter(commenters, item.commenter);
          continue;
        }
        const thread = threadOf(item.value, pages);
        if (thread) yield thread;
        if (commenters && !spool) {
          yield toComment(item, commenters);
        } else {
          // The commenters are still ahead: keep the comment on disk, not in memory.
          if (!spool) {
            const dir = await mkdtemp(join(tmpdir(), 'parley-commento-'));
            const file = join(dir, 'comments.jsonl');
            spool = { dir, file, out: createWriteStream(file), count: 0 };
          }
          spool.count++;
          if (!spool.out.write(`${JSON.stringify(item)}\n`)) await once(spool.out, 'drain');
        }
      }
      ready.length = 0;
    }
    feedOrFail(feed, none, line);
    if (!sawRoot) throw new ImportFormatError('commento', line, 'the file is empty');

    if (spool) {
      spool.out.end();
      await once(spool.out, 'finish');
      const known = commenters ?? new Map<string, Commenter>();
      for await (const { text } of textLines(createReadStream(spool.file))) {
        yield toComment(JSON.parse(text) as PendingComment, known);
      }
    }
  } catch (err) {
    if (err instanceof InputBytesError)
      throw new ImportFormatError('commento', line, err.message, { cause: err });
    throw err;
  } finally {
    if (spool) {
      spool.out.destroy();
      await rm(spool.dir, { recursive: true, force: true });
    }
  }
}

function feedOrFail(
  feed: (piece: string | typeof none) => void,
  piece: string | typeof none,
  line: number,
): void {
  try {
    feed(piece);
  } catch (err) {
    if (err instanceof ImportFormatError) throw err;
    const message = (err as Error).message.replace(/^Parser (cannot parse input: )?/, '');
    throw new ImportFormatError(
      'commento',
      line,
      piece === none ? `the file ends too early (${message}): it is truncated` : message,
      { cause: err },
    );
  }
}

function addCommenter(map: Map<string, Commenter>, value: unknown): void {
  const parsed = CommenterSchema.safeParse(value);
  // The export joins commenters to comments, so each person is listed once per comment.
  if (!parsed.success || map.has(parsed.data.commenterHex)) return;
  const c = parsed.data;
  map.set(c.commenterHex, {
    name: c.name?.trim() || 'Anonymous',
    email: c.email?.trim() || null,
    // Commento stores the string "undefined" for "no website".
    website: c.link && c.link !== 'undefined' ? c.link : null,
  });
}

function pageOf(c: { domain?: string | undefined; url?: string | undefined }): {
  sourceId: string;
  url: string;
} {
  const path = c.url ?? '';
  if (!c.domain) return { sourceId: path || '/', url: path || '/' };
  return {
    sourceId: `${c.domain}${path}`,
    url: `https://${c.domain}${path.startsWith('/') || path === '' ? path : `/${path}`}`,
  };
}

/** The page's thread, the first time a comment names it. */
function threadOf(value: unknown, pages: Set<string>): ThreadRecord | null {
  const parsed = CommentSchema.safeParse(value);
  if (!parsed.success) return null;
  const page = pageOf(parsed.data);
  if (pages.has(page.sourceId)) return null;
  pages.add(page.sourceId);
  // Commento exports no page data: titles and locks (pages.isLocked) stay behind.
  return {
    type: 'thread',
    sourceId: page.sourceId,
    url: page.url,
    title: null,
    identifier: null,
    closed: false,
    createdAt: null,
  };
}

function toComment(
  item: PendingComment,
  commenters: Map<string, Commenter>,
): CommentRecord | SkippedRecord {
  const parsed = CommentSchema.safeParse(item.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const id = (item.value as { commentHex?: unknown } | null)?.commentHex;
    return skipped(
      'comment',
      typeof id === 'string' ? id : null,
      `comment is malformed: ${issue?.path.join('.')} ${issue?.message}`,
      item.line,
    );
  }
  const c: CommentoComment = parsed.data;
  const createdAt = parseIsoDate(c.creationDate);
  if (!createdAt)
    return skipped(
      'comment',
      c.commentHex,
      `creationDate "${c.creationDate}" is not a date`,
      item.line,
    );
  const state = c.state ? STATES[c.state] : 'approved';
  if (!state)
    return skipped(
      'comment',
      c.commentHex,
      `state "${c.state}" is not approved, unapproved or flagged`,
      item.line,
    );
  // Deleting sets deleted=true, markdown/html to "[deleted]" and the commenter to anonymous.
  const status: ImportedStatus = c.deleted ? 'deleted' : state;
  const author = c.commenterHex === 'anonymous' ? null : commenters.get(c.commenterHex);
  const markdown = c.markdown ?? '';
  const useMarkdown = markdown.trim() !== '' || !c.html;
  let body = useMarkdown ? markdown : (c.html ?? '');
  if (c.deleted && body.trim() === '[deleted]') body = '';
  return {
    type: 'comment',
    sourceId: c.commentHex,
    threadSourceId: pageOf(c).sourceId,
    parentSourceId: c.parentHex === 'root' || c.parentHex === '' ? null : c.parentHex,
    authorName: author?.name ?? 'Anonymous',
    authorEmail: author?.email ?? null,
    authorWebsite: author?.website ?? null,
    authorIp: null,
    // The export selects only the Markdown column; html is always "".
    body,
    bodyFormat: useMarkdown ? 'markdown' : 'html',
    createdAt,
    status,
    kind: 'comment',
  };
}
