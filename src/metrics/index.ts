// Public face of metrics: the registry and its hooks, and the /metrics router (only when
// METRICS_TOKEN is set). Other modules never import prom-client: the composition root hands
// them the hooks (a request observer, a screening observer, sources read on scrape).
import type { Router } from 'express';
import type { Db } from '../db/database.js';
import { createMetrics, type Metrics, type PoolStats } from './metrics.js';
import { countQueuesBySite } from './metrics.repo.js';
import { metricsRouter } from './metrics.routes.js';

export { QUEUE_CACHE_MS, type Metrics, type PoolStats, type RealtimeStats } from './metrics.js';

export interface MetricsModule {
  /** Null when METRICS_TOKEN is unset: nothing is measured and /metrics answers 404. */
  metrics: Metrics | null;
  router: Router | null;
}

export function createMetricsModule(deps: {
  token: string | undefined;
  db: Db;
  pool?: (() => PoolStats) | undefined;
}): MetricsModule {
  if (!deps.token) return { metrics: null, router: null };
  const metrics = createMetrics({
    queues: () => countQueuesBySite(deps.db),
    ...(deps.pool && { pool: deps.pool }),
  });
  return { metrics, router: metricsRouter(metrics, deps.token) };
}
