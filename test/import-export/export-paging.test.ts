// A thread longer than a page, whose comments share their timestamps (as an import may leave
// them): the export's keyset paging gives every comment exactly once, in the database's own
// (depth, createdAt, id) order, on both stores and in both formats.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type Database, type Prisma } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { EXPORT_PAGE_SIZE, getCommentPage, paged } from '../../src/import-export/export.repo.js';
import { startSiteExport } from '../../src/import-export/index.js';
import { createTestDatabase, PROVIDERS, type TestDatabase } from '../helpers/databases.js';

const COMMENTS = EXPORT_PAGE_SIZE * 2 + 234;
/** Three timestamps for the whole thread: every page boundary falls among equal createdAt values. */
const TIMES = [0, 1, 2].map((i) => new Date(Date.UTC(2026, 0, 1, 12, i)));

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe.each(PROVIDERS)('export paging on %s', (provider) => {
  let store: TestDatabase;
  let database: Database;
  let postId: string;
  let expected: string[];

  beforeAll(async () => {
    store = await createTestDatabase(provider);
    await migrate(provider, store.url, join(import.meta.dirname, '../../prisma/migrations'));
    database = await openDatabase(provider, store.url);
    const db = database.db;
    const site = await db.site.create({
      data: { slug: 'long', name: 'Long', allowedOrigins: [], settings: {} },
    });
    const post = await db.post.create({ data: { siteId: site.id, slug: 'thread', title: 'T' } });
    const other = await db.post.create({ data: { siteId: site.id, slug: 'other', title: 'O' } });
    postId = post.id;
    // Random ids: their order is neither the insertion order nor the timestamps'. Every third
    // comment is a root, the two after it its replies; five roots of another post come last.
    const rows: Prisma.CommentCreateManyInput[] = [];
    let root = '';
    for (let i = 0; i < COMMENTS + 5; i++) {
      const id = randomUUID();
      const isRoot = i % 3 === 0 || i >= COMMENTS;
      if (isRoot) root = id;
      rows.push({
        id,
        siteId: site.id,
        postId: i < COMMENTS ? post.id : other.id,
        parentId: isRoot ? null : root,
        rootId: root,
        depth: isRoot ? 0 : 1,
        authorName: `Reader ${i}`,
        authorEmail: `reader${i}@example.com`,
        authorHash: `author-${i}`,
        body: `Comment ${i}`,
        html: `<p>Comment ${i}</p>`,
        status: 'approved',
        screening: {},
        ipHash: 'ip',
        contentHash: `content-${i}`,
        createdAt: TIMES[i % TIMES.length]!,
      });
    }
    for (let i = 0; i < rows.length; i += 200)
      await db.comment.createMany({ data: rows.slice(i, i + 200) });
    const ordered = await db.comment.findMany({
      where: { postId },
      orderBy: [{ depth: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    expected = ordered.map((c) => c.id);
  });
  afterAll(async () => {
    await database?.close();
    await store?.drop();
  });

  test('when a thread is paged in pages of 7, then every comment comes once, in the database order', async () => {
    const got = await collect(paged((c, take) => getCommentPage(database.db, postId, c, take), 7));
    expect(got.map((c) => c.id)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(2 * EXPORT_PAGE_SIZE);
  });

  test('when the site is exported as Parley and as WXR, then the thread is written whole and in order', async () => {
    const deps = { db: database.db, publicUrl: 'https://long.example' };
    const parley = await startSiteExport(deps, 'long', 'parley');
    const records = (await collect(parley.chunks))
      .join('')
      .split('\n')
      .filter((line) => line.includes('"type":"comment"'))
      .map((line) => JSON.parse(line) as { id: string; postId: string });
    expect(records.filter((r) => r.postId === postId).map((r) => r.id)).toEqual(expected);
    expect(records).toHaveLength(COMMENTS + 5);

    const wxr = (await collect((await startSiteExport(deps, 'long', 'wxr')).chunks)).join('');
    const inThread = wxr.slice(wxr.indexOf('<wp:post_name><![CDATA[thread]]>'));
    const metaIds = [
      ...inThread.matchAll(
        /<wp:meta_key>_parley_comment_id<\/wp:meta_key>\s*<wp:meta_value><!\[CDATA\[([^\]]+)\]\]>/g,
      ),
    ].map((m) => m[1]);
    expect(metaIds.slice(0, expected.length)).toEqual(expected);
  });
});
