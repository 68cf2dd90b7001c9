import { expect, test } from 'vitest';
import { EventBus } from '../events.js';
import type { ClusterChannel } from '../redis.js';
import { postKey, ThreadCache } from './thread-cache.js';
import { ThreadCacheSync, type ThreadInvalidation } from './thread-cache-sync.js';

const ref = (postSlug: string) => ({
  siteId: 's',
  siteSlug: 'blog',
  postId: `p-${postSlug}`,
  postSlug,
  commentId: 'c',
});

test('when a comment changes its post twice in one tick, then this process drops the page at once and the others hear of the post once', async () => {
  const events = new EventBus(() => {});
  const cache = new ThreadCache();
  const sync = new ThreadCacheSync(cache, events);
  const sent: ThreadInvalidation[] = [];
  const channel: ClusterChannel<ThreadInvalidation> = {
    publish: (m) => void sent.push(m),
    subscribe: async () => {},
    close: async () => {},
  };
  await sync.share(channel, { healthy: true, onHealthChange: () => () => {} });
  const post = postKey('blog', 'hello');
  cache.set(`${post}\0page`, post, cache.version(post), { comments: [] });

  events.publish('comment.created', { ...ref('hello'), status: 'approved' });
  events.publish('post.count-changed', { ...ref('hello'), count: 1 });
  events.publish('comment.created', { ...ref('other'), status: 'pending' });
  expect(cache.get(`${post}\0page`)).toBeUndefined();
  expect(sent).toEqual([]);

  await Promise.resolve();
  expect(sent).toEqual([{ post }, { post: postKey('blog', 'other') }]);
  await sync.close();
});
