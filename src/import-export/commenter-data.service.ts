// A commenter's data requests (GDPR articles 15 and 17): the access export (every comment one
// email wrote, on the sites the requester may see) and erasure. Erasure is not the moderator's
// "delete", which keeps everything for undo: the email, the hashes of email and IP, the name,
// the user agent and referrer, Akismet's copy and, if asked, the bodies are gone for good,
// from the comments and from the audit snapshots and screening lessons that copied them. The
// comments themselves stay where they were, so replies keep their thread.
import { z } from 'zod';
import { renderCommentBody } from '../comments/index.js';
import { type Db, inTransaction } from '../db/database.js';
import type { EventBus } from '../events.js';
import { type Hasher, normaliseEmail } from '../privacy/hashing.js';
import {
  anonymiseComment,
  type CommenterKey,
  deleteBans,
  deleteLessonsOf,
  getAuditMentioning,
  getCommenterCommentPage,
  getCommenterCommentRefs,
  getEmailBans,
  getStagedMentioning,
  insertErasureAudit,
  renameRepliesTo,
  setAuditSnapshots,
  setStagedText,
} from './commenter-data.repo.js';
import { paged } from './export.repo.js';
import type { ErasureResult } from '../contracts/import-api.js';

export type { ErasureResult };

/** What an erased comment is signed with. */
export const ERASED_NAME = 'Deleted user';
/** What an erased body says, when bodies go too. */
export const ERASED_BODY = 'This comment was removed at its author’s request.';
const ERASED_TEXT = '[erased]';

export const CommenterEmail = z
  .string()
  .trim()
  .min(3, 'Give the commenter’s email.')
  .max(320, 'That is too long for an email.')
  .refine((s) => s.includes('@'), 'That is not an email.');

export interface CommenterDataDeps {
  db: Db;
  hasher: Hasher;
  events: EventBus;
}

function keyOf(hasher: Hasher, email: string): CommenterKey {
  return { email: normaliseEmail(email), raw: email.trim(), hash: hasher.author(email) };
}

/**
 * The access export as JSON text chunks: {"email","exportedAt","comments":[…],"bans":[…]}.
 * `siteIds` null means every site.
 */
export async function* exportCommenterData(
  deps: Pick<CommenterDataDeps, 'db' | 'hasher'>,
  email: string,
  siteIds: string[] | null,
  now = new Date(),
): AsyncGenerator<string> {
  const who = keyOf(deps.hasher, email);
  yield `{"email":${JSON.stringify(who.email)},"exportedAt":${JSON.stringify(now.toISOString())},"comments":[`;
  let first = true;
  for await (const c of paged((cur, take) =>
    getCommenterCommentPage(deps.db, who, siteIds, cur, take),
  )) {
    const entry = {
      id: c.id,
      site: c.site.slug,
      post: { slug: c.post.slug, title: c.post.title, url: c.post.url },
      parentId: c.parentId,
      authorName: c.authorName,
      authorEmail: c.authorEmail,
      authorWebsite: c.authorWebsite,
      body: c.body,
      html: c.html,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      editedAt: c.editedAt?.toISOString() ?? null,
      userAgent: c.userAgent,
      referrer: c.referrer,
      screening: c.screening,
    };
    yield `${first ? '' : ','}\n${JSON.stringify(entry)}`;
    first = false;
  }
  const bans = await getEmailBans(deps.db, who.email, siteIds);
  yield `\n],"bans":${JSON.stringify(
    bans.map((b) => ({
      siteId: b.siteId,
      reason: b.reason,
      expiresAt: b.expiresAt?.toISOString() ?? null,
      createdAt: b.createdAt.toISOString(),
    })),
  )}}\n`;
}

export interface ErasureOptions {
  /** true: bodies are replaced by ERASED_BODY; false: kept (signed "Deleted user"). */
  removeBodies: boolean;
  /** Who asked: written to the audit (never the email). id null for the command line. */
  actor: { id: string | null; name: string };
  /** Sites to erase on; null = every site. */
  siteIds: string[] | null;
}

function emailPattern(email: string): RegExp {
  return new RegExp(email.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
}

/** Replaces the email, in any letter case, in a text. */
export function scrubText(text: string, email: string): string {
  return text.replace(emailPattern(email), ERASED_TEXT);
}

/** Replaces the email (any case) in every string inside a JSON value; drops `body` keys if asked. */
export function scrubJson(value: unknown, email: string, dropBodies: boolean): unknown {
  const needle = emailPattern(email);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(needle, ERASED_TEXT);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) {
        if (dropBodies && (k === 'body' || k === 'html' || k === 'text')) continue;
        out[k] = walk(inner);
      }
      return out;
    }
    return v;
  };
  return walk(value);
}

const QUOTE_REMOVED = 'Removed with the comment’s text.';

/**
 * Screening details without the parts that quote the comment: the model's drivers (its
 * n-grams), and each reason's matched words and message ("insult aimed at a person: 'idiot'").
 * The decision, the codes and the scores stay, so the moderation history still reads.
 */
export function withoutQuotedText(screening: unknown): unknown {
  if (!screening || typeof screening !== 'object' || Array.isArray(screening)) return screening;
  const { drivers: _drivers, ...rest } = screening as Record<string, unknown>;
  const scrubReasons = (list: unknown) =>
    Array.isArray(list)
      ? list.map((r) => {
          if (!r || typeof r !== 'object') return r;
          const { matches: _matches, ...reason } = r as Record<string, unknown>;
          return { ...reason, message: QUOTE_REMOVED };
        })
      : list;
  return {
    ...rest,
    ...('reasons' in rest && { reasons: scrubReasons(rest.reasons) }),
    ...('warnings' in rest && { warnings: scrubReasons(rest.warnings) }),
  };
}

export async function eraseCommenter(
  deps: CommenterDataDeps,
  email: string,
  options: ErasureOptions,
): Promise<ErasureResult> {
  const who = keyOf(deps.hasher, email);
  const erasedBody = options.removeBodies
    ? { body: ERASED_BODY, html: renderCommentBody(ERASED_BODY) }
    : undefined;
  const { result, changed } = await inTransaction(
    deps.db,
    async (tx) => {
      const comments = await getCommenterCommentRefs(tx, who, options.siteIds);
      const ids = comments.map((c) => c.id);
      for (const c of comments) {
        const screening = scrubJson(c.screening, who.email, false);
        await anonymiseComment(tx, {
          id: c.id,
          authorName: ERASED_NAME,
          screening: options.removeBodies ? withoutQuotedText(screening) : screening,
          ...(erasedBody && { body: erasedBody }),
        });
      }
      for (let i = 0; i < ids.length; i += 500)
        await renameRepliesTo(tx, ids.slice(i, i + 500), ERASED_NAME);
      let lessonsDeleted = 0;
      for (let i = 0; i < ids.length; i += 500)
        lessonsDeleted += (await deleteLessonsOf(tx, ids.slice(i, i + 500))).count;
      const bans = await getEmailBans(tx, who.email, options.siteIds);
      await deleteBans(
        tx,
        bans.map((b) => b.id),
      );
      // Snapshots of these comments (bodies before an edit) and of these bans (the email).
      const commentIds = new Set(ids);
      const audit = await getAuditMentioning(tx, [...ids, ...bans.map((b) => b.id)], who.email);
      for (const a of audit) {
        const dropBodies =
          options.removeBodies && a.targetId !== null && commentIds.has(a.targetId);
        await setAuditSnapshots(
          tx,
          a.id,
          scrubJson(a.before, who.email, dropBodies),
          scrubJson(a.after, who.email, dropBodies),
        );
      }
      // Records of imports still staged (unfinished jobs, skipped-record reports) name it too.
      const staged = await getStagedMentioning(tx, who.email);
      for (const row of staged) {
        await setStagedText(
          tx,
          row,
          scrubText(row.data, who.email),
          row.reason === null ? null : scrubText(row.reason, who.email),
        );
      }
      const bodies: ErasureResult['bodies'] = options.removeBodies ? 'removed' : 'kept';
      const siteIds = [
        ...new Set([...comments.map((c) => c.siteId), ...bans.map((b) => b.siteId)]),
      ];
      for (const siteId of siteIds) {
        await insertErasureAudit(tx, {
          siteId,
          actor: options.actor,
          after: {
            comments: comments.filter((c) => c.siteId === siteId).length,
            bansLifted: bans.filter((b) => b.siteId === siteId).length,
            bodies,
          },
        });
      }
      const slugs = new Map(comments.map((c) => [c.siteId, c.site.slug]));
      return {
        result: {
          comments: comments.length,
          sites: [...new Set(slugs.values())].sort(),
          bansLifted: bans.length,
          lessonsDeleted,
          auditEntriesScrubbed: audit.length,
          bodies,
        },
        changed: comments,
      };
    },
    { timeout: 120_000, maxWait: 15_000 },
  );
  // Thread caches drop these posts' pages; open widgets refresh the renamed comments.
  for (const c of changed) {
    deps.events.publish('comment.edited', {
      siteId: c.siteId,
      siteSlug: c.site.slug,
      postId: c.postId,
      postSlug: c.post.slug,
      commentId: c.id,
      status: c.status,
    });
  }
  return result;
}
