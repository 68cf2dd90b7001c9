// Public face of posts: the public post routes, the cached lookup the comment path uses, and
// what a post's state means (closed by its owner or by age).
import type { Router } from 'express';
import type { Db } from '../db/database.js';
import type { SiteDirectory } from '../sites/index.js';
import { postsRouter } from './posts.routes.js';
import { PostLookup } from './posts.service.js';

export { createPostIfMissing, getPost, upsertPost } from './posts.repo.js';
export { findPost, isPostClosed, PostLookup, toPublicPost, type PostRow } from './posts.service.js';

export interface PostsModule {
  router: Router;
  lookup: PostLookup;
}

export function createPostsModule(deps: { db: Db; sites: SiteDirectory }): PostsModule {
  return { router: postsRouter(deps), lookup: new PostLookup(deps.db) };
}
