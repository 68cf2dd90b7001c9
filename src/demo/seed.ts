// Seeds the demo site and its article with a short, believable thread (replies two levels
// deep) when the database has no sites yet. The article's text lives in web/demo/index.html,
// as it would on a real blog; its slug and title come from web/demo/article.json.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inTransaction, type Db, type Prisma } from '../db/database.js';
import { hasAnySite, hasAnyUser, insertDemoComment, insertDemoSiteAndPost } from './demo.repo.js';
import { isUniqueViolation } from '../db/errors.js';
import { EmailTakenError } from '../auth/index.js';
import { uuidv7 } from '../ids.js';
import type { Hasher } from '../privacy/hashing.js';
import { renderCommentBody } from '../comments/index.js';
import { randomBytes } from 'node:crypto';
import { createUserAccount } from '../auth/index.js';

export const DEMO_SITE_SLUG = 'demo';

interface DemoArticle {
  slug: string;
  title: string;
  author: string;
  publishedAt: string;
}

const FALLBACK_ARTICLE: DemoArticle = {
  slug: 'xz-style-backdoor-tarballs',
  title: "Researchers find a backdoor in a popular compression library's release tarballs",
  author: 'Maya Okafor',
  publishedAt: '2026-11-18T08:30:00Z',
};

interface DemoComment {
  key: string;
  parent?: string;
  name: string;
  email: string;
  website?: string;
  minutesAfter: number;
  body: string;
}

const THREAD: DemoComment[] = [
  {
    key: 'a',
    name: 'Phil Potts',
    email: 'phil.potts@example.org',
    minutesAfter: 42,
    body: 'The scary part is that the code in the git repository was clean. If your build pulls release tarballs instead of tagging a commit, you would never have seen it in a code review.',
  },
  {
    key: 'b',
    parent: 'a',
    name: 'Dana Whitfield',
    email: 'dana@whitfield.example',
    website: 'https://dana.example.net',
    minutesAfter: 58,
    body: 'Which is why reproducible builds matter. Debian caught a mismatch between the tarball and the tag within a day, because two independent builds disagreed.',
  },
  {
    key: 'c',
    parent: 'b',
    name: 'Phil Potts',
    email: 'phil.potts@example.org',
    minutesAfter: 71,
    body: 'Fair point, but most companies do not rebuild their dependencies at all. They trust whatever the package manager hands them.',
  },
  {
    key: 'd',
    name: 'Sofia Lindqvist',
    email: 'sofia.l@example.com',
    minutesAfter: 95,
    body: 'Honest question: the maintainer was one volunteer, burned out, pressured by "helpful" new contributors for two years. **Who** is supposed to fund the review that would have caught this?',
  },
  {
    key: 'e',
    parent: 'd',
    name: 'Marcus Bell',
    email: 'marcus.bell@example.net',
    minutesAfter: 130,
    body: 'The companies shipping it in their products, ideally. The Sovereign Tech Fund model is a start, but it reaches a tiny fraction of the libraries everyone depends on.',
  },
  {
    key: 'f',
    name: 'Grace Adeyemi',
    email: 'grace@adeyemi.example',
    minutesAfter: 180,
    body: 'For anyone checking their own machines: the advisory lists the affected versions. `apt policy` or `rpm -q` will tell you which one you have.',
  },
  {
    key: 'g',
    parent: 'f',
    name: 'Tom Nguyen',
    email: 'tom.nguyen@example.org',
    minutesAfter: 205,
    body: 'Thanks, Grace. Both my servers had the clean version, but my laptop had pulled the bad one from a testing repo. Downgraded now.',
  },
];

export function readDemoArticle(webDemoDir: string): DemoArticle {
  const file = join(webDemoDir, 'article.json');
  if (!existsSync(file)) return FALLBACK_ARTICLE;
  const json = JSON.parse(readFileSync(file, 'utf8')) as Partial<DemoArticle>;
  return { ...FALLBACK_ARTICLE, ...json };
}

/** Creates the demo site, article and thread unless the database already has a site. */
export async function seedDemoIfEmpty(
  db: Db,
  hasher: Hasher,
  webDemoDir: string,
): Promise<boolean> {
  if (await hasAnySite(db)) return false;
  // All or nothing, and a second process starting at the same moment loses on the site's
  // unique slug and carries on with the demo the first one wrote.
  try {
    await inTransaction(db, (tx) => writeDemo(tx, hasher, readDemoArticle(webDemoDir)), {
      timeout: 30_000,
    });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

async function writeDemo(
  tx: Prisma.TransactionClient,
  hasher: Hasher,
  article: DemoArticle,
): Promise<void> {
  const published = new Date(article.publishedAt);
  const { siteId, postId } = await insertDemoSiteAndPost(tx, {
    slug: DEMO_SITE_SLUG,
    name: 'The Patch Notes',
    post: {
      slug: article.slug,
      title: article.title,
      author: article.author,
      publishedAt: published,
      commentCount: THREAD.length,
    },
  });
  const ids = new Map<string, { id: string; rootId: string; depth: number }>();
  for (const c of THREAD) {
    const createdAt = new Date(published.getTime() + c.minutesAfter * 60_000);
    const id = uuidv7(createdAt.getTime());
    const parent = c.parent ? ids.get(c.parent) : undefined;
    const placed = { id, rootId: parent?.rootId ?? id, depth: parent ? parent.depth + 1 : 0 };
    ids.set(c.key, placed);
    await insertDemoComment(tx, {
      ...placed,
      siteId,
      postId,
      parentId: parent?.id ?? null,
      authorName: c.name,
      authorEmail: c.email,
      authorHash: hasher.author(c.email),
      authorWebsite: c.website ?? null,
      body: c.body,
      html: renderCommentBody(c.body),
      ipHash: hasher.ip('127.0.0.1'),
      contentHash: hasher.content(c.body),
      createdAt,
    });
  }
}

export const DEMO_ADMIN_EMAIL = 'admin@parley.local';

/**
 * A fresh demo with no admin configured gets one with a random password, shown once at start,
 * so the dashboard can be tried straight away. Never when any account exists.
 */
export async function createDemoAdminIfNone(
  db: Db,
): Promise<{ email: string; password: string } | null> {
  if (await hasAnyUser(db)) return null;
  const password = randomBytes(12).toString('base64url');
  try {
    await createUserAccount(db, {
      email: DEMO_ADMIN_EMAIL,
      name: 'Demo Admin',
      password,
      role: 'admin',
      sites: [],
    });
  } catch (err) {
    if (err instanceof EmailTakenError) return null; // another process created it first
    throw err;
  }
  return { email: DEMO_ADMIN_EMAIL, password };
}
