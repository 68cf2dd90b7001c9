// The dashboard's Import page in real Chromium against a real server: an admin picks a site, a
// format and the Disqus fixture, sees the dry run's plan (and nothing written), runs the import
// and sees its counts and skipped records while the comments land on the public threads, sees
// a second run of the same file create nothing, keeps seeing a longer import through to its end
// while the site picker moves on, and sees a broken file's reason on the page.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_ADMIN } from '../helpers/auth.js';
import {
  errorsOf,
  launchBrowser,
  logOf,
  newPage,
  screenshot,
  startBrowserTestServer,
  type BrowserTestServer,
} from '../helpers/browser.js';
import { fixturePath } from '../helpers/import-records.js';
import { seedSite } from '../helpers/parley.js';

/** The site the file goes to: a second site, so the page shows its site picker. */
const SITE = 'blog';
/** A third site, for a file big enough that its import is seen under way. */
const ARCHIVE = 'archive';
// 20,000 comments: several seconds here, so even a machine a few times faster shows it under way.
const BIG = { threads: 200, perThread: 100 };
/** A small job finishes in well under a second; the page polls every second. */
const JOB_MS = 15_000;

interface FixtureRecord {
  type: 'thread' | 'comment' | 'skipped';
  sourceId: string;
  entity?: string;
  reason?: string;
  line?: number;
  identifier?: string | null;
  url?: string;
  threadSourceId?: string;
  authorName?: string;
  status?: string;
  kind?: string;
}

// What the fixture holds, from the parser's expected records (test/import-export reads the same).
const records = JSON.parse(
  readFileSync(fixturePath('disqus.expected.json'), 'utf8'),
) as FixtureRecord[];
const threads = records.filter((r) => r.type === 'thread');
const comments = records.filter(
  (r) =>
    r.type === 'comment' &&
    r.kind === 'comment' &&
    threads.some((t) => t.sourceId === r.threadSourceId),
);
const skipped = records.filter((r) => r.type === 'skipped');
const helloWorld = threads.find((t) => t.identifier === 'hello-world')!;
const commentsOn = (thread: FixtureRecord) =>
  comments.filter((c) => c.threadSourceId === thread.sourceId);
/** The counts of an import of the file once it is in: every post and comment already there. */
const AGAIN = [
  `Posts created: 0; matched: ${threads.length}`,
  `Comments created: 0; already there: ${comments.length}`,
  'Replies kept at the top (parent missing): 0',
  'Replies attached higher (nesting limit): 0',
  `Skipped: ${skipped.length} records`,
];

/** A Disqus export of `threads` threads with `perThread` top-level comments each. */
function disqusFile(threads: number, perThread: number): string {
  const parts: string[] = [];
  for (let t = 1; t <= threads; t++) {
    parts.push(
      `<thread dsq:id="t${t}"><id>archive-${t}</id><link>https://archive.example.org/${t}/</link><title>Archive ${t}</title><createdAt>2018-01-01T00:00:00Z</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted></thread>`,
    );
    for (let c = 1; c <= perThread; c++)
      parts.push(
        `<post dsq:id="p${t}-${c}"><message><![CDATA[<p>Comment ${c} on archive post ${t}.</p>]]></message><createdAt>2018-01-02T00:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author><email>reader${c}@example.net</email><name>Reader ${c}</name><isAnonymous>false</isAnonymous></author><thread dsq:id="t${t}"/></post>`,
      );
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">${parts.join('\n')}</disqus>\n`;
}

describe('dashboard Import page', () => {
  let server: BrowserTestServer;
  let browser: Browser;
  let page: Page;
  let siteId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserTestServer(), launchBrowser()]);
    siteId = (await seedSite(server.parley, { slug: SITE, posts: [] })).id;
    await seedSite(server.parley, { slug: ARCHIVE, posts: [] });
    page = await newPage(browser);
    await page.goto(`${server.url}/moderate`);
    await page.fill('[data-testid=login-email]', TEST_ADMIN.email);
    await page.fill('[data-testid=login-password]', TEST_ADMIN.password);
    await page.click('[data-testid=login-submit]');
    await page.click('[data-testid=nav-import]');
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor();
    await page.getByLabel('Site', { exact: true }).selectOption(SITE);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const db = () => server.parley.database.db;
  const job = () => page.getByTestId('import-job');
  /** The count lines of the job on the page. */
  const countLines = () =>
    page.getByTestId('import-counts').getByRole('listitem').allTextContents();
  const start = () => page.getByRole('button', { name: 'Start' }).click();
  const dryRun = () => page.getByRole('checkbox', { name: /^Dry run/ });
  /** The job's progress line names every thread of the file, and its bar is full. */
  async function expectEveryThreadGoneThrough(): Promise<void> {
    expect(
      await job()
        .getByText(/records read/)
        .textContent(),
    ).toMatch(new RegExp(`^\\d+ records read · ${threads.length}/${threads.length} threads$`));
    expect(await job().getByRole('progressbar').getAttribute('value')).toBe('100');
  }
  /** Waits for the job's heading, e.g. "Dry run: done"; a timeout says what the page shows. */
  async function waitForHeading(name: string, ms = JOB_MS): Promise<void> {
    try {
      await job().getByRole('heading', { name, exact: true }).waitFor({ timeout: ms });
    } catch (err) {
      const shown = await page
        .getByTestId('import-result')
        .textContent({ timeout: 1000 })
        .catch(() => '');
      throw new Error(
        `the page never showed "${name}"; it shows:\n${shown}\n${[...errorsOf(page), ...logOf(page)].join('\n')}`,
        { cause: err },
      );
    }
  }

  test('when the admin dry-runs the Disqus file, then the page shows the posts and comments it would create and nothing is written', async () => {
    await page.getByLabel('Format', { exact: true }).selectOption({ label: 'Disqus XML export' });
    await page.getByLabel('Export file', { exact: true }).setInputFiles(fixturePath('disqus.xml'));
    expect(await dryRun().isChecked()).toBe(true);
    await start();
    await waitForHeading('Dry run: done');

    expect(await countLines()).toEqual([
      `Posts would be created: ${threads.length}; matched: 0`,
      `Comments would be created: ${comments.length}; already there: 0`,
      'Replies kept at the top (parent missing): 0',
      'Replies attached higher (nesting limit): 0',
      `Skipped: ${skipped.length} records`,
    ]);
    // Every thread of the file was gone through, though none was written.
    await expectEveryThreadGoneThrough();
    // The plan: one row per thread of the file, each a post to create with its comments.
    const rows = page.getByTestId('import-plan').getByRole('row');
    const cells = async (i: number) =>
      (await rows.nth(i).getByRole('cell').allTextContents()).slice(0, 4);
    expect(await rows.count()).toBe(threads.length + 1);
    const plan = [];
    for (let i = 1; i <= threads.length; i++) plan.push(await cells(i));
    expect(plan).toContainEqual([
      'create',
      'hello-world',
      helloWorld.url,
      String(commentsOn(helloWorld).length),
    ]);
    expect(plan.map((row) => row[2]).sort()).toEqual(threads.map((t) => t.url).sort());
    expect(plan.map((row) => Number(row[3])).reduce((a, b) => a + b)).toBe(comments.length);
    await screenshot(page, 'import-page-dry-run.png', { fullPage: true });

    expect(await db().comment.count({ where: { siteId } })).toBe(0);
    expect(await db().post.count({ where: { siteId } })).toBe(0);
  });

  test('when the admin runs the import, then the page shows its progress, counts and skipped records, and the comments are on the public thread', async () => {
    await dryRun().uncheck();
    await start();
    await waitForHeading('Import: done');

    expect(await countLines()).toEqual([
      `Posts created: ${threads.length}; matched: 0`,
      `Comments created: ${comments.length}; already there: 0`,
      'Replies kept at the top (parent missing): 0',
      'Replies attached higher (nesting limit): 0',
      `Skipped: ${skipped.length} records`,
    ]);
    // Progress: every thread written, the bar full.
    await job().getByText(`/${threads.length} threads`).waitFor();
    await expectEveryThreadGoneThrough();

    // The skipped records, each with its reason, behind their summary.
    await job().getByText(`Skipped (${skipped.length})`, { exact: true }).click();
    const reasons = page.getByTestId('import-skipped').getByRole('listitem');
    await reasons.first().waitFor();
    expect((await reasons.allTextContents()).sort()).toEqual(
      skipped.map((s) => `${s.entity} ${s.sourceId} (line ${s.line}): ${s.reason}`).sort(),
    );
    await screenshot(page, 'import-page-imported.png', { fullPage: true });

    // Written for real: in the database, and on the public thread of the post.
    expect(await db().comment.count({ where: { siteId } })).toBe(comments.length);
    const res = await fetch(`${server.url}/api/sites/${SITE}/posts/hello-world/comments`);
    expect(res.status).toBe(200);
    const thread = (await res.json()) as { comments: unknown[] };
    const authors = JSON.stringify(thread.comments);
    for (const c of commentsOn(helloWorld).filter((c) => c.status === 'approved'))
      expect(authors).toContain(`"${c.authorName}"`);
    // What Disqus marked spam stays off the public thread.
    for (const c of commentsOn(helloWorld).filter((c) => c.status === 'spam'))
      expect(authors).not.toContain(`"${c.authorName}"`);
  });

  test('when the admin imports the same file again, then the page shows nothing new was created', async () => {
    const before = await db().comment.count({ where: { siteId } });
    expect(await dryRun().isChecked()).toBe(false);
    await start();
    // The previous job's result reads "Import: done" too: wait for this job's counts.
    await expect.poll(countLines, { timeout: JOB_MS, interval: 200 }).toEqual(AGAIN);
    await waitForHeading('Import: done');
    expect(await db().comment.count({ where: { siteId } })).toBe(before);
    expect(await db().post.count({ where: { siteId } })).toBe(threads.length);
  });

  test('when the admin switches the site picker while a longer import runs, then the page keeps following that import to its end', async () => {
    const big = Buffer.from(disqusFile(BIG.threads, BIG.perThread));
    await page.getByLabel('Format', { exact: true }).selectOption({ label: 'Disqus XML export' });
    await page
      .getByLabel('Export file', { exact: true })
      .setInputFiles({ name: 'archive.xml', mimeType: 'application/xml', buffer: big });
    await page.getByLabel('Site', { exact: true }).selectOption(ARCHIVE);
    await start();
    // The page shows the job under way, then the admin looks at another site.
    await job()
      .getByRole('heading', { name: /^Import: (reading|writing)$/ })
      .waitFor({ timeout: JOB_MS });
    await page.getByLabel('Site', { exact: true }).selectOption(SITE);
    await waitForHeading('Import: done', 30_000);
    expect(await countLines()).toEqual([
      `Posts created: ${BIG.threads}; matched: 0`,
      `Comments created: ${BIG.threads * BIG.perThread}; already there: 0`,
      'Replies kept at the top (parent missing): 0',
      'Replies attached higher (nesting limit): 0',
      'Skipped: 0 records',
    ]);
    const archive = await server.parley.sites.get(ARCHIVE);
    expect(await db().comment.count({ where: { siteId: archive.id } })).toBe(
      BIG.threads * BIG.perThread,
    );
  }, 90_000);

  test('when the file is not a Disqus export, then the page says why the import failed and stays usable', async () => {
    const before = await db().comment.count({ where: { siteId } });
    await page.getByLabel('Format', { exact: true }).selectOption({ label: 'Disqus XML export' });
    await page.getByLabel('Export file', { exact: true }).setInputFiles({
      name: 'comments.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('id,author,message\n1,Alice,"Hello there"\n'),
    });
    await start();
    await waitForHeading('Import: failed');
    // The parser's reason, with where in the file it gave up.
    await job()
      .getByText(/^Cannot read this disqus file \(line \d+\): \S/)
      .waitFor({ timeout: 1000 });
    await screenshot(page, 'import-page-failed.png', { fullPage: true });
    expect(await db().comment.count({ where: { siteId } })).toBe(before);

    // An empty file is refused before any job: the form says so in its alert.
    await page.getByLabel('Export file', { exact: true }).setInputFiles({
      name: 'empty.xml',
      mimeType: 'application/xml',
      buffer: Buffer.alloc(0),
    });
    await start();
    const alert = page.locator('#import-form').getByRole('alert');
    await alert.waitFor({ timeout: JOB_MS });
    expect(await alert.textContent()).toContain('The upload is empty.');
    expect(await page.getByRole('button', { name: 'Start' }).isEnabled()).toBe(true);
    expect(errorsOf(page)).toEqual([]);
  });
});
