// Request shapes of the admin API (/api/admin/…). Site settings are checked against
// SiteSettingsSchema after merging with the stored ones (see settings-merge.ts).
import { z } from 'zod';
import { email, id, newSiteSlug as slug } from '../schema.js';
import { MIN_PASSWORD_LENGTH } from '../auth/index.js';

function isOrigin(v: string): boolean {
  if (v === '*') return true;
  try {
    const u = new URL(v);
    return (
      (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === v.replace(/\/+$/, '')
    );
  } catch {
    return false;
  }
}

const origins = z
  .array(
    z
      .string()
      .trim()
      .refine(
        isOrigin,
        'Use an origin like https://blog.example.com (scheme, host and port only) or *.',
      ),
    { error: 'Send allowed origins as an array.' },
  )
  .max(50, 'At most 50 origins.')
  .transform((list) => [...new Set(list.map((o) => o.replace(/\/+$/, '')))]);

const settings = z.record(z.string(), z.unknown(), { error: 'Settings must be an object.' });

export const SiteParams = z.object({ site: z.string().trim().min(1).max(200) });

export const CreateSiteBody = z.object({
  slug,
  name: z
    .string({ error: 'Please name the site.' })
    .trim()
    .min(1, 'Please name the site.')
    .max(200),
  allowedOrigins: origins.default([]),
  settings: settings.default({}),
});
export type CreateSiteBody = z.infer<typeof CreateSiteBody>;

export const UpdateSiteBody = z.object({
  name: z.string().trim().min(1, 'The name cannot be empty.').max(200).optional(),
  allowedOrigins: origins.optional(),
  settings: settings.optional(),
});
export type UpdateSiteBody = z.infer<typeof UpdateSiteBody>;

export const CreateApiKeyBody = z.object({
  label: z
    .string({ error: 'Please label the key.' })
    .trim()
    .min(1, 'Please label the key.')
    .max(100),
});

export const ApiKeyParams = z.object({
  site: z.string().trim().min(1).max(200),
  id: id,
});

const password = z
  .string({ error: 'Please choose a password.' })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(1000);
const role = z.enum(['admin', 'moderator'], { error: 'Role must be admin or moderator.' });
const siteSlugs = z
  .array(z.string().trim().min(1).max(200), { error: 'List site slugs as an array.' })
  .max(1000);

export const CreateUserBody = z.object({
  email,
  name: z.string({ error: 'Please enter a name.' }).trim().min(1, 'Please enter a name.').max(100),
  password,
  role: role.default('moderator'),
  sites: siteSlugs.default([]),
});

export const UpdateUserBody = z.object({
  email: email.optional(),
  name: z.string().trim().min(1, 'The name cannot be empty.').max(100).optional(),
  password: password.optional(),
  role: role.optional(),
  sites: siteSlugs.optional(),
  unlock: z.boolean().optional(),
});

export const UserParams = z.object({ id: id });

export const PostParams = z.object({
  site: z.string().trim().min(1).max(200),
  post: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[\w.~-]+$/, 'Use letters, digits, - _ . or ~ only.'),
});

/** Registers a post ahead of its first comment, renames it, or closes it. */
export const PutPostBody = z.object({
  title: z
    .string({ error: 'Give the post a title.' })
    .trim()
    .min(1, 'Give the post a title.')
    .max(300),
  url: z
    .url({ protocol: /^https?$/, error: 'The URL must start with http:// or https://.' })
    .max(1000)
    .nullable()
    .optional(),
  author: z.string().trim().max(200).nullable().optional(),
  publishedAt: z.iso
    .datetime({ offset: true, error: 'Use an ISO date-time, e.g. 2026-11-21T08:00:00Z.' })
    .optional(),
  closed: z.boolean({ error: 'closed must be true or false.' }).optional(),
});
export type PutPostBody = z.infer<typeof PutPostBody>;

export const PostListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number({ error: 'Page must be a number.' }).int().min(1).max(100_000).default(1),
  limit: z.coerce.number({ error: 'Limit must be a number.' }).int().min(1).max(200).default(50),
});
export type PostListQuery = z.infer<typeof PostListQuery>;

export const CreateInvitationBody = z.object({
  email,
  role: role.default('moderator'),
  sites: siteSlugs.default([]),
});

export const InvitationParams = z.object({ id: id });
