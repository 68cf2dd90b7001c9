// WXR 1.2 writer: what WordPress's importer (Tools → Import → WordPress) reads. One <item> per
// post with its <wp:comment>s, streamed post by post. Two importer habits shape the output:
// - it casts ids to integers and links a reply to its parent only if the parent was inserted
//   first, in comment_id order (class-wp-import.php, process_post_comments: ksort, then remap);
//   so ids are renumbered 1, 2, 3… with every parent before its replies, and Parley's own ids
//   ride along as meta (_parley_post_id, _parley_comment_id);
// - it skips an item whose wp:post_type is missing or unknown, so every item is a "post".
// Memory holds a post's comment ids and their numbers (for the replies' parent links), and a
// reply that comes before its parent until the parent does; text goes out in bounded chunks.
import type { CommentKind } from './records.js';

export interface WxrChannel {
  title: string;
  /** The site's home URL. */
  link: string;
  description?: string;
  language?: string;
}

export type WxrCommentStatus = 'approved' | 'pending' | 'spam' | 'deleted' | 'rejected';

export interface WxrComment {
  /** Any string: the writer numbers comments itself and keeps this id in _parley_comment_id. */
  id: string;
  /** Another comment of the same post, or null. A parent missing from the post makes a top-level comment. */
  parentId: string | null;
  authorName: string;
  authorEmail: string | null;
  authorWebsite: string | null;
  authorIp: string | null;
  /** HTML as it should be shown (Parley's rendered html). */
  contentHtml: string;
  createdAt: Date;
  status: WxrCommentStatus;
  kind?: CommentKind;
}

export interface WxrPost {
  id: string;
  slug: string;
  title: string;
  url: string;
  closed: boolean;
  /** Written as wp:post_date_gmt and, lacking the blog's time zone, as wp:post_date too. */
  publishedAt: Date;
  author?: string | null;
  comments: AsyncIterable<WxrComment> | Iterable<WxrComment>;
}

/** WordPress has no "rejected": the trash is the nearest place for it. */
const APPROVED: Record<WxrCommentStatus, string> = {
  approved: '1',
  pending: '0',
  spam: 'spam',
  deleted: 'trash',
  rejected: 'trash',
};

// XML 1.0 cannot carry most control characters or lone surrogates at all, escaped or not.
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** CDATA cannot contain "]]>": end the section between "]]" and ">" and open a new one. */
export function cdata(value: string): string {
  return `<![CDATA[${value.replace(NOT_XML, '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function wpDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function rssDate(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

export async function* writeWxr(
  channel: WxrChannel,
  posts: AsyncIterable<WxrPost> | Iterable<WxrPost>,
): AsyncGenerator<string> {
  yield `<?xml version="1.0" encoding="UTF-8" ?>
<!-- WordPress eXtended RSS written by Parley: import it with Tools → Import → WordPress. -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>${xmlText(channel.title)}</title>
	<link>${xmlText(channel.link)}</link>
	<description>${xmlText(channel.description ?? '')}</description>
	<pubDate>${rssDate(new Date())}</pubDate>
	<language>${xmlText(channel.language ?? 'en-US')}</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${xmlText(channel.link)}</wp:base_site_url>
	<wp:base_blog_url>${xmlText(channel.link)}</wp:base_blog_url>
	<generator>Parley</generator>
`;
  let postNumber = 0;
  let commentNumber = 0;
  for await (const post of posts) {
    postNumber++;
    let parts: string[] = [item(post, postNumber)];
    let size = 0;
    for await (const { comment, number, parent } of parentsFirst(post.comments, commentNumber)) {
      commentNumber = number;
      const xml = commentXml(comment, number, parent);
      parts.push(xml);
      size += xml.length;
      if (size >= CHUNK_CHARS) {
        yield parts.join('');
        parts = [];
        size = 0;
      }
    }
    parts.push('\t</item>\n');
    yield parts.join('');
  }
  yield '</channel>\n</rss>\n';
}

/** A long post goes out in chunks of about this many characters, not as one string. */
const CHUNK_CHARS = 64 * 1024;

/**
 * A post's comments numbered after `last` in input order, except that a reply waits until its
 * parent was placed. Parley's export sends parents first, so nothing waits and only the numbers
 * of ids are held; a reply whose parent never comes (not in the post, or in a parent cycle) is
 * placed at the end of the post, as a top-level comment, its replies after it.
 */
async function* parentsFirst(
  comments: WxrPost['comments'],
  last: number,
): AsyncGenerator<{ comment: WxrComment; number: number; parent: number }> {
  const numbers = new Map<string, number>();
  const waiting = new Map<string, WxrComment[]>();
  let next = last;
  function* place(
    c: WxrComment,
  ): Generator<{ comment: WxrComment; number: number; parent: number }> {
    const number = ++next;
    numbers.set(c.id, number);
    yield { comment: c, number, parent: c.parentId === null ? 0 : (numbers.get(c.parentId) ?? 0) };
    const children = waiting.get(c.id);
    if (children) {
      waiting.delete(c.id);
      for (const child of children) yield* place(child);
    }
  }
  for await (const c of comments) {
    if (c.parentId !== null && c.parentId !== c.id && !numbers.has(c.parentId)) {
      const list = waiting.get(c.parentId) ?? [];
      list.push(c);
      waiting.set(c.parentId, list);
    } else {
      yield* place(c);
    }
  }
  for (const list of waiting.values())
    for (const c of list) if (!numbers.has(c.id)) yield* place(c);
}

function item(post: WxrPost, number: number): string {
  const date = wpDate(post.publishedAt);
  return `	<item>
		<title>${xmlText(post.title)}</title>
		<link>${xmlText(post.url)}</link>
		<pubDate>${rssDate(post.publishedAt)}</pubDate>
		<dc:creator>${cdata(post.author ?? '')}</dc:creator>
		<guid isPermaLink="false">${xmlText(post.url)}</guid>
		<description></description>
		<content:encoded>${cdata('')}</content:encoded>
		<excerpt:encoded>${cdata('')}</excerpt:encoded>
		<wp:post_id>${number}</wp:post_id>
		<wp:post_date>${cdata(date)}</wp:post_date>
		<wp:post_date_gmt>${cdata(date)}</wp:post_date_gmt>
		<wp:comment_status>${post.closed ? 'closed' : 'open'}</wp:comment_status>
		<wp:ping_status>closed</wp:ping_status>
		<wp:post_name>${cdata(post.slug)}</wp:post_name>
		<wp:status>publish</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>post</wp:post_type>
		<wp:post_password></wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>
		<wp:postmeta>
			<wp:meta_key>_parley_post_id</wp:meta_key>
			<wp:meta_value>${cdata(post.id)}</wp:meta_value>
		</wp:postmeta>
`;
}

function commentXml(c: WxrComment, number: number, parent: number): string {
  const date = wpDate(c.createdAt);
  const type = c.kind && c.kind !== 'comment' ? c.kind : '';
  return `		<wp:comment>
			<wp:comment_id>${number}</wp:comment_id>
			<wp:comment_author>${cdata(c.authorName)}</wp:comment_author>
			<wp:comment_author_email>${cdata(c.authorEmail ?? '')}</wp:comment_author_email>
			<wp:comment_author_url>${xmlText(c.authorWebsite ?? '')}</wp:comment_author_url>
			<wp:comment_author_IP>${xmlText(c.authorIp ?? '')}</wp:comment_author_IP>
			<wp:comment_date>${cdata(date)}</wp:comment_date>
			<wp:comment_date_gmt>${cdata(date)}</wp:comment_date_gmt>
			<wp:comment_content>${cdata(c.contentHtml)}</wp:comment_content>
			<wp:comment_approved>${APPROVED[c.status]}</wp:comment_approved>
			<wp:comment_type>${type}</wp:comment_type>
			<wp:comment_parent>${parent}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
			<wp:commentmeta>
				<wp:meta_key>_parley_comment_id</wp:meta_key>
				<wp:meta_value>${cdata(c.id)}</wp:meta_value>
			</wp:commentmeta>
		</wp:comment>
`;
}
