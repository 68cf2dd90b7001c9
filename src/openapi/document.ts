// The OpenAPI 3.1 document, built from the registry: paths from where the routers are mounted,
// parameters and bodies from the zod schemas the routes parse with (z.toJSONSchema, whose
// JSON Schema 2020-12 is OpenAPI 3.1's dialect), errors from each route's codes plus those
// every route of its kind can answer.
import { z } from 'zod';
import { describedRoutes, type Access, type DescribedRoute, type RouteSpec } from './registry.js';

type Json = Record<string, unknown>;

const TAG_OF: Record<Access, string> = {
  public: 'Public',
  moderator: 'Moderation',
  admin: 'Admin',
  apiKey: 'Perspective-compatible',
  metricsToken: 'Operations',
};

const SECURITY_OF: Record<Access, Json[]> = {
  public: [],
  moderator: [{ session: [] }],
  admin: [{ session: [] }],
  apiKey: [{ apiKeyQuery: [] }, { apiKeyHeader: [] }],
  metricsToken: [{ metricsToken: [] }],
};

/** Named schemas (zod's .meta({ id })), shared by the whole document. */
type Components = Record<string, Json>;

/**
 * JSON Schema of a body or parameter: what a client sends (the input side of transforms and
 * defaults) or, with io 'output', what it receives. Named parts move to components.schemas.
 */
export function jsonSchemaOf(
  schema: z.ZodType,
  components: Components = {},
  io: 'input' | 'output' = 'input',
): Json {
  const out = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Json;
  delete out.$schema;
  const defs = (out.$defs as Components | undefined) ?? {};
  delete out.$defs;
  const relink = (value: Json) =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
  for (const [name, def] of Object.entries(defs)) components[name] = relink(def);
  return relink(out);
}

/** Errors a route can answer because of what it is, besides its own. */
function commonErrors(spec: RouteSpec, method: string): Record<number, string[]> {
  const errors: Record<number, string[]> = { 500: ['INTERNAL'], 503: ['DATABASE_UNAVAILABLE'] };
  const add = (status: number, ...codes: string[]) => {
    errors[status] = [...new Set([...(errors[status] ?? []), ...codes])];
  };
  if (spec.access === 'apiKey') return errors;
  if ((spec.params || spec.query || spec.body) && !spec.errorPages) add(400, 'VALIDATION_FAILED');
  add(400, 'MALFORMED_URL');
  if (spec.body) {
    add(400, 'INVALID_JSON');
    add(413, 'PAYLOAD_TOO_LARGE');
    add(415, 'UNSUPPORTED_MEDIA_TYPE');
  }
  if (spec.access === 'moderator' || spec.access === 'admin') {
    add(401, 'UNAUTHENTICATED');
    if (method !== 'get') add(403, 'CSRF_FAILED');
  }
  if (spec.access === 'admin') add(403, 'FORBIDDEN');
  if (spec.access === 'metricsToken') add(401, 'UNAUTHORIZED');
  return errors;
}

const ERROR_BODY = (codes: string[]): Json => ({
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: codes },
        message: { type: 'string', description: 'For people; may change.' },
        fields: {
          type: 'object',
          additionalProperties: { type: 'string' },
          description: 'Per-field messages, keyed by the field path (body.email, query.limit…).',
        },
      },
    },
    requestId: { type: 'string', description: 'The X-Request-Id of this request.' },
  },
});

/** The Perspective-compatible API answers errors in Google's format. */
const GOOGLE_ERROR_BODY: Json = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'integer' },
        message: { type: 'string' },
        status: { type: 'string', examples: ['INVALID_ARGUMENT'] },
      },
    },
  },
};

function parametersOf(route: DescribedRoute, components: Components): Json[] {
  const out: Json[] = [];
  const names = [...route.path.matchAll(/(?:^|\/):(\w+)/g)].map((m) => m[1]!);
  const params = route.spec.params ? jsonSchemaOf(route.spec.params, components) : null;
  for (const name of names) {
    const schema = (params?.properties as Record<string, Json> | undefined)?.[name];
    out.push({ name, in: 'path', required: true, schema: schema ?? { type: 'string' } });
  }
  if (route.spec.query) {
    const query = jsonSchemaOf(route.spec.query, components);
    const required = new Set((query.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((query.properties as Record<string, Json>) ?? {}))
      out.push({
        name,
        in: 'query',
        required: required.has(name) && (schema as Json).default === undefined,
        schema,
        ...(typeof (schema as Json).description === 'string' && {
          description: (schema as Json).description,
        }),
      });
  }
  return out;
}

function operationOf(route: DescribedRoute, components: Components): Json {
  const { spec } = route;
  const responses: Record<string, Json> = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    const types = [r.contentType ?? 'application/json'].flat();
    responses[status] = {
      description: r.description,
      ...(r.headers && {
        headers: Object.fromEntries(
          Object.entries(r.headers).map(([name, description]) => [
            name,
            { description, schema: { type: 'string' } },
          ]),
        ),
      }),
      ...((r.body || r.contentType) && {
        content: Object.fromEntries(
          types.map((type) => [
            type,
            {
              schema: r.body ? jsonSchemaOf(r.body, components, 'output') : { type: 'string' },
              ...(r.example !== undefined && { example: r.example }),
            },
          ]),
        ),
      }),
    };
  }
  const errors = commonErrors(spec, route.method);
  const pages = new Set<string>();
  for (const [status, codes] of Object.entries(spec.errors ?? {})) {
    errors[Number(status)] = [...new Set([...(errors[Number(status)] ?? []), ...codes])];
    if (spec.errorPages) pages.add(status);
  }
  for (const [status, codes] of Object.entries(errors)) {
    const json = {
      'application/json': {
        schema: spec.access === 'apiKey' ? GOOGLE_ERROR_BODY : ERROR_BODY(codes),
      },
    };
    responses[status] = {
      description: `Error: ${codes.join(', ')}`,
      content: pages.has(status)
        ? {
            'text/html': {
              schema: {
                type: 'string',
                description: `An HTML page; its data-code attribute is one of ${codes.join(', ')}.`,
              },
            },
            // Errors from outside the route (a malformed URL, the database) stay JSON.
            ...(errors[Number(status)]!.length > (spec.errors?.[Number(status)]?.length ?? 0) &&
              json),
          }
        : json,
    };
  }
  return {
    summary: spec.summary,
    ...(spec.description && { description: spec.description }),
    tags: [spec.tag ?? TAG_OF[spec.access]],
    operationId: `${route.method}${openApiPath(route.path)
      .replace(/[{}:]/g, '')
      .split(/[^a-zA-Z0-9]+/)
      .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : ''))
      .join('')}`,
    security: SECURITY_OF[spec.access],
    parameters: parametersOf(route, components),
    ...(spec.upload && {
      requestBody: {
        required: true,
        description: spec.upload.description,
        content: {
          [spec.upload.contentType]: {
            schema: { type: 'string', contentMediaType: spec.upload.contentType },
          },
        },
      },
    }),
    ...(spec.body && {
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: jsonSchemaOf(spec.body, components),
            ...(spec.bodyExample !== undefined && { example: spec.bodyExample }),
          },
        },
      },
    }),
    responses,
  };
}

/** Express's /sites/:site and /comments\:analyze as OpenAPI writes them. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/\\:/g, ':').replace(/(^|\/):(\w+)/g, '$1{$2}');
}

export function buildOpenApiDocument(root: object, info: { version: string; url: string }): Json {
  const paths: Record<string, Record<string, Json>> = {};
  const schemas: Components = {};
  for (const route of describedRoutes(root)) {
    const path = openApiPath(route.path);
    const operations = paths[path] ?? {};
    operations[route.method] = operationOf(route, schemas);
    paths[path] = operations;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: info.version,
      description:
        'Comments, moderation and administration of a Parley server. Errors are `{ error: { code, message, fields? }, requestId }` with a stable `code`; every response carries `X-Request-Id`.',
    },
    servers: [{ url: info.url }],
    tags: [
      ...new Set([
        ...Object.values(TAG_OF),
        ...Object.values(paths).flatMap((ops) =>
          Object.values(ops).flatMap((op) => op.tags as string[]),
        ),
      ]),
    ].map((name) => ({ name })),
    components: {
      schemas,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'parley_session',
          description:
            'The session cookie from POST /api/auth/login; state-changing requests also send the session’s CSRF token as X-CSRF-Token.',
        },
        apiKeyQuery: { type: 'apiKey', in: 'query', name: 'key' },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-Goog-Api-Key' },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN' },
      },
    },
    paths,
  };
}
