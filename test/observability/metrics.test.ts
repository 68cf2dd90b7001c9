// /metrics for real: a Parley on each store, a real POST, a scrape with and without the token.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../helpers/databases.js';
import { aComment, createTestParley, seedSite, type TestParley } from '../helpers/parley.js';
import { recordFigure } from '../helpers/figures.js';

const TOKEN = 'metrics-token-0123456789';

/** The value of one sample line (`name{labels} value`), or undefined. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries(
      [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe('when METRICS_TOKEN is unset', () => {
  let t: TestParley;
  beforeAll(async () => {
    t = await createTestParley('sqlite', { name: 'metrics-off' });
  });
  afterAll(() => t.close());

  test('when /metrics is asked for, even with a token, then it answers 404', async () => {
    const res = await t.api().get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(404);
    expect(t.parley.metrics).toBeNull();
  });
});

describe.each(PROVIDERS)('metrics on %s', (provider) => {
  let t: TestParley;
  beforeAll(async () => {
    t = await createTestParley(provider, {
      env: { METRICS_TOKEN: TOKEN },
      name: `metrics-${provider}`,
    });
    await seedSite(t.parley, { settings: { premoderation: 'everyone' } });
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const res = await t.api().get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    return res.text;
  };

  test('when /metrics is scraped without the token or with a wrong one, then it answers 401 and shows nothing', async () => {
    const none = await t.api().get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(none.text).not.toContain('parley_');
    const wrong = await t.api().get('/metrics').set('Authorization', `Bearer ${TOKEN}x`);
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain('parley_');
  });

  test('when a comment is posted, then request durations, screening phases, decisions and queue sizes move', async () => {
    const before = await scrape();
    const route = '/api/sites/:site/posts/:post/comments';
    const postsBefore =
      sample(before, 'parley_http_request_duration_seconds_count', {
        method: 'POST',
        route,
        status: '202',
      }) ?? 0;
    const heldBefore = sample(before, 'parley_comments_screened_total', { decision: 'hold' }) ?? 0;

    const posted = await t.post('/api/sites/blog/posts/hello/comments').send(aComment());
    expect(posted.status).toBe(202);
    // Queue sizes are counted at most every 5 s: the scrape above cached the count before the POST.
    await new Promise((r) => setTimeout(r, 5_100));
    const after = await scrape();

    expect(
      sample(after, 'parley_http_request_duration_seconds_count', {
        method: 'POST',
        route,
        status: '202',
      }),
    ).toBe(postsBefore + 1);
    expect(sample(after, 'parley_comments_screened_total', { decision: 'hold' })).toBe(
      heldBefore + 1,
    );
    expect(
      sample(after, 'parley_comment_reasons_total', { decision: 'hold', reason: 'PREMOD_ALL' }),
    ).toBeGreaterThanOrEqual(1);
    for (const phase of ['facts', 'analysis', 'toxicity', 'pipeline'])
      expect(
        sample(after, 'parley_screening_phase_duration_seconds_count', { phase }),
        phase,
      ).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'parley_moderation_queue_size', { site: 'blog', queue: 'pending' })).toBe(
      1,
    );
    expect(sample(after, 'parley_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(after).toContain('parley_outbox_backlog');
    if (provider === 'postgresql')
      expect(
        sample(after, 'parley_db_pool_connections', { state: 'total' }),
      ).toBeGreaterThanOrEqual(1);
    else expect(after).not.toContain('parley_db_pool_connections');
    // No raw paths, slugs or addresses as label values.
    expect(after).not.toContain('/api/sites/blog');
    expect(after).not.toMatch(/198\.51\./);

    const pipelineSum = sample(after, 'parley_screening_phase_duration_seconds_sum', {
      phase: 'pipeline',
    });
    if (pipelineSum !== undefined)
      recordFigure(`metrics.${provider}.screening-pipeline-seconds`, pipelineSum);
  });

  test('when the outbox registers its backlog, then the gauge reports it on the next scrape', async () => {
    t.parley.metrics!.setOutboxBacklogSource(() => 7);
    expect(sample(await scrape(), 'parley_outbox_backlog')).toBe(7);
  });
});
