// The API reference against real answers: the owner-dashboard, import and export routes are
// called on a real server and database (SQLite), and each answer's status and body must be one
// the document describes for that operation (bodies checked with its JSON Schema).
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import type request from 'supertest';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixturePath } from '../helpers/import-records.js';
import { signIn, createStaff, type StaffClient } from '../helpers/moderation.js';
import { createTestParley, seedSite, type TestParley } from '../helpers/parley.js';

type Content = Record<string, { schema: unknown }>;
type Operation = {
  requestBody?: { content: Content };
  responses: Record<string, { content?: Content; headers?: Record<string, unknown> }>;
};
let t: TestParley;
let doc: { components: unknown; paths: Record<string, Record<string, Operation>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its plugin is the module itself.
(ajvFormats as unknown as (a: Ajv2020) => void)(ajv);

beforeAll(async () => {
  t = await createTestParley('sqlite', { name: 'openapi-answers' });
  doc = (await t.api().get('/api/openapi.json')).body;
  ajv.addSchema({ $id: 'doc', components: doc.components });
});
afterAll(() => t.close());

/** Fails unless `res` is an answer the document describes for `method path`. */
function expectDocumented(method: string, path: string, res: request.Response): void {
  const op = doc.paths[path]?.[method];
  expect(op, `${method} ${path} is documented`).toBeDefined();
  const answer = op!.responses[String(res.status)];
  expect(
    answer,
    `${method} ${path} answered ${res.status}: ${res.text.slice(0, 300)}`,
  ).toBeDefined();
  const type = String(res.headers['content-type'] ?? '').split(';')[0]!;
  if (res.status === 204) {
    expect(answer!.content).toBeUndefined();
    return;
  }
  const content = answer!.content?.[type];
  expect(content, `${method} ${path} ${res.status} documents ${type}`).toBeDefined();
  if (type !== 'application/json') return;
  const linked = JSON.parse(
    JSON.stringify(content!.schema).replaceAll(
      '"#/components/schemas/',
      '"doc#/components/schemas/',
    ),
  );
  const validate = ajv.compile(linked);
  expect(
    validate(res.body),
    `${method} ${path} ${res.status}: ${ajv.errorsText(validate.errors)}`,
  ).toBe(true);
}

let admin: StaffClient;

test('when Parley is set up, invites and changes passwords, then every answer is the documented one', async () => {
  const setup = await t.api().get('/api/auth/setup');
  expectDocumented('get', '/api/auth/setup', setup);
  expect(setup.body.needed).toBe(true);
  const setupCookie = (setup.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
  const created = await t
    .api()
    .post('/api/auth/setup')
    .set('Cookie', setupCookie)
    .set('X-CSRF-Token', setup.body.csrfToken)
    .send({ email: 'owner@parley.test', name: 'Owner', password: 'correct horse battery' });
  expectDocumented('post', '/api/auth/setup', created);
  expect(created.status).toBe(201);
  const again = await t
    .api()
    .post('/api/auth/setup')
    .set('Cookie', setupCookie)
    .set('X-CSRF-Token', setup.body.csrfToken)
    .send({ email: 'second@parley.test', name: 'Second', password: 'correct horse battery' });
  expectDocumented('post', '/api/auth/setup', again);
  expect(again.body.error.code).toBe('SETUP_DONE');
  expectDocumented('get', '/api/auth/setup', await t.api().get('/api/auth/setup'));

  admin = await signIn(t, 'owner@parley.test', 'correct horse battery');
  await seedSite(t.parley, { slug: 'blog' });
  const invited = await admin.post('/api/admin/invitations', {
    email: 'invitee@parley.test',
    sites: ['blog'],
  });
  expectDocumented('post', '/api/admin/invitations', invited);
  const token = String(invited.body.link).split('#')[1]!;
  expectDocumented('get', '/api/admin/invitations', await admin.get('/api/admin/invitations'));
  const peek = await t.api().get(`/api/auth/invitations/${token}`);
  expectDocumented('get', '/api/auth/invitations/{token}', peek);
  const accepted = await t
    .api()
    .post(`/api/auth/invitations/${token}`)
    .send({ name: 'Invitee', password: 'correct horse battery' });
  expectDocumented('post', '/api/auth/invitations/{token}', accepted);
  expect(accepted.status).toBe(201);
  expectDocumented(
    'get',
    '/api/auth/invitations/{token}',
    await t.api().get(`/api/auth/invitations/${token}`),
  );

  const other = await admin.post('/api/admin/invitations', { email: 'other@parley.test' });
  const withdrawn = await admin.delete(`/api/admin/invitations/${other.body.invitation.id}`);
  expectDocumented('delete', '/api/admin/invitations/{id}', withdrawn);
  expect(withdrawn.status).toBe(204);

  const mod = await signIn(t, 'invitee@parley.test', 'correct horse battery');
  const wrong = await mod.post('/api/auth/password', {
    current: 'not the password',
    password: 'a longer new passphrase',
  });
  expectDocumented('post', '/api/auth/password', wrong);
  expect(wrong.body.error.code).toBe('WRONG_PASSWORD');
  const changed = await mod.post('/api/auth/password', {
    current: 'correct horse battery',
    password: 'a longer new passphrase',
  });
  expectDocumented('post', '/api/auth/password', changed);
  expect(changed.status).toBe(204);
  const everywhere = await mod.post('/api/auth/logout-everywhere');
  expectDocumented('post', '/api/auth/logout-everywhere', everywhere);
  expect(everywhere.status).toBe(204);

  const self = await admin.delete(`/api/admin/users/${admin.user.id}`);
  expectDocumented('delete', '/api/admin/users/{id}', self);
  expect(self.body.error.code).toBe('CANNOT_REMOVE_SELF');
  const removed = await admin.delete(`/api/admin/users/${mod.user.id}`);
  expectDocumented('delete', '/api/admin/users/{id}', removed);
  expect(removed.status).toBe(204);
});

test('when a site is imported, listed, exported, a commenter erased and the site deleted, then every answer is the documented one', async () => {
  if (!admin) {
    const owner = await createStaff(t, { role: 'admin' });
    admin = await signIn(t, owner.email, owner.password);
  }
  await seedSite(t.parley, { slug: 'docs' });
  const file = readFileSync(fixturePath('disqus.xml'));
  const upload = (url: string, body: Buffer) =>
    t
      .api()
      .post(url)
      .set('Cookie', admin.cookie)
      .set('X-CSRF-Token', admin.csrfToken)
      .set('Content-Type', 'application/octet-stream')
      .send(body);
  const started = await upload('/api/admin/sites/docs/imports?format=disqus&name=disqus.xml', file);
  expectDocumented('post', '/api/admin/sites/{site}/imports', started);
  expect(started.status).toBe(202);
  const empty = await upload('/api/admin/sites/docs/imports?format=disqus', Buffer.alloc(0));
  expectDocumented('post', '/api/admin/sites/{site}/imports', empty);
  expect(empty.body.error.code).toBe('EMPTY_UPLOAD');

  let job: request.Response;
  for (let i = 0; ; i += 1) {
    job = await admin.get(`/api/admin/sites/docs/imports/${started.body.job.id}`);
    if (job.body.job?.status === 'done' || job.body.job?.status === 'failed' || i > 100) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expectDocumented('get', '/api/admin/sites/{site}/imports/{id}', job);
  expect(job.body.job.status).toBe('done');
  expectDocumented(
    'get',
    '/api/admin/sites/{site}/imports',
    await admin.get('/api/admin/sites/docs/imports'),
  );

  expectDocumented(
    'get',
    '/api/admin/sites/{site}/posts',
    await admin.get('/api/admin/sites/docs/posts?limit=5'),
  );
  expectDocumented(
    'get',
    '/api/admin/sites/{site}/contents',
    await admin.get('/api/admin/sites/docs/contents'),
  );
  await admin.post('/api/admin/sites/docs/api-keys', { label: 'ci' });
  expectDocumented(
    'get',
    '/api/admin/sites/{site}/api-keys',
    await admin.get('/api/admin/sites/docs/api-keys'),
  );

  for (const format of ['parley', 'wxr']) {
    const file = await admin.get(`/api/admin/sites/docs/export?format=${format}`).buffer(true);
    expectDocumented('get', '/api/admin/sites/{site}/export', file);
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="/);
  }

  const email = (
    await t.parley.database.db.comment.findFirstOrThrow({ where: { site: { slug: 'docs' } } })
  ).authorEmail;
  const data = await admin.post('/api/admin/commenters/export', { email }).buffer(true);
  expectDocumented('post', '/api/admin/commenters/export', {
    ...data,
    body: JSON.parse(data.text),
  } as request.Response);
  const erased = await admin.post('/api/admin/commenters/erase', {
    email,
    removeBodies: false,
    confirm: true,
  });
  expectDocumented('post', '/api/admin/commenters/erase', erased);
  expect(erased.body.erased.comments).toBeGreaterThan(0);

  const deleted = await admin.delete('/api/admin/sites/docs');
  expectDocumented('delete', '/api/admin/sites/{site}', deleted);
  expect(deleted.body.removed.comments).toBeGreaterThan(0);
  expectDocumented(
    'delete',
    '/api/admin/sites/{site}',
    await admin.delete('/api/admin/sites/docs'),
  );
});

test('when webhooks, the outbox, mail preferences and mail links are used, then every answer is the documented one', async () => {
  const owner = await createStaff(t, { role: 'admin' });
  const admin = await signIn(t, owner.email, owner.password);
  await seedSite(t.parley, { slug: 'hooks' });
  const base = '/api/admin/sites/hooks/webhooks';
  const created = await admin.post(base, {
    url: 'http://127.0.0.1:9/parley',
    events: ['comment.created'],
  });
  expectDocumented('post', '/api/admin/sites/{site}/webhooks', created);
  expect(created.status).toBe(201);
  const id = created.body.webhook.id as string;
  const one = `/api/admin/sites/{site}/webhooks/{id}`;
  expectDocumented('get', '/api/admin/sites/{site}/webhooks', await admin.get(base));
  expectDocumented('patch', one, await admin.patch(`${base}/${id}`, { enabled: false }));
  expectDocumented('post', `${one}/rotate-secret`, await admin.post(`${base}/${id}/rotate-secret`));
  expectDocumented('post', `${one}/test`, await admin.post(`${base}/${id}/test`));
  expectDocumented('get', `${one}/deliveries`, await admin.get(`${base}/${id}/deliveries`));
  const unknown = '0193a7b2-1c2d-7e3f-8a4b-5c6d7e8f9a0b';
  const redeliver = await admin.post(`${base}/${id}/deliveries/${unknown}/redeliver`);
  expectDocumented('post', `${one}/deliveries/{attemptId}/redeliver`, redeliver);
  expect(redeliver.body.error.code).toBe('DELIVERY_NOT_FOUND');
  expectDocumented('get', '/api/admin/outbox', await admin.get('/api/admin/outbox?site=hooks'));
  const retry = await admin.post(`/api/admin/outbox/${unknown}/retry`);
  expectDocumented('post', '/api/admin/outbox/{id}/retry', retry);
  expect(retry.body.error.code).toBe('DELIVERY_NOT_FOUND');
  const removed = await admin.delete(`${base}/${id}`);
  expectDocumented('delete', one, removed);
  expect(removed.status).toBe(204);
  expectDocumented('delete', one, await admin.delete(`${base}/${id}`));

  expectDocumented(
    'get',
    '/api/notifications/settings',
    await admin.get('/api/notifications/settings'),
  );
  const saved = await admin.put('/api/notifications/settings', {
    moderation: 'daily',
    weekly: true,
  });
  expectDocumented('put', '/api/notifications/settings', saved);
  expect(saved.body.moderation).toBe('daily');
  const renamed = await admin.patch('/api/auth/me', { name: 'Renamed' });
  expectDocumented('patch', '/api/auth/me', renamed);
  expect(renamed.body.user.name).toBe('Renamed');

  for (const name of ['moderate', 'confirm', 'unsubscribe'])
    for (const method of ['get', 'post'] as const) {
      const res = await t.api()[method](`/api/mail/${name}/not-a-real-token-123`);
      expectDocumented(method, `/api/mail/${name}/{token}`, res);
      expect(res.status).toBe(404);
      expect(res.text).toContain('data-code="MAIL_LINK_INVALID"');
    }
});
