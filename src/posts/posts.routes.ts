import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { parse } from '../http/index.js';
import { apiDoc, PublicPostShape } from '../openapi/index.js';
import { SitePostParams, slug } from '../schema.js';
import type { SiteDirectory } from '../sites/index.js';
import { countComments, findPublicPost, listPublicPosts } from './posts.service.js';

const CountsQuery = z.object({
  posts: z
    .string({ error: 'List the post slugs as ?posts=a,b,c.' })
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.string().max(200))
        .min(1, 'List at least one post.')
        .max(200, 'At most 200 posts per request.'),
    ),
});

export function postsRouter(deps: { db: Db; sites: SiteDirectory }): Router {
  const router = Router();

  router.get('/sites/:site/posts', async (req, res) => {
    const site = await deps.sites.get(req.params.site);
    res.json({ posts: await listPublicPosts(deps.db, site) });
  });

  router.get('/sites/:site/counts', async (req, res) => {
    const site = await deps.sites.get(req.params.site);
    const { posts } = parse(CountsQuery, req.query);
    res.json({ counts: await countComments(deps.db, site, posts) });
  });

  router.get('/sites/:site/posts/:post', async (req, res) => {
    const params = parse(SitePostParams, req.params);
    const site = await deps.sites.get(params.site);
    // `post: null`: not commented on yet, and the site creates it with its first comment.
    res.json({ post: await findPublicPost(deps.db, site, params.post) });
  });

  describeRoutes(router);
  return router;
}

function describeRoutes(router: Router): void {
  const doc = apiDoc(router);
  const SiteParams = z.object({ site: slug });
  doc.get('/sites/:site/posts', {
    summary: 'A site’s posts with their comment counts',
    access: 'public',
    params: SiteParams,
    responses: {
      200: { description: 'The posts.', body: z.object({ posts: z.array(PublicPostShape) }) },
    },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.get('/sites/:site/counts', {
    summary: 'Comment counts of several posts (count.js)',
    access: 'public',
    params: SiteParams,
    query: CountsQuery,
    responses: {
      200: {
        description: 'Approved comments per post slug (0 for unknown posts).',
        body: z.object({ counts: z.record(z.string(), z.number().int()) }),
        example: { counts: { hello: 3, 'second-post': 0 } },
      },
    },
    errors: { 404: ['SITE_NOT_FOUND'] },
  });
  doc.get('/sites/:site/posts/:post', {
    summary: 'One post',
    access: 'public',
    params: SitePostParams,
    responses: { 200: { description: 'The post.', body: z.object({ post: PublicPostShape }) } },
    errors: { 404: ['SITE_NOT_FOUND', 'POST_NOT_FOUND'] },
  });
}
