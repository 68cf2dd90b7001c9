// /api/admin/…: sites, their settings and API keys, and accounts. Admins only.
import { Router } from 'express';
import {
  actorOf,
  listInvitations,
  listUserAccounts,
  type Actor,
  type AuthGuard,
  type InvitationView,
} from '../auth/index.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import { requireJson } from '../http/index.js';
import { parse } from '../http/index.js';
import { AdminSiteShape, apiDoc, PublicPostShape, UserAccountShape } from '../openapi/index.js';
import { z } from 'zod';
import type { SiteDirectory } from '../sites/index.js';
import type { PostLookup } from '../posts/index.js';
import {
  ApiKeyParams,
  CreateApiKeyBody,
  CreateInvitationBody,
  CreateSiteBody,
  InvitationParams,
  PostListQuery,
  CreateUserBody,
  PostParams,
  PutPostBody,
  SiteParams,
  UpdateSiteBody,
  UpdateUserBody,
  UserParams,
} from './admin.schema.js';
import {
  type AdminDeps,
  createApiKey,
  createSite,
  deleteSite,
  getAdminSite,
  getSiteContents,
  listAdminSites,
  listSiteApiKeys,
  revokeApiKey,
  updateSite,
} from './sites.admin.service.js';
import {
  createUserAsAdmin,
  deleteUserAsAdmin,
  inviteUser,
  updateUserAsAdmin,
  withdrawInvitationAsAdmin,
} from './users.admin.service.js';
import { type AdminPostView, listAdminPosts, putPost } from './posts.admin.service.js';

export function adminRouter(
  deps: AdminDeps & {
    posts: PostLookup;
    guard: AuthGuard;
    publicUrl: string;
    mailInvitation?: (
      inviter: Actor,
      invited: { invitation: InvitationView; link: string },
    ) => Promise<void>;
  },
): Router {
  const router = Router();
  router.use(deps.guard.session, deps.guard.admin, deps.guard.csrf);
  mountSiteRoutes(router, deps);
  describeRoutes(router);

  router.get('/users', async (_req, res) => {
    res.json({ users: await listUserAccounts(deps.db) });
  });

  router.post('/users', requireJson, async (req, res) => {
    res.status(201).json({
      user: await createUserAsAdmin(deps.db, actorOf(req), parse(CreateUserBody, req.body)),
    });
  });

  router.patch('/users/:id', requireJson, async (req, res) => {
    const { id } = parse(UserParams, req.params);
    res.json({
      user: await updateUserAsAdmin(
        deps.db,
        deps.events,
        actorOf(req),
        id,
        parse(UpdateUserBody, req.body),
      ),
    });
  });

  router.delete('/users/:id', async (req, res) => {
    const { id } = parse(UserParams, req.params);
    await deleteUserAsAdmin(deps.db, deps.events, actorOf(req), id);
    res.status(204).end();
  });

  router.get('/invitations', async (_req, res) => {
    res.json({ invitations: await listInvitations(deps.db) });
  });

  router.post('/invitations', requireJson, async (req, res) => {
    const input = parse(CreateInvitationBody, req.body);
    const invited = await inviteUser(deps.db, actorOf(req), deps.publicUrl, input);
    // Mailed too when mail is on; the answer still carries the link, shown once.
    await deps.mailInvitation?.(actorOf(req), invited);
    res.status(201).json(invited);
  });

  router.delete('/invitations/:id', async (req, res) => {
    const { id } = parse(InvitationParams, req.params);
    await withdrawInvitationAsAdmin(deps.db, actorOf(req), id);
    res.status(204).end();
  });
  return router;
}

function mountSiteRoutes(router: Router, deps: AdminDeps & { posts: PostLookup }): void {
  router.get('/sites', async (_req, res) => {
    res.json({ sites: await listAdminSites(deps) });
  });

  router.post('/sites', requireJson, async (req, res) => {
    res
      .status(201)
      .json({ site: await createSite(deps, actorOf(req), parse(CreateSiteBody, req.body)) });
  });

  router.get('/sites/:site', async (req, res) => {
    res.json({ site: await getAdminSite(deps, parse(SiteParams, req.params).site) });
  });

  router.patch('/sites/:site', requireJson, async (req, res) => {
    const { site } = parse(SiteParams, req.params);
    res.json({ site: await updateSite(deps, actorOf(req), site, parse(UpdateSiteBody, req.body)) });
  });

  router.get('/sites/:site/contents', async (req, res) => {
    res.json({ contents: await getSiteContents(deps, parse(SiteParams, req.params).site) });
  });

  router.delete('/sites/:site', async (req, res) => {
    const { site } = parse(SiteParams, req.params);
    res.json({ removed: await deleteSite(deps, actorOf(req), site) });
  });

  router.get('/sites/:site/posts', async (req, res) => {
    const { site } = parse(SiteParams, req.params);
    res.json(await listAdminPosts(deps, site, parse(PostListQuery, req.query)));
  });

  router.put('/sites/:site/posts/:post', requireJson, async (req, res) => {
    const { site, post } = parse(PostParams, req.params);
    const result = await putPost(deps, actorOf(req), site, post, parse(PutPostBody, req.body));
    res.status(result.created ? 201 : 200).json({ post: result.post });
  });

  router.post('/sites/:site/api-keys', requireJson, async (req, res) => {
    const { site } = parse(SiteParams, req.params);
    res
      .status(201)
      .json(await createApiKey(deps, actorOf(req), site, parse(CreateApiKeyBody, req.body).label));
  });

  router.get('/sites/:site/api-keys', async (req, res) => {
    res.json({ apiKeys: await listSiteApiKeys(deps, parse(SiteParams, req.params).site) });
  });

  router.delete('/sites/:site/api-keys/:id', async (req, res) => {
    const { site, id } = parse(ApiKeyParams, req.params);
    await revokeApiKey(deps, actorOf(req), site, id);
    res.status(204).end();
  });
}

function describeRoutes(router: Router): void {
  const doc = apiDoc(router);
  const access = 'admin' as const;
  const User = z.object({ user: UserAccountShape });
  const Site = z.object({ site: AdminSiteShape });
  const ApiKey = z.object({ id: z.string(), label: z.string(), createdAt: z.string() });
  const Invitation = z.object({
    id: z.string(),
    email: z.string(),
    role: z.enum(['admin', 'moderator']),
    sites: z.array(z.string()),
    expiresAt: z.string(),
    createdAt: z.string(),
  }) satisfies z.ZodType<InvitationView>;
  const SiteContents = z.object({
    posts: z.number().int(),
    comments: z.number().int(),
    bans: z.number().int(),
    apiKeys: z.number().int(),
  }) satisfies z.ZodType<Awaited<ReturnType<typeof getSiteContents>>>;
  const AdminPost = z.object({
    slug: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    closed: z.boolean(),
    commentCount: z.number().int().describe('Published comments (what readers see counted).'),
    totalComments: z.number().int().describe('Every stored comment, held and spam included.'),
    lastCommentAt: z.string().nullable(),
    publishedAt: z.string(),
  }) satisfies z.ZodType<AdminPostView>;
  doc.get('/users', {
    summary: 'Every account',
    access,
    responses: {
      200: { description: 'The accounts.', body: z.object({ users: z.array(UserAccountShape) }) },
    },
  });
  doc.post('/users', {
    summary: 'Create an account',
    access,
    body: CreateUserBody,
    responses: { 201: { description: 'The account.', body: User } },
    errors: { 409: ['EMAIL_TAKEN'] },
  });
  doc.patch('/users/:id', {
    summary: 'Change an account (email, name, password, role, sites, unlock)',
    access,
    params: UserParams,
    body: UpdateUserBody,
    responses: { 200: { description: 'The account.', body: User } },
    errors: { 404: ['USER_NOT_FOUND'], 409: ['EMAIL_TAKEN', 'LAST_ADMIN'] },
  });
  doc.delete('/users/:id', {
    summary: 'Remove an account (not one’s own, not the last admin); its sessions end',
    access,
    params: UserParams,
    responses: { 204: { description: 'Removed.' } },
    errors: { 404: ['USER_NOT_FOUND'], 409: ['CANNOT_REMOVE_SELF', 'LAST_ADMIN'] },
  });
  doc.get('/invitations', {
    summary: 'Open invitations (not used, not expired)',
    access,
    responses: {
      200: {
        description: 'The invitations.',
        body: z.object({ invitations: z.array(Invitation) }),
      },
    },
  });
  doc.post('/invitations', {
    summary: 'Invite a moderator or admin: a one-time link, shown once, valid 7 days',
    description:
      'The token rides in the link’s fragment (`/moderate/invite#<token>`), which browsers never send to a server; it is not stored and cannot be shown again.',
    access,
    body: CreateInvitationBody,
    bodyExample: { email: 'new-mod@example.com', role: 'moderator', sites: ['blog'] },
    responses: {
      201: {
        description: 'The invitation and its link.',
        body: z.object({ invitation: Invitation, link: z.string() }),
        example: {
          invitation: {
            id: '0b9d5f0e-8c1a-4f7e-9a51-6c2d3e4f5a6b',
            email: 'new-mod@example.com',
            role: 'moderator',
            sites: ['blog'],
            expiresAt: '2026-12-08T17:00:00.000Z',
            createdAt: '2026-12-01T17:00:00.000Z',
          },
          link: 'https://comments.example.com/moderate/invite#Jq3xW0n3m7YbT1c2d4e5f6g7h8i9j0kL',
        },
      },
    },
  });
  doc.delete('/invitations/:id', {
    summary: 'Withdraw an invitation: its link stops working',
    access,
    params: InvitationParams,
    responses: { 204: { description: 'Withdrawn.' } },
    errors: { 404: ['INVITATION_INVALID'] },
  });
  doc.get('/sites', {
    summary: 'Every site with its effective settings',
    access,
    responses: {
      200: { description: 'The sites.', body: z.object({ sites: z.array(AdminSiteShape) }) },
    },
  });
  doc.post('/sites', {
    summary: 'Create a site',
    access,
    body: CreateSiteBody,
    bodyExample: { slug: 'blog', name: 'My blog', allowedOrigins: ['https://blog.example.com'] },
    responses: { 201: { description: 'The site.', body: Site } },
    errors: { 409: ['SITE_EXISTS'] },
  });
  doc.get('/sites/:site', {
    summary: 'One site',
    access,
    params: SiteParams,
    responses: { 200: { description: 'The site.', body: Site } },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.patch('/sites/:site', {
    summary: 'Change a site’s name, allowed origins or settings (merged over the stored ones)',
    access,
    params: SiteParams,
    body: UpdateSiteBody,
    responses: { 200: { description: 'The site.', body: Site } },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.get('/sites/:site/contents', {
    summary: 'What a site holds (what deleting it would remove)',
    access,
    params: SiteParams,
    responses: {
      200: {
        description: 'The counts.',
        body: z.object({ contents: SiteContents }),
        example: { contents: { posts: 12, comments: 340, bans: 3, apiKeys: 1 } },
      },
    },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.delete('/sites/:site', {
    summary: 'Delete a site with its posts, comments, reports, bans and API keys',
    description: 'Cannot be undone (the audit log keeps a row, with the counts).',
    access,
    params: SiteParams,
    responses: {
      200: {
        description: 'Deleted: what was removed.',
        body: z.object({ removed: SiteContents }),
        example: { removed: { posts: 12, comments: 340, bans: 3, apiKeys: 1 } },
      },
    },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.get('/sites/:site/posts', {
    summary: 'A site’s posts, newest first, with their comment activity',
    description: '`q` searches titles, slugs and URLs (case-insensitive); pages of `limit`.',
    access,
    params: SiteParams,
    query: PostListQuery,
    responses: {
      200: {
        description: 'One page of posts, and how many match.',
        body: z.object({ posts: z.array(AdminPost), total: z.number().int() }),
      },
    },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.put('/sites/:site/posts/:post', {
    summary: 'Register, rename or close a post',
    access,
    params: PostParams,
    body: PutPostBody,
    responses: {
      200: { description: 'Updated.', body: z.object({ post: PublicPostShape }) },
      201: { description: 'Created.', body: z.object({ post: PublicPostShape }) },
    },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.post('/sites/:site/api-keys', {
    summary: 'Create an API key for the Perspective-compatible API (shown once)',
    access,
    params: SiteParams,
    body: CreateApiKeyBody,
    responses: {
      201: { description: 'The key.', body: ApiKey.extend({ key: z.string() }) },
    },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.get('/sites/:site/api-keys', {
    summary: 'A site’s API keys (without the keys themselves)',
    access,
    params: SiteParams,
    responses: {
      200: {
        description: 'The keys.',
        body: z.object({
          apiKeys: z.array(ApiKey.extend({ lastUsedAt: z.string().nullable() })),
        }),
      },
    },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.delete('/sites/:site/api-keys/:id', {
    summary: 'Revoke an API key',
    access,
    params: ApiKeyParams,
    responses: { 204: { description: 'Revoked.' } },
    errors: { 404: ['SITE_NOT_FOUND', 'API_KEY_NOT_FOUND'] },
  });
}
