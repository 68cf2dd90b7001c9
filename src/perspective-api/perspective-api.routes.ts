// Parley answers Perspective's comments:analyze, so Coral's "custom endpoint" setting or any
// Perspective client can point at Parley instead of Google (whose API closes after 2026).
// Request and response shapes follow Perspective's v1alpha1, errors included: this surface
// speaks Google's error format, not Parley's, because its clients parse that one.
import { createHash } from 'node:crypto';
import express, { Router, type ErrorRequestHandler, type Request } from 'express';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { classifyError } from '../http/index.js';
import { apiDoc } from '../openapi/index.js';
import { ILL_FORMED_TEXT_MESSAGE, illFormedPaths } from '../schema.js';
import type { RateLimiters } from '../http/index.js';
import { TOXICITY_ATTRIBUTES, toxicityOfText, type ToxicityAttribute } from '../screening/index.js';
import { getApiKeySite, touchApiKey } from './api-keys.repo.js';
import { toPerspectiveResponse } from './perspective-format.js';

const MAX_TEXT = 20_480;
/** Parley issues `pk_` and 32 base64url characters; anything far from a key is not looked up. */
const API_KEY_SHAPE = /^[\w-]{16,128}$/;

const AnalyzeRequest = z.object({
  comment: z.object({ text: z.string().max(MAX_TEXT), type: z.enum(['PLAIN_TEXT']).optional() }),
  requestedAttributes: z.record(
    z.string(),
    z
      .object({
        scoreType: z.enum(['PROBABILITY']).optional(),
        scoreThreshold: z.number().min(0).max(1).optional(),
      })
      .default({}),
  ),
  languages: z.array(z.string().max(35)).max(20).optional(),
  doNotStore: z.boolean().optional(),
  spanAnnotations: z.boolean().optional(),
  clientToken: z.string().max(500).optional(),
  sessionId: z.string().max(500).optional(),
  communityId: z.string().max(500).optional(),
  context: z.unknown().optional(),
});

/** The API key a request names: `?key=` when it is one string, else the x-goog-api-key header. */
function apiKeyOf(req: Request): string | undefined {
  return typeof req.query.key === 'string' ? req.query.key : req.get('x-goog-api-key');
}

class PerspectiveError extends Error {
  constructor(
    readonly code: number,
    readonly status: string,
    message: string,
  ) {
    super(message);
  }
}

const GOOGLE_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  404: 'NOT_FOUND',
  413: 'INVALID_ARGUMENT',
  415: 'INVALID_ARGUMENT',
  429: 'RESOURCE_EXHAUSTED',
  503: 'UNAVAILABLE',
};

/** Parley's reading of a failure, in Google's error vocabulary. */
function toPerspectiveError(err: unknown): PerspectiveError {
  const known = classifyError(err);
  if (!known) return new PerspectiveError(500, 'INTERNAL', 'Internal error.');
  if (known.code === 'INVALID_JSON')
    return new PerspectiveError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
  return new PerspectiveError(
    known.status,
    GOOGLE_STATUS[known.status] ?? 'INVALID_ARGUMENT',
    known.message,
  );
}

/**
 * The languages whose toxicity the model was trained on (the labelled corpus has toxic and
 * clean comments in each); spam is scored in any language.
 */
const SCORED_LANGUAGES = new Set(['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl']);
const isScoredLanguage = (l: string) => SCORED_LANGUAGES.has(l);

export function perspectiveApiRouter(deps: {
  db: Db;
  limits: RateLimiters;
  requestsPerMinute?: number;
}): Router {
  const router = Router();
  // Bounded, and only keys of the shape Parley issues are looked up or cached at all.
  const keyCache = new LRUCache<string, { siteId: string | null }>({ max: 10_000, ttl: 30_000 });

  // "Last used" for the admin's key list: one write per key per minute at most.
  const lastTouched = new LRUCache<string, number>({ max: 10_000 });

  async function siteForKey(key: string): Promise<string | null> {
    if (!API_KEY_SHAPE.test(key)) return null;
    const hash = createHash('sha256').update(key).digest('hex');
    const hit = keyCache.get(hash);
    const siteId = hit ? hit.siteId : ((await getApiKeySite(deps.db, hash))?.siteId ?? null);
    if (!hit) keyCache.set(hash, { siteId });
    const now = Date.now();
    if (siteId && now - (lastTouched.get(hash) ?? 0) >= 60_000) {
      lastTouched.set(hash, now);
      await touchApiKey(deps.db, hash, new Date(now));
    }
    return siteId;
  }

  router.use(express.json({ limit: '128kb' }));
  router.use(async (req, _res, next) => {
    const key = apiKeyOf(req);
    if (!key || !(await siteForKey(key))) {
      return next(
        new PerspectiveError(
          400,
          'INVALID_ARGUMENT',
          'API key not valid. Please pass a valid API key.',
        ),
      );
    }
    next();
  });
  router.use(
    deps.limits({
      name: 'perspective-keys',
      windowMs: 60_000,
      limit: deps.requestsPerMinute ?? 600,
      // the key that was checked, not whatever else the query holds (?key=a&key=b was a new
      // bucket per request); hashed, so keys are not written to the limiter's store
      key: (req) => createHash('sha256').update(apiKeyOf(req)!).digest('hex'),
      refuse: () =>
        new PerspectiveError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded for this API key.'),
    }),
  );

  // the text rule of every other route: no NUL, no lone surrogate, in any field
  router.use((req, _res, next) => {
    const bad = illFormedPaths(req.body)[0];
    if (bad === undefined) return next();
    next(
      new PerspectiveError(
        400,
        'INVALID_ARGUMENT',
        `Invalid value at '${bad}': ${ILL_FORMED_TEXT_MESSAGE}`,
      ),
    );
  });

  router.post('/comments\\:analyze', (req, res) => {
    const parsed = AnalyzeRequest.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new PerspectiveError(
        400,
        'INVALID_ARGUMENT',
        `Invalid value at '${issue.path.join('.')}': ${issue.message}`,
      );
    }
    const body = parsed.data;
    const requested = Object.keys(body.requestedAttributes);
    if (requested.length === 0)
      throw new PerspectiveError(400, 'INVALID_ARGUMENT', 'Must request at least one attribute.');
    const unknown = requested.filter(
      (a) => !(TOXICITY_ATTRIBUTES as readonly string[]).includes(a),
    );
    if (unknown.length > 0)
      throw new PerspectiveError(
        400,
        'INVALID_ARGUMENT',
        `Unknown attribute: ${unknown.join(', ')}`,
      );
    const languages = body.languages ?? ['en'];
    const language = languages.map((l) => l.toLowerCase().slice(0, 2)).find(isScoredLanguage);
    if (languages.length > 0 && !language) {
      throw new PerspectiveError(
        400,
        'INVALID_ARGUMENT',
        `Attribute ${requested[0]} does not support request languages: ${languages.join(',')}`,
      );
    }
    const analysis = toxicityOfText(body.comment.text);
    const thresholds = requested.map((a) => body.requestedAttributes[a]?.scoreThreshold ?? 0);
    const response = toPerspectiveResponse(
      analysis.scores,
      requested as ToxicityAttribute[],
      body.spanAnnotations === false ? [] : analysis.spans,
      {
        language: language ?? 'en',
        ...(body.clientToken !== undefined && { clientToken: body.clientToken }),
      },
    );
    // Per-attribute scoreThreshold: attributes scoring below their threshold are left out.
    requested.forEach((attr, i) => {
      const entry = response.attributeScores[attr as ToxicityAttribute];
      if (entry && entry.summaryScore.value < thresholds[i]!)
        delete response.attributeScores[attr as ToxicityAttribute];
    });
    // Nothing is stored either way, so doNotStore is always honoured.
    res.json(response);
  });

  // Feedback is accepted for compatibility (Coral sends it); Parley learns from its own moderators.
  router.post('/comments\\:suggestscore', (req, res) => {
    // echoed only as the string it is meant to be
    const token = (req.body as { clientToken?: unknown } | undefined)?.clientToken;
    res.json({ clientToken: typeof token === 'string' ? token.slice(0, 500) : undefined });
  });

  const errors: ErrorRequestHandler = (err, _req, res, _next) => {
    const e = err instanceof PerspectiveError ? err : toPerspectiveError(err);
    res.status(e.code).json({ error: { code: e.code, message: e.message, status: e.status } });
  };
  router.use(errors);
  describeRoutes(router);
  return router;
}

const Score = z.object({ value: z.number(), type: z.literal('PROBABILITY') });
const AnalyzeResponse = z.object({
  attributeScores: z.partialRecord(
    z.enum(TOXICITY_ATTRIBUTES),
    z.object({
      summaryScore: Score,
      spanScores: z.array(z.object({ begin: z.number(), end: z.number(), score: Score })),
    }),
  ),
  languages: z.array(z.string()),
  clientToken: z.string().optional(),
});

function describeRoutes(router: Router): void {
  const doc = apiDoc(router);
  doc.post('/comments\\:analyze', {
    summary: 'Score a text for toxicity, as Google’s Perspective API does',
    description:
      'A drop-in for `commentanalyzer.googleapis.com/v1alpha1/comments:analyze` (Coral, Discourse…): the key is a site API key from the admin API.',
    access: 'apiKey',
    body: AnalyzeRequest,
    bodyExample: {
      comment: { text: 'You are an idiot.' },
      requestedAttributes: { TOXICITY: {}, INSULT: {} },
      languages: ['en'],
    },
    responses: {
      200: {
        description: 'Scores of the requested attributes.',
        body: AnalyzeResponse,
        example: {
          attributeScores: {
            TOXICITY: {
              summaryScore: { value: 0.93, type: 'PROBABILITY' },
              spanScores: [{ begin: 0, end: 17, score: { value: 0.93, type: 'PROBABILITY' } }],
            },
          },
          languages: ['en'],
        },
      },
    },
    errors: { 400: ['INVALID_ARGUMENT'], 429: ['RESOURCE_EXHAUSTED'] },
  });
  doc.post('/comments\\:suggestscore', {
    summary: 'Accepts score feedback, for compatibility (Parley learns from its own moderators)',
    access: 'apiKey',
    body: z.object({ clientToken: z.string().optional() }).loose(),
    responses: {
      200: {
        description: 'The client token, echoed.',
        body: z.object({ clientToken: z.string().optional() }),
      },
    },
    errors: { 400: ['INVALID_ARGUMENT'] },
  });
}
