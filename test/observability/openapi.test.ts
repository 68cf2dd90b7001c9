// The OpenAPI document against the express route table: every route the app answers is in
// the document (and nothing else is), the document is valid OpenAPI 3.1, and its schemas are
// the ones the routes parse with.
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openApiPath } from '../../src/openapi/index.js';
import { createTestParley, type TestParley } from '../helpers/parley.js';
import { listRoutes } from '../helpers/routes.js';
import { recordFigure } from '../helpers/figures.js';

/** Pages for people, not API: the demo article and the dashboard's client routes. */
const PAGES = new Set(['GET /', 'GET /moderate', 'GET /moderate/{*rest}']);

type Operation = {
  summary: string;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, unknown>;
};
let t: TestParley;
let doc: {
  openapi: string;
  components: unknown;
  paths: Record<string, Record<string, Operation>>;
};

beforeAll(async () => {
  t = await createTestParley('sqlite', {
    name: 'openapi',
    env: { METRICS_TOKEN: 'metrics-token-0123456789' },
  });
  const res = await t.api().get('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});
afterAll(() => t.close());

test('when the route table is walked, then every API route is in the document and every documented operation is a route', () => {
  const routes = listRoutes(t.parley.app).filter((r) => !PAGES.has(`${r.method} ${r.path}`));
  expect(routes.length).toBeGreaterThan(30);
  const missing = routes.filter((r) => !doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()]);
  expect(
    missing,
    'routes missing from /api/openapi.json: describe them with apiDoc(router)',
  ).toEqual([]);

  const answered = new Set(routes.map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`));
  const phantom = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => !answered.has(`${m} ${path}`))
      .map((m) => `${m} ${path}`),
  );
  expect(phantom, 'documented but not routed').toEqual([]);
  recordFigure('openapi.operations', routes.length);
});

test('when the document is validated with an OpenAPI 3.1 validator, then it is valid', async () => {
  expect(doc.openapi).toBe('3.1.0');
  const validator = new Validator();
  const result = await validator.validate(structuredClone(doc));
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
});

test('when an operation is read, then it has a success answer, its error codes, and the zod schema its route parses with', () => {
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const statuses = Object.keys(op.responses).map(Number);
      expect(
        statuses.some((s) => s < 400),
        `${method} ${path}`,
      ).toBe(true);
      expect(
        statuses.some((s) => s >= 500),
        `${method} ${path}`,
      ).toBe(true);
    }
  const post = doc.paths['/api/sites/{site}/posts/{post}/comments']!.post!;
  const body = post.requestBody!.content['application/json']!.schema as {
    required: string[];
    properties: Record<string, { maxLength?: number }>;
  };
  expect(body.required).toEqual(expect.arrayContaining(['name', 'email', 'body']));
  expect(body.properties.body!.maxLength).toBe(20_000);
  const errors = JSON.stringify(post.responses['409']);
  expect(errors).toContain('POST_CLOSED');
  expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '202', '400', '429']));
  expect(doc.paths['/v1alpha1/comments:analyze']?.post).toBeDefined();
});

test('when the document’s examples are checked against their own schemas, then every one is valid', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  // ajv-formats is CommonJS: its plugin is the module itself.
  (ajvFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema({ $id: 'doc', components: doc.components });
  const check = (schema: unknown, example: unknown, where: string) => {
    const linked = JSON.parse(
      JSON.stringify(schema).replaceAll('"#/components/schemas/', '"doc#/components/schemas/'),
    );
    const validate = ajv.compile(linked);
    expect(validate(example), `${where}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  };
  let checked = 0;
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      const body = op.requestBody?.content['application/json'] as
        | { schema: unknown; example?: unknown }
        | undefined;
      if (body?.example !== undefined) {
        check(body.schema, body.example, `${method} ${path} request`);
        checked += 1;
      }
      for (const [status, response] of Object.entries(op.responses)) {
        const json = (
          response as { content?: Record<string, { schema: unknown; example?: unknown }> }
        ).content?.['application/json'];
        if (json?.example !== undefined) {
          check(json.schema, json.example, `${method} ${path} ${status}`);
          checked += 1;
        }
      }
    }
  expect(checked).toBeGreaterThan(10);
  recordFigure('openapi.examples-checked', checked);
});
