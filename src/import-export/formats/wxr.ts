// WordPress eXtended RSS (Tools → Export): <rss><channel> with one <item> per post, page or
// attachment and its <wp:comment> children. The wp namespace carries the WXR version
// (http://wordpress.org/export/1.0/ … 1.2/), so it is matched by pattern. Items are streamed:
// the thread is yielded when its first comment starts (WordPress writes every post field
// before the comments), and an item without comments yields nothing.
import type { Readable } from 'node:stream';
import { decodeHTML } from 'entities';
import type { SaxesTagNS } from 'saxes';
import { ImportFormatError } from './format-error.js';
import {
  type CommentKind,
  type CommentRecord,
  type ImportRecord,
  type ImportedStatus,
  type SkippedRecord,
  type ThreadRecord,
  skipped,
} from './records.js';
import { parseWordPressDate } from './source-values.js';
import { wordpressAutop } from './wp-autop.js';
import { EntryFields, MAX_ENTRY_CHARS, readXml } from './xml-stream.js';

const WP_NS = /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/$/;
const ALIASES: Record<string, string> = {
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://wellformedweb.org/CommentAPI/': 'wfw',
};

/** Element name as the reader spells it: "wp:comment_id" whatever prefix the file chose. */
function nameOf(tag: SaxesTagNS): string {
  if (tag.uri === '') return tag.local;
  if (WP_NS.test(tag.uri)) return `wp:${tag.local}`;
  const alias = ALIASES[tag.uri] ?? (/\/excerpt\/$/.test(tag.uri) ? 'excerpt' : null);
  return alias ? `${alias}:${tag.local}` : `{${tag.uri}}${tag.local}`;
}

const APPROVED: Record<string, ImportedStatus> = {
  '1': 'approved',
  approve: 'approved',
  '0': 'pending',
  hold: 'pending',
  spam: 'spam',
  trash: 'deleted',
  // Set by WordPress on the comments of a trashed post.
  'post-trashed': 'deleted',
};

const KINDS: Record<string, CommentKind> = {
  '': 'comment',
  comment: 'comment',
  pingback: 'pingback',
  trackback: 'trackback',
};

export async function* readWxr(input: Readable): AsyncGenerator<ImportRecord> {
  yield* readXml<ImportRecord>('wxr', input, (emit) => {
    let depth = 0;
    let item: EntryFields | null = null;
    let comment: EntryFields | null = null;
    let itemDepth = 0;
    /** The item's thread once yielded: its source id, or the reason it was skipped. */
    let thread: { sourceId: string } | { skippedBecause: string } | null = null;

    const startThread = () => {
      if (thread || !item) return;
      const record = toThread(item);
      emit(record);
      thread =
        record.type === 'thread'
          ? { sourceId: record.sourceId }
          : { skippedBecause: record.reason };
    };

    return {
      open(tag: SaxesTagNS, line: number) {
        depth++;
        const name = nameOf(tag);
        if (depth === 1 && name !== 'rss')
          throw new ImportFormatError('wxr', line, `the root element is <${tag.name}>, not <rss>`);
        if (depth === 3 && name === 'item') {
          item = new EntryFields(line);
          itemDepth = depth;
          thread = null;
          return;
        }
        if (!item) return;
        if (depth === itemDepth + 1 && name === 'wp:comment') {
          startThread();
          comment = new EntryFields(line);
          return;
        }
        (comment ?? item).open(name);
      },
      text(text: string) {
        (comment ?? item)?.text(text);
      },
      close() {
        const closing = depth--;
        if (!item) return;
        if (closing === itemDepth) {
          item = null; // </item>: an item without comments yields nothing
          return;
        }
        if (comment && closing === itemDepth + 1) {
          const fields = comment;
          comment = null;
          emit(toComment(fields, thread));
          return;
        }
        (comment ?? item).close();
      },
    };
  });
}

function toThread(f: EntryFields): ThreadRecord | SkippedRecord {
  if (f.overflow)
    return skipped(
      'thread',
      null,
      `post is longer than ${MAX_ENTRY_CHARS} characters before its comments`,
      f.line,
    );
  const url = f.get('link');
  // Hand-made WXR (and Disqus's import flavour) may leave out the post id; the permalink is as unique.
  const sourceId = f.get('wp:post_id') ?? url;
  if (!sourceId || !url) return skipped('thread', sourceId, 'item has no link', f.line);
  if (f.get('wp:status') === 'trash')
    return skipped('thread', sourceId, 'post is in the trash', f.line);
  return {
    type: 'thread',
    sourceId,
    url,
    // WordPress keeps titles as HTML ("&amp;"), in CDATA since 5.x; a title is plain text here.
    title: decodeTitle(f.get('title')),
    identifier: f.get('wp:post_name'),
    closed: f.get('wp:comment_status') === 'closed',
    createdAt:
      parseWordPressDate(f.get('wp:post_date_gmt')) ?? parseWordPressDate(f.get('wp:post_date')),
  };
}

function decodeTitle(title: string | null): string | null {
  return title === null ? null : decodeHTML(title).trim() || null;
}

function toComment(
  f: EntryFields,
  thread: { sourceId: string } | { skippedBecause: string } | null,
): CommentRecord | SkippedRecord {
  const sourceId = f.get('wp:comment_id');
  if (f.overflow)
    return skipped(
      'comment',
      sourceId,
      `comment is longer than ${MAX_ENTRY_CHARS} characters`,
      f.line,
    );
  if (!sourceId) return skipped('comment', null, 'comment has no wp:comment_id', f.line);
  if (!thread || 'skippedBecause' in thread)
    return skipped(
      'comment',
      sourceId,
      `its post was skipped (${thread ? thread.skippedBecause : 'no post'})`,
      f.line,
    );
  const approved = f.get('wp:comment_approved') ?? '0';
  const status = APPROVED[approved];
  if (!status)
    return skipped(
      'comment',
      sourceId,
      `comment_approved "${approved}" is not a known status`,
      f.line,
    );
  const type = f.get('wp:comment_type') ?? '';
  const kind = KINDS[type];
  // WooCommerce order notes, reviews and other plugin types ride in wp:comment too.
  if (!kind)
    return skipped(
      'comment',
      sourceId,
      `comment_type "${type}" is not a comment, pingback or trackback`,
      f.line,
    );
  // comment_date_gmt is "0000-00-00 00:00:00" on some old or imported rows; the local date is next best.
  const createdAt =
    parseWordPressDate(f.get('wp:comment_date_gmt')) ??
    parseWordPressDate(f.get('wp:comment_date'));
  if (!createdAt)
    return skipped(
      'comment',
      sourceId,
      'comment has no valid comment_date_gmt or comment_date',
      f.line,
    );
  const parent = f.get('wp:comment_parent');
  return {
    type: 'comment',
    sourceId,
    threadSourceId: thread.sourceId,
    parentSourceId: parent === null || parent === '0' ? null : parent,
    // WordPress stores pingback titles HTML-escaped ("&#039;"); names are plain text here.
    authorName: decodeHTML(f.get('wp:comment_author') ?? '') || 'Anonymous',
    authorEmail: f.get('wp:comment_author_email'),
    authorWebsite: f.get('wp:comment_author_url'),
    authorIp: f.get('wp:comment_author_IP'),
    body: wordpressAutop(f.get('wp:comment_content') ?? ''),
    bodyFormat: 'html',
    createdAt,
    status,
    kind,
  };
}
