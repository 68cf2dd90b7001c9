// Export → import round trip on real databases: site A (every comment status, screening data,
// reports, bans, audit entries, custom settings, spam counts) exported as Parley JSON lines,
// imported into a fresh site B with the importer, and every field the export carries compared
// (ids and site-specific keys mapped through the import keys).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createImport,
  getSkippedEntries,
  openImportFile,
  runImport,
  startSiteExport,
} from '../../src/import-export/index.js';
import { PROVIDERS } from '../helpers/databases.js';
import { insertTestComment } from '../helpers/moderation.js';
import { createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

const SETTINGS_A = { maxDepth: 4, reportThreshold: 5, hideReported: true, linkLimit: 0 };

describe.each(PROVIDERS)('export → import round trip on %s', (provider) => {
  let t: TestParley;
  let dir: string;
  let file: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestParley(provider);
    dir = mkdtempSync(join(tmpdir(), 'parley-roundtrip-'));
    const siteA = await seedSite(t.parley, {
      slug: 'site-a',
      settings: SETTINGS_A,
      posts: [
        { slug: 'hello', title: 'Hello & welcome' },
        { slug: 'closed', title: 'Closed one', closed: true },
      ],
    });
    await seedSite(t.parley, { slug: 'site-b', posts: [] });
    await seedSite(t.parley, {
      slug: 'site-c',
      settings: { reportThreshold: 2, closeAfterDays: 30 },
      posts: [],
    });
    const p = t.parley;
    const db = p.database.db;
    const root = await insertTestComment(p, {
      site: 'site-a',
      status: 'approved',
      body: 'Root *em*',
      toxicityScore: 0.12,
      spamScore: 0.05,
      reportCount: 2,
      reportedAt: new Date('2026-03-04T05:06:07.089Z'),
    });
    const reply = await insertTestComment(p, {
      site: 'site-a',
      status: 'approved',
      parentId: root,
    });
    // A reply attached beside the one it answers (the nesting limit): it names whom it answers.
    const flattened = await insertTestComment(p, {
      site: 'site-a',
      status: 'approved',
      parentId: root,
    });
    await db.comment.update({
      where: { id: flattened },
      data: { replyToId: reply, replyToName: 'Someone Else' },
    });
    await insertTestComment(p, { site: 'site-a', status: 'pending', parentId: reply });
    const spam = await insertTestComment(p, {
      site: 'site-a',
      status: 'spam',
      parentId: root,
      spamScore: 0.97,
    });
    const rejected = await insertTestComment(p, {
      site: 'site-a',
      status: 'rejected',
      toxic: true,
      toxicityScore: 0.91,
    });
    await insertTestComment(p, { site: 'site-a', status: 'deleted', post: 'closed' });
    const edited = await insertTestComment(p, {
      site: 'site-a',
      status: 'approved',
      post: 'closed',
      body: 'Line one\n\n> quoted `code`',
    });
    await db.comment.update({
      where: { id: edited },
      data: {
        editedAt: new Date('2026-05-06T07:08:09.010Z'),
        userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
        referrer: 'https://blog.test/closed',
        akismetParams: { user_ip: '203.0.113.7', comment_type: 'comment' },
        // A stored rendering that differs from a fresh render: the stored one must survive.
        html: '<p>Line one</p>\n<blockquote><p>quoted <code>code</code></p></blockquote>\n',
        screening: {
          decision: 'approve',
          reasons: [],
          scores: { spam: 0.01, toxicity: 0.02 },
          providers: { local: { ok: true } },
        },
      },
    });
    await db.report.createMany({
      data: [
        {
          commentId: root,
          siteId: siteA.id,
          reason: 'spam',
          note: 'looks like an ad',
          ipHash: p.hasher.ip('198.51.100.1'),
          createdAt: new Date('2026-03-04T05:00:00.000Z'),
        },
        {
          commentId: root,
          siteId: siteA.id,
          reason: 'abuse',
          note: null,
          ipHash: p.hasher.ip('198.51.100.2'),
          createdAt: new Date('2026-03-04T05:06:07.089Z'),
          resolvedAt: new Date('2026-03-05T00:00:00.000Z'),
        },
      ],
    });
    await db.ban.createMany({
      data: [
        {
          siteId: siteA.id,
          kind: 'email',
          value: 'troll@example.com',
          reason: 'abuse',
          createdById: 'user-1',
          createdAt: new Date('2026-01-02T03:04:05.000Z'),
        },
        {
          siteId: siteA.id,
          kind: 'ip',
          value: p.hasher.ip('192.0.2.9'),
          reason: null,
          expiresAt: new Date('2027-01-01T00:00:00.000Z'),
          createdAt: new Date('2026-01-03T00:00:00.000Z'),
        },
      ],
    });
    const first = await db.auditLog.create({
      data: {
        siteId: siteA.id,
        actorId: 'user-1',
        actorName: 'Mod One',
        action: 'comment.reject',
        targetType: 'comment',
        targetId: rejected,
        before: { status: 'pending' },
        after: { status: 'rejected' },
        createdAt: new Date('2026-02-01T00:00:00.000Z'),
      },
    });
    const undo = await db.auditLog.create({
      data: {
        siteId: siteA.id,
        actorId: 'user-1',
        actorName: 'Mod One',
        action: 'comment.spam',
        targetType: 'comment',
        targetId: spam,
        before: { status: 'approved' },
        after: { status: 'spam' },
        createdAt: new Date('2026-02-02T00:00:00.000Z'),
      },
    });
    const post = await db.post.findFirstOrThrow({ where: { siteId: siteA.id, slug: 'closed' } });
    await db.auditLog.create({
      data: {
        siteId: siteA.id,
        actorId: null,
        actorName: null,
        action: 'post.close',
        targetType: 'post',
        targetId: post.id,
        createdAt: new Date('2026-02-03T00:00:00.000Z'),
      },
    });
    await db.auditLog.update({
      where: { id: first.id },
      data: { undoneAt: new Date('2026-02-04T00:00:00.000Z'), undoneById: undo.id },
    });
    await db.spamModel.create({
      data: { siteId: siteA.id, counts: { spam: { cheap: 3 }, ham: { hello: 5 }, docs: [3, 5] } },
    });
    Object.assign(ids, { root, reply, rejected, spam, edited, postClosed: post.id, first, undo });

    const exported = await startSiteExport(
      { db, publicUrl: t.config.publicUrl },
      'site-a',
      'parley',
    );
    file = join(dir, 'site-a.jsonl');
    let text = '';
    for await (const chunk of exported.chunks) text += chunk;
    writeFileSync(file, text);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  const importInto = async (slug: string, path = file) => {
    const site = await t.parley.sites.get(slug);
    const job = await createImport(t.parley.importer, {
      site,
      format: 'parley',
      dryRun: false,
      options: { remap: [], includePingbacks: false, screen: false },
      fileName: 'site-a.jsonl',
      fileBytes: null,
      createdById: null,
    });
    return runImport(t.parley.importer, job.id, () => openImportFile('parley', path));
  };

  /** Everything of a site the export carries, its ids replaced by source ids (B) or kept (A). */
  const snapshot = async (slug: string) => {
    const db = t.parley.database.db;
    const site = await db.site.findUniqueOrThrow({ where: { slug } });
    const comments = await db.comment.findMany({
      where: { siteId: site.id },
      include: { post: true },
    });
    const posts = await db.post.findMany({ where: { siteId: site.id }, orderBy: { slug: 'asc' } });
    const sources = await db.importSource.findMany({ where: { siteId: site.id } });
    // B's rows name their source (A's id) in importKey / ImportSource "parley:<id>".
    const source = new Map<string, string>([
      ...comments.map((c) => [c.id, c.importKey?.replace(/^parley:/, '') ?? c.id] as const),
      ...sources.map((s) => [s.postId, s.key.replace(/^parley:/, '')] as const),
    ]);
    const map = (id: string | null) => (id === null ? null : (source.get(id) ?? id));
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const reports = await db.report.findMany({ where: { siteId: site.id } });
    const bans = await db.ban.findMany({ where: { siteId: site.id } });
    const audit = await db.auditLog.findMany({ where: { siteId: site.id } });
    const byCreated = <T extends { createdAt: string }>(rows: T[]) =>
      rows.sort((x, y) => x.createdAt.localeCompare(y.createdAt));
    const auditIds = new Map(
      audit.map((a) => [a.id, `${a.action}@${a.createdAt.toISOString()}`] as const),
    );
    return {
      settings: site.settings,
      spamModel: (await db.spamModel.findUnique({ where: { siteId: site.id } }))?.counts ?? null,
      posts: posts.map((p) => ({
        slug: p.slug,
        title: p.title,
        url: p.url,
        author: p.author,
        closed: p.closed,
        publishedAt: iso(p.publishedAt),
        createdAt: iso(p.createdAt),
        commentCount: p.commentCount,
      })),
      comments: comments
        .map((c) => ({
          id: map(c.id),
          post: c.post.slug,
          parentId: map(c.parentId),
          rootId: map(c.rootId),
          depth: c.depth,
          replyToId: map(c.replyToId),
          replyToName: c.replyToName,
          authorName: c.authorName,
          authorEmail: c.authorEmail,
          authorHash: c.authorHash,
          authorWebsite: c.authorWebsite,
          body: c.body,
          html: c.html,
          status: c.status,
          screening: c.screening,
          toxic: c.toxic,
          toxicityScore: c.toxicityScore,
          spamScore: c.spamScore,
          reportCount: c.reportCount,
          reportedAt: iso(c.reportedAt),
          ipHash: c.ipHash,
          contentHash: c.contentHash,
          userAgent: c.userAgent,
          referrer: c.referrer,
          akismetParams: c.akismetParams,
          createdAt: iso(c.createdAt),
          editedAt: iso(c.editedAt),
          decidedAt: iso(c.decidedAt),
        }))
        .sort((x, y) => String(x.id).localeCompare(String(y.id))),
      reports: byCreated(
        reports.map((r) => ({
          comment: map(r.commentId),
          reason: r.reason,
          note: r.note,
          ipHash: r.ipHash,
          createdAt: iso(r.createdAt)!,
          resolvedAt: iso(r.resolvedAt),
        })),
      ),
      bans: byCreated(
        bans.map((b) => ({
          kind: b.kind,
          value: b.value,
          reason: b.reason,
          expiresAt: iso(b.expiresAt),
          createdById: b.createdById,
          createdAt: iso(b.createdAt)!,
        })),
      ),
      audit: byCreated(
        audit.map((a) => ({
          actorId: a.actorId,
          actorName: a.actorName,
          action: a.action,
          targetType: a.targetType,
          targetId: map(a.targetId),
          before: a.before,
          after: a.after,
          undoneAt: iso(a.undoneAt),
          undoneBy: a.undoneById ? (auditIds.get(a.undoneById) ?? 'missing') : null,
          createdAt: iso(a.createdAt)!,
        })),
      ),
    };
  };

  test('when site A is exported and imported into a fresh site B, then B has every field the export carries', async () => {
    const done = await importInto('site-b');
    expect(done.status).toBe('done');
    expect(done.counts.skipped).toBe(0);

    const a = await snapshot('site-a');
    const b = await snapshot('site-b');
    // The fixture really has what the comparison is about (a comparison of empties proves nothing).
    expect(a.comments.map((c) => c.status).sort()).toEqual([
      'approved',
      'approved',
      'approved',
      'approved',
      'deleted',
      'pending',
      'rejected',
      'spam',
    ]);
    expect(a.reports).toHaveLength(2);
    expect(a.bans).toHaveLength(2);
    expect(a.audit).toHaveLength(3);
    expect(a.comments.find((c) => c.id === ids.edited)?.userAgent).toBe(
      'Mozilla/5.0 (X11; Linux x86_64)',
    );
    expect(b).toEqual(a);
    expect(b.settings).toEqual(SETTINGS_A);
    // B's audit entry points at B's comment, not A's.
    const siteB = await t.parley.sites.get('site-b');
    expect(siteB.settings.reportThreshold).toBe(5);
    const rejectedInB = await t.parley.database.db.comment.findFirstOrThrow({
      where: { siteId: siteB.id, importKey: `parley:${ids.rejected}` },
    });
    const entry = await t.parley.database.db.auditLog.findFirstOrThrow({
      where: { siteId: siteB.id, action: 'comment.reject' },
    });
    expect(entry.targetId).toBe(rejectedInB.id);
  });

  test('when the same export is imported into B again, then nothing new is written', async () => {
    const before = await snapshot('site-b');
    const done = await importInto('site-b');
    expect(done.status).toBe('done');
    expect(done.counts.commentsCreated).toBe(0);
    expect(done.counts.commentsExisting).toBe(8);
    expect(await snapshot('site-b')).toEqual(before);
  });

  test('when the target site has settings of its own, then the export’s keys win and its other keys stay', async () => {
    const done = await importInto('site-c');
    expect(done.status).toBe('done');
    const c = await t.parley.database.db.site.findUniqueOrThrow({ where: { slug: 'site-c' } });
    expect(c.settings).toEqual({ ...SETTINGS_A, closeAfterDays: 30 });
  });

  test('when a report names a comment the file does not have, then that report is skipped with its reason and the rest is restored', async () => {
    await seedSite(t.parley, { slug: 'site-d', posts: [] });
    const lines = readFileSync(file, 'utf8').split('\n');
    let changed = false;
    const edited = lines.map((line) => {
      if (changed || !line.includes('"type":"report"')) return line;
      changed = true;
      return JSON.stringify({ ...JSON.parse(line), commentId: 'no-such-comment' });
    });
    expect(changed).toBe(true);
    const path = join(dir, 'orphan-report.jsonl');
    writeFileSync(path, edited.join('\n'));
    const done = await importInto('site-d', path);
    expect(done.status).toBe('done');
    expect(done.counts.skipped).toBe(1);
    const skipped = await getSkippedEntries(t.parley.database.db, done.id, 10);
    expect(skipped).toEqual([
      expect.objectContaining({ entity: 'report', reason: 'its comment is not in this import' }),
    ]);
    const d = await snapshot('site-d');
    const a = await snapshot('site-a');
    expect(d.reports).toHaveLength(1);
    expect(d.comments).toEqual(a.comments);
    expect(d.bans).toEqual(a.bans);
  });
});
