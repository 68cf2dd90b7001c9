// /api/admin/…: sites, their settings and API keys, and accounts. Admins only.
import { Router } from 'express';
import { actorOf, listUserAccounts, type AuthGuard } from '../auth/index.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import { requireJson } from '../http/index.js';
import { parse } from '../http/index.js';
import type { SiteDirectory } from '../sites/index.js';
import type { PostLookup } from '../posts/index.js';
import {
  ApiKeyParams,
  CreateApiKeyBody,
  CreateSiteBody,
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
  getAdminSite,
  listAdminSites,
  listSiteApiKeys,
  revokeApiKey,
  updateSite,
} from './sites.admin.service.js';
import { createUserAsAdmin, updateUserAsAdmin } from './users.admin.service.js';
import { putPost } from './posts.admin.service.js';

export function adminRouter(deps: AdminDeps & { posts: PostLookup; guard: AuthGuard }): Router {
  const router = Router();
  router.use(deps.guard.session, deps.guard.admin, deps.guard.csrf);
  mountSiteRoutes(router, deps);

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
