// A replayed POST must never hand out the author's edit token, an idempotency key belongs to
// one author for a few minutes only, and a genuine repeat long after is a new comment.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../helpers/databases.js';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

const DAY = 86_400_000;

describe.each(PROVIDERS)('replays and idempotency on %s', (provider) => {
  let t: TestParley;
  const url = '/api/sites/blog/posts/hello/comments';

  beforeAll(async () => {
    t = await createTestParley(provider, { name: `replay-${provider}` });
    await seedSite(t.parley, { posts: [{ slug: 'hello' }] });
  });
  afterAll(async () => t?.close());

  const backdate = (id: string, ms: number) =>
    t.parley.database.db.comment.update({
      where: { id },
      data: { createdAt: new Date(Date.now() - ms) },
    });

  test('when the same email and body are posted again at once, then the first comment is answered without an edit token', async () => {
    const input = aComment();
    const first = await t.post(url).send(input);
    expect(first.status).toBe(201);
    expect(first.body.editToken).toEqual(expect.any(String));
    const again = await t.post(url).send(input);
    expect(again.status).toBe(201);
    expect(again.body.comment.id).toBe(first.body.comment.id);
    expect(again.body.editToken).toBeUndefined();
    expect(again.body.editableUntil).toBeUndefined();
  });

  test("when a stranger replays a victim's email and body 30 days later, then no edit token for the victim's comment is issued", async () => {
    const victim = aComment({
      name: 'Victor Victim',
      body: 'An old and perfectly civil remark about release signing keys.',
    });
    const original = await t.post(url).send(victim);
    expect(original.status).toBe(201);
    await backdate(original.body.comment.id, 30 * DAY);
    const replay = await t.post(url).send({ ...victim, name: 'Mallory' });
    expect(replay.body.comment.id).not.toBe(original.body.comment.id);
    if (replay.body.editToken) {
      const hijack = await t
        .api()
        .patch(`/api/comments/${original.body.comment.id}`)
        .send({ body: 'Hijacked text', editToken: replay.body.editToken });
      expect(hijack.status).toBe(403);
    }
    const stored = await t.parley.database.db.comment.findUniqueOrThrow({
      where: { id: original.body.comment.id },
    });
    expect(stored.body).toBe(victim.body);
  });

  test("when an idempotency key is reused with another email, then it does not return the first author's comment", async () => {
    const key = 'shared-draft-key-0001';
    const first = await t.post(url).send(aComment({ idempotencyKey: key }));
    const other = await t.post(url).send(aComment({ idempotencyKey: key }));
    expect(other.status).toBe(201);
    expect(other.body.comment.id).not.toBe(first.body.comment.id);
    expect(other.body.editToken).toEqual(expect.any(String));
  });

  test('when an idempotency key is reused after it expired, then a new comment is stored', async () => {
    const input = aComment({ idempotencyKey: 'expiring-draft-key-01' });
    const first = await t.post(url).send(input);
    await backdate(first.body.comment.id, 60 * 60_000);
    const later = await t.post(url).send({ ...input, body: `${input.body} (second thoughts)` });
    expect(later.status).toBe(201);
    expect(later.body.comment.id).not.toBe(first.body.comment.id);
  });

  test('when someone says "Thanks!" again months later, then it is a new, published comment', async () => {
    const input = aComment({ body: 'Thanks!' });
    const first = await t.post(url).send(input);
    expect(first.status).toBe(201);
    await backdate(first.body.comment.id, 90 * DAY);
    const again = await t.post(url).send(input);
    expect(again.status).toBe(201);
    expect(again.body.status).toBe('approved');
    expect(again.body.comment.id).not.toBe(first.body.comment.id);
  });

  test('when the edit window has passed since the comment was written, then its token no longer edits it', async () => {
    const posted = await t.post(url).send(aComment());
    await backdate(posted.body.comment.id, 16 * 60_000);
    const res = await t
      .api()
      .patch(`/api/comments/${posted.body.comment.id}`)
      .send({ body: 'Too late to change this.', editToken: posted.body.editToken });
    expect(res.status).toBe(403);
  });
});
