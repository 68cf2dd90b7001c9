// The admin import API on SQLite and PostgreSQL: an upload becomes a background job whose
// progress, result and skipped entries are read back; admins only, with CSRF; bad input is a 4xx.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../helpers/databases.js';
import { fixturePath } from '../helpers/import-records.js';
import { signInAs, type StaffClient } from '../helpers/moderation.js';
import { createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

async function waitForJob(admin: StaffClient, site: string, id: string) {
  for (let i = 0; i < 200; i++) {
    const res = await admin.get(`/api/admin/sites/${site}/imports/${id}`);
    expect(res.status).toBe(200);
    if (res.body.job.status === 'done' || res.body.job.status === 'failed') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the import job did not finish');
}

describe.each(PROVIDERS)('admin import API on %s', (provider) => {
  let t: TestParley;
  let admin: StaffClient;
  beforeAll(async () => {
    t = await createTestParley(provider);
    await seedSite(t.parley, { slug: 'blog', posts: [] });
    admin = await signInAs(t, { role: 'admin' });
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (query: string, file: string) =>
    t
      .api()
      .post(`/api/admin/sites/blog/imports?${query}`)
      .set('Cookie', admin.cookie)
      .set('X-CSRF-Token', admin.csrfToken)
      .set('Content-Type', 'application/octet-stream')
      .send(readFileSync(fixturePath(file)));

  test('when a dry run is uploaded, then its job reports the plan and nothing is written', async () => {
    const res = await upload('format=wxr&dryRun=true', 'wxr.xml');
    expect(res.status).toBe(202);
    const { job } = await waitForJob(admin, 'blog', res.body.job.id);
    expect(job.status).toBe('done');
    expect(job.plan.posts.map((p: { action: string }) => p.action)).toEqual(['create', 'create']);
    expect(job.counts).toMatchObject({ postsCreated: 2, commentsCreated: 7 });
    expect(await t.parley.database.db.comment.count()).toBe(0);
  });

  test('when a Disqus file is uploaded, then the job imports it and lists the skipped records with reasons', async () => {
    const res = await upload('format=disqus&remap=trailing-slash%3Dremove', 'disqus.xml');
    expect(res.status).toBe(202);
    const { job, skipped } = await waitForJob(admin, 'blog', res.body.job.id);
    expect(job.status).toBe('done');
    expect(job.counts).toMatchObject({ commentsCreated: 9, postsCreated: 3, skipped: 4 });
    expect(job.progress.threadsDone).toBe(3);
    expect(skipped).toContainEqual({
      entity: 'thread',
      sourceId: '7004',
      reason: 'thread has no link',
      line: 60,
    });
    const post = await t.parley.database.db.post.findFirstOrThrow({
      where: { url: 'https://blog.example.com/2019/05/hello-world' },
    });
    expect(post.commentCount).toBe(5);
    // The job's answer never carries a commenter's email.
    expect(JSON.stringify(job)).not.toContain('@example.net');
  });

  test('when a Commento export is sent as application/json bigger than any JSON body, then it is streamed and imported', async () => {
    // A JSON file a user uploads with its own type must reach the importer, not the JSON
    // body parser (which would take it whole, and refuse it over 64 kB).
    const file = JSON.parse(readFileSync(fixturePath('commento-export.json'), 'utf8'));
    const padded = `${JSON.stringify(file, null, 2)}\n${' '.repeat(100_000)}`;
    const res = await t
      .api()
      .post('/api/admin/sites/blog/imports?format=commento&dryRun=true')
      .set('Cookie', admin.cookie)
      .set('X-CSRF-Token', admin.csrfToken)
      .set('Content-Type', 'application/json')
      .send(padded);
    expect(res.status).toBe(202);
    const { job } = await waitForJob(admin, 'blog', res.body.job.id);
    expect(job.status).toBe('done');
    expect(job.counts.commentsCreated).toBeGreaterThan(0);
  });

  test('when the format is unknown, then the upload is refused with a field message', async () => {
    const res = await upload('format=blogger', 'disqus.xml');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields.format).toBeTruthy();
  });

  test('when a remap rule is malformed, then the upload is refused', async () => {
    const res = await upload('format=disqus&remap=nonsense', 'disqus.xml');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)[0]).toMatch(/^remap/);
  });

  test('when the file is not in the format named, then the job fails with the reason and writes nothing', async () => {
    const before = await t.parley.database.db.comment.count();
    const res = await upload('format=disqus', 'remark42-backup.jsonl');
    expect(res.status).toBe(202);
    const { job } = await waitForJob(admin, 'blog', res.body.job.id);
    expect(job.status).toBe('failed');
    expect(job.error).toBeTruthy();
    expect(await t.parley.database.db.comment.count()).toBe(before);
  });

  test('when a moderator or a request without CSRF token uploads, then it is refused', async () => {
    const mod = await signInAs(t, { role: 'moderator', sites: ['blog'] });
    const asMod = await t
      .api()
      .post('/api/admin/sites/blog/imports?format=disqus')
      .set('Cookie', mod.cookie)
      .set('X-CSRF-Token', mod.csrfToken)
      .set('Content-Type', 'application/octet-stream')
      .send(readFileSync(fixturePath('disqus.xml')));
    expect(asMod.status).toBe(403);
    const noCsrf = await t
      .api()
      .post('/api/admin/sites/blog/imports?format=disqus')
      .set('Cookie', admin.cookie)
      .set('Content-Type', 'application/octet-stream')
      .send(readFileSync(fixturePath('disqus.xml')));
    expect(noCsrf.status).toBe(403);
  });

  test('when the upload is larger than the limit, then it is refused with 413', async () => {
    const small = await createTestParley(provider, { env: { IMPORT_MAX_UPLOAD_MB: '1' } });
    try {
      await seedSite(small.parley, { slug: 'blog', posts: [] });
      const a = await signInAs(small, { role: 'admin' });
      const res = await small
        .api()
        .post('/api/admin/sites/blog/imports?format=disqus')
        .set('Cookie', a.cookie)
        .set('X-CSRF-Token', a.csrfToken)
        .set('Content-Type', 'application/octet-stream')
        .send(Buffer.alloc(1_200_000, 'x'));
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('UPLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
  });
});
