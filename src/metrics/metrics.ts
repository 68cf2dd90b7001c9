// Parley's Prometheus metrics: one registry per server, filled by hooks the composition root
// hands to the other modules (a request observer, a screening observer, sources it reads on
// scrape). Nothing here decides anything; every value is either counted where it happens or
// read when Prometheus asks. Names follow Prometheus conventions: parley_…_total for counters,
// _seconds for durations.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Queue sizes come from a COUNT over comments: read at most this often, whatever the scraper does. */
export const QUEUE_CACHE_MS = 5_000;

/** Live sockets and rooms, as the realtime module counts them on this process. */
export interface RealtimeStats {
  sockets: number;
  rooms: number;
}

/** The PostgreSQL pool's connections (absent on SQLite). */
export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

export interface QueueCount {
  site: string;
  queue: string;
  count: number;
}

export interface MetricsSources {
  /** Moderation queue sizes by site (a repo count). */
  queues: () => Promise<QueueCount[]>;
  /** Database pool use, when the store has a pool. */
  pool?: () => PoolStats;
}

export interface Metrics {
  readonly registry: Registry;
  /** A finished HTTP request. */
  request(done: { method: string; route: string; status: number; seconds: number }): void;
  /** Time a screening phase took. */
  screeningPhase(phase: string, seconds: number): void;
  /** A screened comment's decision and every reason it carries. */
  screened(decision: string, reasons: readonly string[]): void;
  /** Live sockets and rooms: the realtime module's counts, read on scrape. */
  setRealtimeSource(read: () => RealtimeStats): void;
  /**
   * The notifications outbox backlog (messages not yet delivered), read on scrape. Whoever owns
   * the outbox registers its count here; until then the gauge reports nothing.
   */
  setOutboxBacklogSource(read: () => number | Promise<number>): void;
}

/** Durations of API requests: most answer in a few milliseconds, writes in tens. */
const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Screening phases: pure phases take microseconds, loading facts and providers milliseconds. */
const SCREENING_BUCKETS = [
  0.00001, 0.00005, 0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1, 2.5,
];

export function createMetrics(sources: MetricsSources): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'parley_' });

  const httpDuration = new Histogram({
    name: 'parley_http_request_duration_seconds',
    help: 'HTTP request durations, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: HTTP_BUCKETS,
    registers: [registry],
  });
  const comments = new Counter({
    name: 'parley_comments_screened_total',
    help: 'Comments (and edits) screened, by decision: approve, hold, spam or reject.',
    labelNames: ['decision'] as const,
    registers: [registry],
  });
  const reasons = new Counter({
    name: 'parley_comment_reasons_total',
    help: 'Reasons screening gave, by decision and reason code (a comment may carry several).',
    labelNames: ['decision', 'reason'] as const,
    registers: [registry],
  });
  const screening = new Histogram({
    name: 'parley_screening_phase_duration_seconds',
    help: 'Screening time by phase: "facts" (history, bans, model and remote providers), each pipeline phase, and "pipeline" for all of them.',
    labelNames: ['phase'] as const,
    buckets: SCREENING_BUCKETS,
    registers: [registry],
  });

  let lastQueues: { at: number; rows: Promise<QueueCount[]> } | null = null;
  new Gauge({
    name: 'parley_moderation_queue_size',
    help: `Comments waiting in a moderation queue (pending, spam, reported), by site; counted at most every ${QUEUE_CACHE_MS / 1000} s.`,
    labelNames: ['site', 'queue'] as const,
    registers: [registry],
    async collect() {
      const now = Date.now();
      if (!lastQueues || now - lastQueues.at > QUEUE_CACHE_MS) {
        lastQueues = { at: now, rows: sources.queues() };
        // A failed count is not cached: the next scrape asks again.
        lastQueues.rows.catch(() => {
          lastQueues = null;
        });
      }
      const rows = await lastQueues.rows;
      this.reset();
      for (const row of rows) this.set({ site: row.site, queue: row.queue }, row.count);
    },
  });

  let realtime: (() => RealtimeStats) | null = null;
  new Gauge({
    name: 'parley_realtime_sockets',
    help: 'Live socket.io connections on this process.',
    registers: [registry],
    collect() {
      if (realtime) this.set(realtime().sockets);
    },
  });
  new Gauge({
    name: 'parley_realtime_rooms',
    help: 'socket.io rooms (threads and moderation sites) with a listener on this process.',
    registers: [registry],
    collect() {
      if (realtime) this.set(realtime().rooms);
    },
  });

  let outbox: (() => number | Promise<number>) | null = null;
  new Gauge({
    name: 'parley_outbox_backlog',
    help: 'Notification messages waiting in the outbox.',
    registers: [registry],
    async collect() {
      if (outbox) this.set(await outbox());
    },
  });

  if (sources.pool) {
    const pool = sources.pool;
    new Gauge({
      name: 'parley_db_pool_connections',
      help: 'PostgreSQL pool connections, by state: total, idle, waiting (requests queued for one).',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const stats = pool();
        this.set({ state: 'total' }, stats.total);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
  }

  return {
    registry,
    request(done) {
      httpDuration.observe(
        { method: done.method, route: done.route, status: String(done.status) },
        done.seconds,
      );
    },
    screeningPhase(phase, seconds) {
      screening.observe({ phase }, seconds);
    },
    screened(decision, codes) {
      comments.inc({ decision });
      for (const reason of new Set(codes)) reasons.inc({ decision, reason });
    },
    setRealtimeSource(read) {
      realtime = read;
    },
    setOutboxBacklogSource(read) {
      outbox = read;
    },
  };
}
