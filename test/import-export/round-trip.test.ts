// Export → import round trip on real databases: site A exported as Parley JSON lines, imported
// into a fresh site B with the importer, and B's posts and comment tree compared with A's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createImport,
  openImportFile,
  runImport,
  startSiteExport,
} from '../../src/import-export/index.js';
import { PROVIDERS } from '../helpers/databases.js';
import { insertTestComment } from '../helpers/moderation.js';
import { createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

describe.each(PROVIDERS)('export → import round trip on %s', (provider) => {
  let t: TestParley;
  let dir: string;

  beforeAll(async () => {
    t = await createTestParley(provider);
    dir = mkdtempSync(join(tmpdir(), 'parley-roundtrip-'));
    await seedSite(t.parley, {
      slug: 'site-a',
      posts: [
        { slug: 'hello', title: 'Hello & welcome' },
        { slug: 'closed', title: 'Closed one', closed: true },
      ],
    });
    await seedSite(t.parley, { slug: 'site-b', posts: [] });
    const p = t.parley;
    const root = await insertTestComment(p, {
      site: 'site-a',
      status: 'approved',
      body: 'Root *em*',
    });
    const reply = await insertTestComment(p, {
      site: 'site-a',
      status: 'approved',
      parentId: root,
    });
    await insertTestComment(p, { site: 'site-a', status: 'pending', parentId: reply });
    await insertTestComment(p, { site: 'site-a', status: 'spam', parentId: root });
    await insertTestComment(p, { site: 'site-a', status: 'deleted', post: 'closed' });
    await insertTestComment(p, {
      site: 'site-a',
      status: 'approved',
      post: 'closed',
      body: 'Line one\n\n> quoted `code`',
    });
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  test('when site A is exported and imported into a fresh site B, then B has the same posts and comment tree', async () => {
    const db = t.parley.database.db;
    const exported = await startSiteExport(
      { db, publicUrl: t.config.publicUrl },
      'site-a',
      'parley',
    );
    const file = join(dir, 'site-a.jsonl');
    let text = '';
    for await (const chunk of exported.chunks) text += chunk;
    writeFileSync(file, text);

    const site = await t.parley.sites.get('site-b');
    const job = await createImport(t.parley.importer, {
      site,
      format: 'parley',
      dryRun: false,
      options: { remap: [], includePingbacks: false, screen: false },
      fileName: 'site-a.jsonl',
      fileBytes: null,
      createdById: null,
    });
    const done = await runImport(t.parley.importer, job.id, () => openImportFile('parley', file));
    expect(done.status).toBe('done');

    const postsOf = async (slug: string) =>
      (await db.post.findMany({ where: { site: { slug } }, orderBy: { slug: 'asc' } })).map(
        (p) => ({
          slug: p.slug,
          title: p.title,
          url: p.url,
          closed: p.closed,
          count: p.commentCount,
        }),
      );
    expect(await postsOf('site-b')).toEqual(await postsOf('site-a'));

    const a = await db.comment.findMany({
      where: { site: { slug: 'site-a' } },
      include: { post: true },
    });
    const b = await db.comment.findMany({
      where: { site: { slug: 'site-b' } },
      include: { post: true },
    });
    // B's comments name their source (A's id) in importKey "parley:<id>".
    const sourceOf = new Map(b.map((c) => [c.id, c.importKey?.replace(/^parley:/, '') ?? '']));
    const tree = (rows: typeof a, idOf: (id: string) => string) =>
      rows
        .map((c) => ({
          id: idOf(c.id),
          parent: c.parentId ? idOf(c.parentId) : null,
          post: c.post.slug,
          authorName: c.authorName,
          authorEmail: c.authorEmail,
          body: c.body,
          status: c.status,
          createdAt: c.createdAt.toISOString(),
          depth: c.depth,
        }))
        .sort((x, y) => x.id.localeCompare(y.id));
    expect(tree(b, (id) => sourceOf.get(id)!)).toEqual(tree(a, (id) => id));
  });
});
