import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { renderCommentBody } from '../../comments/render.js';
import { collect, expectedRecords } from '../../../test/helpers/import-records.js';
import type { CommentRecord, ImportRecord, ThreadRecord } from './records.js';
import { cdata, type WxrComment, type WxrPost, writeWxr } from './wxr-writer.js';
import { readWxr } from './wxr.js';

const channel = { title: 'Parley & Co', link: 'https://blog.example.com' };

async function writeToString(posts: WxrPost[]): Promise<string> {
  return (await collect(writeWxr(channel, posts))).join('');
}

async function roundTrip(posts: WxrPost[]): Promise<ImportRecord[]> {
  return collect(readWxr(Readable.from([await writeToString(posts)])));
}

function comment(id: string, parentId: string | null, extra: Partial<WxrComment> = {}): WxrComment {
  return {
    id,
    parentId,
    authorName: `Author ${id}`,
    authorEmail: `${id}@example.org`,
    authorWebsite: null,
    authorIp: '198.51.100.1',
    contentHtml: `<p>Comment ${id}</p>`,
    createdAt: new Date('2024-01-01T10:00:00Z'),
    status: 'approved',
    ...extra,
  };
}

function post(id: string, comments: WxrPost['comments'], extra: Partial<WxrPost> = {}): WxrPost {
  return {
    id,
    slug: `post-${id}`,
    title: `Post ${id}`,
    url: `https://blog.example.com/${id}/`,
    closed: false,
    publishedAt: new Date('2024-01-01T09:00:00Z'),
    comments,
    ...extra,
  };
}

describe('WXR writer', () => {
  test('when the WXR fixture records are written and read back, then they are the same records under new numeric ids', async () => {
    const original = expectedRecords<ImportRecord>('wxr.expected.json').filter(
      (r): r is ThreadRecord | CommentRecord => r.type !== 'skipped',
    );
    const threads = original.filter((r): r is ThreadRecord => r.type === 'thread');
    const posts: WxrPost[] = threads.map((t) => ({
      id: t.sourceId,
      slug: t.identifier!,
      title: t.title!,
      url: t.url,
      closed: t.closed,
      publishedAt: t.createdAt!,
      comments: original
        .filter((r): r is CommentRecord => r.type === 'comment' && r.threadSourceId === t.sourceId)
        .map((c) => ({ ...c, id: c.sourceId, parentId: c.parentSourceId, contentHtml: c.body })),
    }));
    // The writer numbers posts and comments 1, 2, 3… in the order it writes them.
    const renumber = new Map<string, string>();
    let p = 0;
    let c = 0;
    for (const r of original)
      renumber.set(`${r.type}:${r.sourceId}`, String(r.type === 'thread' ? ++p : ++c));
    const expected = original.map((r) =>
      r.type === 'thread'
        ? { ...r, sourceId: renumber.get(`thread:${r.sourceId}`) }
        : {
            ...r,
            sourceId: renumber.get(`comment:${r.sourceId}`),
            threadSourceId: renumber.get(`thread:${r.threadSourceId}`),
            parentSourceId:
              r.parentSourceId === null ? null : renumber.get(`comment:${r.parentSourceId}`),
          },
    );
    expect(await roundTrip(posts)).toEqual(expected);
  });

  test("when bodies are Parley's rendered HTML, then they come back unchanged, blocks and code and all", async () => {
    const bodies = [
      'Hi *there*\nsecond line',
      '- a\n- b\n\n> quoted',
      '```\nif (a]]>b) {}\n\nend\n```',
      'a ]]> b & <c>',
    ];
    const comments = bodies.map((md, i) =>
      comment(String(i + 1), null, { contentHtml: renderCommentBody(md) }),
    );
    const back = (await roundTrip([post('p', comments)])).filter(
      (r): r is CommentRecord => r.type === 'comment',
    );
    expect(back.map((r) => r.body)).toEqual(comments.map((c) => c.contentHtml));
  });

  test('when content holds "]]>" and characters XML cannot carry, then CDATA is split and those characters dropped', async () => {
    expect(cdata('a]]>b')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>');
    const back = await roundTrip([
      post('p', [
        comment('1', null, {
          contentHtml: 'x ]]> y \u0001\u0008 z',
          authorName: 'Bell\u0007 Ringer',
        }),
      ]),
    ]);
    expect(back[1]).toMatchObject({ body: 'x ]]> y  z', authorName: 'Bell Ringer' });
  });

  test('when a reply comes before its parent, then the parent is written first and keeps the link; a missing parent makes a top-level comment', async () => {
    const xml = await writeToString([
      post('p', [comment('child', 'parent'), comment('parent', null), comment('orphan', 'gone')]),
    ]);
    const ids = [
      ...xml.matchAll(
        /<wp:comment_id>(\d+)<\/wp:comment_id>[\s\S]*?<wp:comment_parent>(\d+)<\/wp:comment_parent>[\s\S]*?<wp:meta_value><!\[CDATA\[(\w+)\]\]>/g,
      ),
    ].map((m) => [m[3], m[1], m[2]]);
    expect(ids).toEqual([
      ['parent', '1', '0'],
      ['child', '2', '1'],
      ['orphan', '3', '0'],
    ]);
  });

  test('when statuses are written, then WordPress gets 1, 0, spam and trash, and rejected goes to the trash too', async () => {
    const statuses = ['approved', 'pending', 'spam', 'deleted', 'rejected'] as const;
    const xml = await writeToString([
      post(
        'p',
        statuses.map((status, i) => comment(String(i), null, { status })),
      ),
    ]);
    expect([...xml.matchAll(/<wp:comment_approved>([^<]*)</g)].map((m) => m[1])).toEqual([
      '1',
      '0',
      'spam',
      'trash',
      'trash',
    ]);
    const back = (await collect(readWxr(Readable.from([xml])))).filter(
      (r): r is CommentRecord => r.type === 'comment',
    );
    expect(back.map((r) => r.status)).toEqual([
      'approved',
      'pending',
      'spam',
      'deleted',
      'deleted',
    ]);
  });

  test("when a file is written, then it has what WordPress's importer checks: a WXR version, post types and integer ids", async () => {
    const xml = await writeToString([
      post('p', [comment('1', null)], { closed: true, title: 'Fish & <Chips>' }),
      post('q', []),
    ]);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8" \?>/);
    expect(xml).toMatch(/<channel>\s*<title>Parley &amp; Co<\/title>/);
    expect(xml).toMatch(/<wp:wxr_version>1\.2<\/wp:wxr_version>/);
    expect(xml.match(/<wp:post_type>post<\/wp:post_type>/g)).toHaveLength(2);
    expect(xml).toMatch(/<title>Fish &amp; &lt;Chips&gt;<\/title>/);
    expect(xml).toMatch(/<wp:comment_status>closed<\/wp:comment_status>/);
    expect(xml).toMatch(
      /<wp:comment_date_gmt><!\[CDATA\[2024-01-01 10:00:00\]\]><\/wp:comment_date_gmt>/,
    );
  });

  test('when posts and comments come from async iterables, then the writer streams one item at a time', async () => {
    async function* comments(): AsyncGenerator<WxrComment> {
      yield comment('1', null);
      yield comment('2', '1');
    }
    async function* posts(): AsyncGenerator<WxrPost> {
      yield post('a', comments());
      yield post('b', [comment('3', null, { kind: 'pingback' })]);
    }
    const chunks = await collect(writeWxr(channel, posts()));
    expect(chunks).toHaveLength(4); // header, two items, footer
    const back = await collect(readWxr(Readable.from([chunks.join('')])));
    expect(
      back.map(
        (r) =>
          `${r.type}:${r.sourceId}${r.type === 'comment' ? `<${r.parentSourceId}:${r.kind}` : ''}`,
      ),
    ).toEqual([
      'thread:1',
      'comment:1<null:comment',
      'comment:2<1:comment',
      'thread:2',
      'comment:3<null:pingback',
    ]);
  });

  test('when a post has thousands of comments, then it goes out in bounded chunks, every comment once and parents first', async () => {
    async function* comments(): AsyncGenerator<WxrComment> {
      for (let i = 0; i < 3000; i++)
        yield comment(`c${i}`, i % 3 === 0 ? null : `c${i - (i % 3)}`, {
          contentHtml: `<p>${'word '.repeat(40)}${i}</p>`,
        });
    }
    const chunks = await collect(writeWxr(channel, [post('big', comments())]));
    expect(chunks.length).toBeGreaterThan(10);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(80_000);
    const back = (await collect(readWxr(Readable.from([chunks.join('')])))).filter(
      (r): r is CommentRecord => r.type === 'comment',
    );
    expect(back.map((r) => r.sourceId)).toEqual(back.map((_, i) => String(i + 1)));
    expect(back.map((r) => r.parentSourceId)).toEqual(
      back.map((_, i) => (i % 3 === 0 ? null : String(i + 1 - (i % 3)))),
    );
  });
});
