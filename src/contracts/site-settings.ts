// Per-site settings, stored as JSON on Site.settings. Every key has a default, so a site
// created with {} behaves like a sensible blog out of the box.
import { z } from 'zod';

const toxicityRule = (threshold: number, action: 'off' | 'warn' | 'hold' | 'reject') =>
  z
    .object({
      threshold: z.number().min(0).max(1).default(threshold),
      action: z.enum(['off', 'warn', 'hold', 'reject']).default(action),
    })
    .prefault({});

const words = z.array(z.string().trim().min(1).max(100)).max(2000).default([]);

export const SiteSettingsSchema = z.object({
  /**
   * Let the first comment on an unknown post create it from the url and title sent along (as
   * Disqus and Isso do); the site's allowed origins guard who may do so.
   */
  autoCreatePosts: z.boolean().default(true),
  /** Nesting levels shown, as WordPress's thread_comments_depth (1 = flat). */
  maxDepth: z.number().int().min(1).max(10).default(5),
  /** Longest comment body, in characters. */
  maxBodyLength: z.number().int().min(100).max(20000).default(5000),
  /** Close comments on posts older than this many days; 0 = never. */
  closeAfterDays: z.number().int().min(0).max(3650).default(0),
  /** Who waits for a moderator before appearing. */
  premoderation: z
    .enum(['nobody', 'everyone', 'first-time', 'fewer-than', 'links'])
    .default('nobody'),
  /** For premoderation "fewer-than": authors with fewer approved comments are held. */
  premoderationMinApproved: z.number().int().min(1).max(100).default(3),
  /** More links than this holds a comment (WordPress holds at more than 2). */
  linkLimit: z.number().int().min(0).max(50).default(2),
  /** Words or phrases that hold a comment for a moderator. */
  moderationWords: words,
  /** Words or phrases that mark a comment as spam. */
  disallowedWords: words,
  /** A form submitted faster than this after the form token was issued is held. */
  minSubmitSeconds: z.number().min(0).max(600).default(3),
  /** Per-attribute toxicity threshold and action. Default: TOXICITY ≥ 0.8 holds. */
  toxicity: z
    .object({
      TOXICITY: toxicityRule(0.8, 'hold'),
      SEVERE_TOXICITY: toxicityRule(0.9, 'hold'),
      INSULT: toxicityRule(0.8, 'hold'),
      PROFANITY: toxicityRule(0.95, 'off'),
      THREAT: toxicityRule(0.8, 'hold'),
      IDENTITY_ATTACK: toxicityRule(0.8, 'hold'),
    })
    .prefault({}),
  /** Spam probability at or above which a comment goes to the spam queue. */
  spamThreshold: z.number().min(0.5).max(1).default(0.9),
  /** Spam probability at or above which a comment waits for a moderator (below spamThreshold). */
  spamHoldThreshold: z.number().min(0.05).max(1).default(0.6),
  /** Authors with a previously approved comment are trusted more (as WordPress does). */
  trustApprovedAuthors: z.boolean().default(true),
  /** When a remote screening provider fails: hold the comment (default) or publish it. */
  failOpen: z.boolean().default(false),
  /** A banned author's comment is refused with an error, or silently held. */
  bannedAction: z.enum(['refuse', 'hold']).default('refuse'),
  /** Reader reports that send an approved comment to the reported queue. */
  reportThreshold: z.number().int().min(1).max(100).default(3),
  /** Hide a comment from the public thread once it reaches the report threshold. */
  hideReported: z.boolean().default(false),
});

export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

/** Parses stored settings, filling defaults; unknown or invalid stored keys fall back to defaults. */
export function readSiteSettings(stored: unknown): SiteSettings {
  const parsed = SiteSettingsSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const cleaned: Record<string, unknown> = { ...(stored as Record<string, unknown>) };
  for (const issue of parsed.error.issues) delete cleaned[String(issue.path[0])];
  return SiteSettingsSchema.parse(cleaned);
}
