// Importing each fixture into a real database (SQLite and PostgreSQL): the exact tree, what
// re-imports, interruptions, remap rules and dry runs do, and the skipped entries' reasons.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createImport,
  getSkippedEntries,
  openImportFile,
  runImport,
  type ImportFormat,
  type ImportOptions,
} from '../../src/import-export/index.js';
import { PROVIDERS } from '../helpers/databases.js';
import { fixturePath } from '../helpers/import-records.js';
import { signInAs } from '../helpers/moderation.js';
import { createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

interface ExpectedRecord {
  type: 'thread' | 'comment' | 'skipped';
  sourceId: string | null;
  threadSourceId?: string;
  parentSourceId?: string | null;
  status?: string;
  kind?: string;
  url?: string;
  closed?: boolean;
}

const FIXTURES: { format: ImportFormat; file: string; expected: string }[] = [
  { format: 'disqus', file: 'disqus.xml', expected: 'disqus.expected.json' },
  { format: 'wxr', file: 'wxr.xml', expected: 'wxr.expected.json' },
  { format: 'isso', file: 'isso.db', expected: 'isso.expected.json' },
  { format: 'remark42', file: 'remark42-backup.jsonl', expected: 'remark42-backup.expected.json' },
  { format: 'commento', file: 'commento-export.json', expected: 'commento-export.expected.json' },
];

function expectedOf(name: string): ExpectedRecord[] {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8')) as ExpectedRecord[];
}

async function importFile(
  t: TestParley,
  siteSlug: string,
  format: ImportFormat,
  file: string,
  opts: {
    dryRun?: boolean;
    options?: Partial<ImportOptions>;
    faultAfterThreads?: number;
    groupComments?: number;
  } = {},
) {
  const site = await t.parley.sites.get(siteSlug);
  const job = await createImport(t.parley.importer, {
    site,
    format,
    dryRun: opts.dryRun ?? false,
    options: { remap: [], includePingbacks: false, screen: false, ...opts.options },
    fileName: file,
    fileBytes: null,
    createdById: null,
  });
  // One thread per transaction unless asked, so an interruption falls between two threads' commits.
  const hooks =
    opts.faultAfterThreads === undefined
      ? {}
      : { faultAfterThreads: opts.faultAfterThreads, groupComments: opts.groupComments ?? 1 };
  return runImport(
    t.parley.importer,
    job.id,
    () => openImportFile(format, fixturePath(file)),
    hooks,
  );
}

/** The imported tree in source terms: comment source id → its parent's, status and post URL. */
async function treeOf(t: TestParley, siteId: string) {
  const rows = await t.parley.database.db.comment.findMany({
    where: { siteId },
    select: {
      id: true,
      parentId: true,
      importKey: true,
      status: true,
      post: { select: { url: true } },
    },
  });
  const keyById = new Map(rows.map((r) => [r.id, r.importKey!.split(':').slice(1).join(':')]));
  return Object.fromEntries(
    rows.map((r) => [
      keyById.get(r.id),
      {
        parent: r.parentId ? keyById.get(r.parentId) : null,
        status: r.status,
        url: r.post.url,
      },
    ]),
  );
}

describe.each(PROVIDERS)('import into %s', (provider) => {
  let t: TestParley;
  beforeAll(async () => {
    t = await createTestParley(provider);
  });
  afterAll(async () => {
    await t.close();
  });

  describe.each(FIXTURES)('$format fixture', ({ format, file, expected }) => {
    const records = expectedOf(expected);
    const threads = new Map(
      records.filter((r) => r.type === 'thread').map((r) => [r.sourceId!, r]),
    );
    const comments = records.filter(
      (r) => r.type === 'comment' && r.kind === 'comment' && threads.has(r.threadSourceId!),
    );
    let siteId: string;
    beforeAll(async () => {
      siteId = (await seedSite(t.parley, { slug: `site-${format}`, posts: [] })).id;
    });

    test('when the file is imported, then every comment sits under its parent with its status on its thread', async () => {
      const job = await importFile(t, `site-${format}`, format, file);
      expect(job.status, job.error ?? '').toBe('done');
      const ids = new Set(comments.map((c) => c.sourceId));
      const want = Object.fromEntries(
        comments.map((c) => [
          c.sourceId,
          {
            parent: c.parentSourceId && ids.has(c.parentSourceId) ? c.parentSourceId : null,
            status: c.status,
            url: threads.get(c.threadSourceId!)!.url,
          },
        ]),
      );
      const tree = await treeOf(t, siteId);
      // Isso and Commento keep paths or host-less URLs: the post keeps what the source gave.
      expect(tree).toEqual(want);
      expect(job.counts.commentsCreated).toBe(comments.length);
      expect(job.counts.threads).toBe(threads.size);
    });

    test('when the file is imported, then each post counts its approved comments and keeps closed threads closed', async () => {
      const posts = await t.parley.database.db.post.findMany({ where: { siteId } });
      for (const post of posts) {
        const approved = await t.parley.database.db.comment.count({
          where: { postId: post.id, status: 'approved' },
        });
        expect(post.commentCount).toBe(approved);
        const thread = [...threads.values()].find((th) => th.url === post.url)!;
        expect(post.closed).toBe(thread.closed);
      }
      expect(posts).toHaveLength(threads.size);
    });

    test('when the same file is imported again, then nothing new is created', async () => {
      const before = await t.parley.database.db.comment.count({ where: { siteId } });
      const job = await importFile(t, `site-${format}`, format, file);
      expect(job.status).toBe('done');
      expect(job.counts.commentsCreated).toBe(0);
      expect(job.counts.postsCreated).toBe(0);
      expect(job.counts.commentsExisting).toBe(comments.length);
      expect(await t.parley.database.db.comment.count({ where: { siteId } })).toBe(before);
      expect(await t.parley.database.db.post.count({ where: { siteId } })).toBe(threads.size);
    });
  });

  test('when a Disqus file is imported, then every skipped record is reported with its reason', async () => {
    await seedSite(t.parley, { slug: 'skips', posts: [] });
    const job = await importFile(t, 'skips', 'disqus', 'disqus.xml');
    const skipped = await getSkippedEntries(t.parley.database.db, job.id, 100);
    expect(skipped).toEqual(
      expect.arrayContaining([
        { entity: 'thread', sourceId: '7003', reason: 'thread is deleted in Disqus', line: 44 },
        { entity: 'thread', sourceId: '7004', reason: 'thread has no link', line: 60 },
        expect.objectContaining({ entity: 'comment', sourceId: '9008' }),
        expect.objectContaining({ entity: 'comment', sourceId: '9010' }),
      ]),
    );
    expect(job.counts.skipped).toBe(skipped.length);
  });

  test('when a file repeats an id or names a thread it lacks, then the first record wins and the others are skipped with their reason', async () => {
    const seeded = await seedSite(t.parley, { slug: 'repeats', posts: [] });
    const site = await t.parley.sites.get('repeats');
    const thread = (id: string, link: string) =>
      `<thread dsq:id="${id}"><id/><link>${link}</link><title>T</title><createdAt>2020-01-01T00:00:00Z</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted></thread>`;
    const post = (id: string, threadId: string, text: string) =>
      `<post dsq:id="${id}"><message><![CDATA[<p>${text}</p>]]></message><createdAt>2020-01-02T00:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author><email>a@example.net</email><name>A</name><isAnonymous>false</isAnonymous></author><thread dsq:id="${threadId}"/></post>`;
    const file = join(mkdtempSync(join(tmpdir(), 'parley-import-')), 'repeats.xml');
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">${[
        thread('t1', 'https://repeats.example/one/'),
        thread('t1', 'https://repeats.example/other/'),
        post('1', 't1', 'first'),
        post('2', 't1', 'second'),
        post('1', 't1', 'again'),
        post('3', 't9', 'lost'),
      ].join('')}</disqus>`,
    );
    const job = await createImport(t.parley.importer, {
      site,
      format: 'disqus',
      dryRun: false,
      options: { remap: [], includePingbacks: false, screen: false },
      fileName: 'repeats.xml',
      fileBytes: null,
      createdById: null,
    });
    const done = await runImport(t.parley.importer, job.id, () => openImportFile('disqus', file));
    expect(done.status, done.error ?? '').toBe('done');
    expect(done.counts.commentsCreated).toBe(2);
    const skipped = await getSkippedEntries(t.parley.database.db, job.id, 100);
    expect(skipped.map(({ sourceId, reason }) => ({ sourceId, reason }))).toEqual([
      { sourceId: 't1', reason: 'the file has an earlier thread with this id' },
      { sourceId: '1', reason: 'the file has an earlier comment with this id' },
      { sourceId: '3', reason: 'its thread (t9) is not in the file' },
    ]);
    const bodies = await t.parley.database.db.comment.findMany({
      where: { siteId: seeded.id },
      select: { body: true, post: { select: { url: true } } },
      orderBy: { body: 'asc' },
    });
    expect(bodies).toEqual([
      { body: 'first', post: { url: 'https://repeats.example/one/' } },
      { body: 'second', post: { url: 'https://repeats.example/one/' } },
    ]);
  });

  test('when WXR pingbacks are asked for, then they are imported; otherwise they are skipped with the reason', async () => {
    await seedSite(t.parley, { slug: 'pings', posts: [] });
    const without = await importFile(t, 'pings', 'wxr', 'wxr.xml');
    const reasons = await getSkippedEntries(t.parley.database.db, without.id, 100);
    expect(reasons.filter((r) => r.reason.startsWith('pingback'))).toHaveLength(1);
    expect(reasons.filter((r) => r.reason.startsWith('trackback'))).toHaveLength(1);
    const withPings = await importFile(t, 'pings', 'wxr', 'wxr.xml', {
      options: { includePingbacks: true },
    });
    expect(withPings.counts.commentsCreated).toBe(2);
  });

  test('when an import is interrupted mid-way, then no thread is half-written and the resumed run completes it', async () => {
    const site = await seedSite(t.parley, { slug: 'resume', posts: [] });
    const first = await importFile(t, 'resume', 'disqus', 'disqus.xml', { faultAfterThreads: 1 });
    expect(first.status).toBe('failed');
    expect(first.error).toBe('interrupted after 1 threads');
    expect(first.progress.threadsDone).toBe(1);
    // Thread 7001 (the first) is whole; nothing of the others was written.
    const partial = await treeOf(t, site.id);
    expect(Object.keys(partial).sort()).toEqual(
      ['12345678890', '9001', '9002', '9003', '9004', '9005', '9006'].sort(),
    );
    const resumed = await runImport(t.parley.importer, first.id, () => {
      throw new Error('a job that was writing does not read the file again');
    });
    expect(resumed.status, resumed.error ?? '').toBe('done');
    expect(resumed.counts.commentsCreated).toBe(9);
    expect(Object.keys(await treeOf(t, site.id))).toHaveLength(9);
  });

  test('when an import is interrupted inside a group of several threads, then none of the group is written and the resumed run writes it whole', async () => {
    const site = await seedSite(t.parley, { slug: 'resume-group', posts: [] });
    // One transaction holds every thread of the file; the fault comes after its rows are sent.
    const first = await importFile(t, 'resume-group', 'disqus', 'disqus.xml', {
      faultAfterThreads: 1,
      groupComments: 1_000,
    });
    expect(first.status).toBe('failed');
    expect(first.progress.threadsDone).toBe(0);
    expect(await treeOf(t, site.id)).toEqual({});
    const db = t.parley.database.db;
    expect(await db.post.count({ where: { siteId: site.id } })).toBe(0);
    expect(await db.importSource.count({ where: { siteId: site.id } })).toBe(0);
    const resumed = await runImport(t.parley.importer, first.id, () => {
      throw new Error('a job that was writing does not read the file again');
    });
    expect(resumed.status, resumed.error ?? '').toBe('done');
    expect(resumed.counts.commentsCreated).toBe(9);
    expect(Object.keys(await treeOf(t, site.id))).toHaveLength(9);
    const posts = await db.post.findMany({ where: { siteId: site.id } });
    const approved = await db.comment.groupBy({
      by: ['postId'],
      where: { siteId: site.id, status: 'approved' },
      _count: true,
    });
    for (const post of posts)
      expect(post.commentCount).toBe(approved.find((a) => a.postId === post.id)?._count ?? 0);
  });

  test('when remap rules are given, then threads match the posts at their new URLs', async () => {
    const site = await seedSite(t.parley, { slug: 'moved', posts: [] });
    const existing = await t.parley.database.db.post.create({
      data: {
        siteId: site.id,
        slug: 'hello',
        title: 'Hello',
        url: 'https://new.example.com/2019/05/hello-world',
      },
    });
    const job = await importFile(t, 'moved', 'disqus', 'disqus.xml', {
      options: { remap: ['blog.example.com=new.example.com', 'trailing-slash=remove'] },
    });
    expect(job.counts.postsMatched).toBe(1);
    expect(job.counts.postsCreated).toBe(2);
    expect(await t.parley.database.db.comment.count({ where: { postId: existing.id } })).toBe(7);
    const created = await t.parley.database.db.post.findMany({
      where: { siteId: site.id, id: { not: existing.id } },
      orderBy: { url: 'asc' },
    });
    expect(created.map((p) => p.url)).toEqual([
      'https://new.example.com/2019/06/closed-for-comments',
      'https://new.example.com/2019/08/late-thread',
    ]);
  });

  test('when a WordPress ?p= URL is remapped to its slug, then the thread lands on the slug URL', async () => {
    const { remapUrl, parseRemapRules } = await import('../../src/import-export/index.js');
    const rules = parseRemapRules(['http=https', '?p=/{slug}/', 'old.example=new.example']);
    expect(remapUrl('http://old.example/?p=123', rules, 'hello-world')).toBe(
      'https://new.example/hello-world/',
    );
  });

  test('when a dry run is made, then it lists what would be created and matched and writes nothing', async () => {
    const site = await seedSite(t.parley, { slug: 'dry', posts: [] });
    await t.parley.database.db.post.create({
      data: {
        siteId: site.id,
        slug: 'hello',
        title: 'Hello',
        url: 'https://wp.example.com/2023/11/threads-and-replies/',
      },
    });
    const job = await importFile(t, 'dry', 'wxr', 'wxr.xml', { dryRun: true });
    expect(job.status).toBe('done');
    expect(job.plan?.posts).toEqual([
      expect.objectContaining({ action: 'match', slug: 'hello', comments: 6 }),
      expect.objectContaining({ action: 'create', slug: 'closed', comments: 1 }),
    ]);
    expect(job.counts).toMatchObject({ postsMatched: 1, postsCreated: 1, commentsCreated: 7 });
    expect(await t.parley.database.db.comment.count({ where: { siteId: site.id } })).toBe(0);
    expect(await t.parley.database.db.post.count({ where: { siteId: site.id } })).toBe(1);
  });

  test('when replies are deeper than the site allows, then they attach higher up and name whom they answer', async () => {
    const site = await seedSite(t.parley, { slug: 'flat', posts: [], settings: { maxDepth: 2 } });
    const job = await importFile(t, 'flat', 'wxr', 'wxr.xml');
    expect(job.counts.commentsFlattened).toBe(1);
    const deep = await t.parley.database.db.comment.findFirstOrThrow({
      where: { siteId: site.id, importKey: 'wxr:103' },
    });
    const admin = await t.parley.database.db.comment.findFirstOrThrow({
      where: { siteId: site.id, importKey: 'wxr:102' },
    });
    expect(deep.depth).toBe(1);
    expect(deep.parentId).toBe(admin.parentId);
    expect(deep.replyToId).toBe(admin.id);
    expect(deep.replyToName).toBe('Admin');
  });

  test('when a Parley export carries html that would run, then it is sanitized as it is imported', async () => {
    // a file can be edited by anyone: its html once reached readers as written
    await seedSite(t.parley, { slug: 'site-pxss', posts: [] });
    const job = await importFile(t, 'site-pxss', 'parley', 'parley-export-xss.jsonl');
    expect(job.status).toBe('done');
    const res = await t.api().get('/api/sites/site-pxss/posts/pxss/comments');
    expect(res.status).toBe(200);
    const html = (res.body.comments as Array<{ html: string }>).map((c) => c.html).sort();
    expect(html).toEqual([
      '<a rel="nofollow ugc noopener" target="_blank">click me</a>',
      '<p>harmless looking</p>',
    ]);
  });

  test('when one thread holds a comment its data breaks, then that thread is skipped with its reason and the others are imported', async () => {
    // a date in year 30490 once failed the whole import, and --resume failed the same way
    const site = await seedSite(t.parley, { slug: 'site-bad-dates', posts: [] });
    const job = await importFile(t, 'site-bad-dates', 'isso', 'isso-bad-dates.db');
    expect(job.status).toBe('done');
    const tree = await treeOf(t, site.id);
    expect(Object.keys(tree).sort()).toEqual(['1', '6']);
    const skipped = await getSkippedEntries(t.parley.database.db, job.id, 100);
    expect(skipped.map((s) => s.reason)).toContainEqual(
      expect.stringMatching(/^the thread could not be read: /),
    );
  });

  test('when comments are imported, then the public thread shows them without emails', async () => {
    const res = await t.api().get('/api/sites/site-disqus/posts/hello-world/comments');
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expect(text).toContain('Alice');
    expect(text).not.toContain('alice@example.net');
    expect(res.body.total).toBe(5);
  });

  test('when a thread page was cached before the import, then the next read shows the imported comments and the queue search finds them', async () => {
    const site = await seedSite(t.parley, { slug: 'cached', posts: [] });
    await t.parley.database.db.post.create({
      data: {
        siteId: site.id,
        slug: 'hello-world',
        title: 'Hello',
        url: 'https://blog.example.com/2019/05/hello-world/',
      },
    });
    const url = '/api/sites/cached/posts/hello-world/comments';
    const before = await t.api().get(url);
    expect(before.body.total).toBe(0);
    expect((await t.api().get(url)).body.comments).toHaveLength(0); // now served from the cache
    await importFile(t, 'cached', 'disqus', 'disqus.xml');
    const after = await t.api().get(url);
    expect(after.body.total).toBe(5);
    expect(JSON.stringify(after.body.comments)).toContain('Alice');
    const admin = await signInAs(t, { role: 'admin' });
    const found = await admin.get('/api/moderation/comments?queue=approved&site=cached&q=Replying');
    expect(found.status).toBe(200);
    expect(found.body.items).toHaveLength(1);
    const spam = await admin.get('/api/moderation/comments?queue=spam&site=cached');
    expect(spam.body.items).toHaveLength(1);
  });
});
