// GET /metrics: the Prometheus text format, for a scraper holding METRICS_TOKEN as a bearer
// token. Without the token configured the route does not exist (404), so a public server shows
// nothing of itself.
import { timingSafeEqual, createHash } from 'node:crypto';
import { Router } from 'express';
import { AppError } from '../errors.js';
import { apiDoc } from '../openapi/index.js';
import type { Metrics } from './metrics.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function metricsRouter(metrics: Metrics, token: string): Router {
  const router = Router();
  const expected = digest(token);
  router.get('/metrics', async (req, res) => {
    const header = req.get('authorization') ?? '';
    const given = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    // Compared as digests: equal length, constant time, whatever was sent.
    if (!given || !timingSafeEqual(digest(given), expected)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new AppError('UNAUTHORIZED', 401, 'Send the metrics token as a bearer token.');
    }
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  });
  apiDoc(router).get('/metrics', {
    summary: 'Prometheus metrics (only when METRICS_TOKEN is set; 404 otherwise)',
    access: 'metricsToken',
    responses: {
      200: {
        description: 'The Prometheus text exposition format.',
        contentType: 'text/plain; version=0.0.4',
        example: 'parley_comments_screened_total{decision="approve"} 12',
      },
    },
  });
  return router;
}
