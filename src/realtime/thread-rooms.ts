// Public thread rooms: readers `join` { site, post } and receive comment:created / updated /
// removed and post:count. Only comments that became visible are broadcast; each payload is
// built once per event and encoded once for the whole room.
import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import { slug } from '../schema.js';
import { getPublicComment, toPublicComment } from '../comments/index.js';
import type { Db } from '../db/database.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../logger.js';
import { getPost } from '../posts/index.js';
import { isOriginAllowed, type SiteDirectory } from '../sites/index.js';
import { guarded } from './guarded.js';

export const MAX_ROOMS_PER_SOCKET = 20;

const JoinPayload = z.object({ site: slug, post: slug });

export function threadRoom(siteSlug: string, postSlug: string): string {
  return `thread:${siteSlug}:${postSlug}`;
}

interface ThreadDeps {
  db: Db;
  sites: SiteDirectory;
  events: EventBus;
  log: Logger;
  ownOrigin: string;
  publicUrl: string;
}

type JoinAck = (
  answer: { ok: true; room: string } | { ok: false; error: { code: string; message: string } },
) => void;

export function attachThreads(io: Server, deps: ThreadDeps): (() => void)[] {
  // A browser on a foreign origin must name the site it embeds (auth.site) and be allowed by it.
  // The handshake's auth and query are the client's JSON: anything but a slug names no site.
  io.use(
    guarded(deps.log, async (socket, next) => {
      const refuse = () =>
        next(
          Object.assign(new Error('ORIGIN_NOT_ALLOWED'), { data: { code: 'ORIGIN_NOT_ALLOWED' } }),
        );
      const origin = socket.handshake.headers.origin;
      if (!origin || origin === deps.ownOrigin) return next();
      const named = slug.safeParse(socket.handshake.auth?.site ?? socket.handshake.query.site);
      if (!named.success) return refuse();
      const site = await deps.sites.find(named.data).catch(() => null);
      if (!site || !isOriginAllowed(origin, site, deps.ownOrigin)) return refuse();
      socket.data.originSite = site.slug;
      next();
    }),
  );

  io.on('connection', (socket) => {
    socket.on('join', (payload: unknown, ack?: JoinAck) => void join(socket, payload, ack));
    socket.on('leave', (payload: unknown) => {
      const parsed = JoinPayload.safeParse(payload);
      if (parsed.success) void socket.leave(threadRoom(parsed.data.site, parsed.data.post));
    });
  });

  async function join(socket: Socket, payload: unknown, ack?: JoinAck): Promise<void> {
    const refuse = (code: string, message: string) => {
      socket.emit('join:error', { code, message });
      if (typeof ack === 'function') ack({ ok: false, error: { code, message } });
    };
    try {
      const parsed = JoinPayload.safeParse(payload);
      if (!parsed.success) return refuse('INVALID_JOIN', 'join needs { site, post } slugs.');
      const { site: siteSlug, post: postSlug } = parsed.data;
      if (socket.data.originSite && socket.data.originSite !== siteSlug)
        return refuse('ORIGIN_NOT_ALLOWED', 'This origin may not join that site.');
      const rooms = [...socket.rooms].filter((r) => r.startsWith('thread:'));
      if (rooms.length >= MAX_ROOMS_PER_SOCKET)
        return refuse('TOO_MANY_ROOMS', `At most ${MAX_ROOMS_PER_SOCKET} threads per connection.`);
      const site = await deps.sites.find(siteSlug);
      if (!site) return refuse('SITE_NOT_FOUND', `No site called "${siteSlug}".`);
      // A post the first comment will create (autoCreatePosts) can be watched before it exists.
      if (!site.settings.autoCreatePosts) {
        const post = await getPost(deps.db, site.id, postSlug);
        if (!post) return refuse('POST_NOT_FOUND', `No post called "${postSlug}" on this site.`);
      }
      const room = threadRoom(siteSlug, postSlug);
      await socket.join(room);
      if (typeof ack === 'function') ack({ ok: true, room });
    } catch (err) {
      deps.log.error({ err: String(err) }, 'join failed');
      refuse('INTERNAL', 'Could not join the thread.');
    }
  }

  const publicComment = async (id: string) => {
    const row = await getPublicComment(deps.db, id);
    return row && row.status === 'approved' ? toPublicComment(row, deps.publicUrl) : null;
  };

  return [
    deps.events.subscribe('comment.created', async (e) => {
      if (e.status !== 'approved') return; // pending, spam and rejected never reach a public room
      const comment = e.comment ?? (await publicComment(e.commentId));
      if (comment) io.to(threadRoom(e.siteSlug, e.postSlug)).emit('comment:created', comment);
    }),
    deps.events.subscribe('comment.status-changed', async (e) => {
      const room = threadRoom(e.siteSlug, e.postSlug);
      if (e.to === 'approved') {
        const comment = await publicComment(e.commentId);
        if (comment) io.to(room).emit('comment:created', comment);
      } else if (e.from === 'approved') {
        io.to(room).emit('comment:removed', { id: e.commentId });
      }
    }),
    deps.events.subscribe('comment.edited', async (e) => {
      if (e.status !== 'approved') return;
      const comment = await publicComment(e.commentId);
      if (comment) io.to(threadRoom(e.siteSlug, e.postSlug)).emit('comment:updated', comment);
    }),
    deps.events.subscribe('post.count-changed', (e) => {
      io.to(threadRoom(e.siteSlug, e.postSlug)).emit('post:count', {
        site: e.siteSlug,
        post: e.postSlug,
        count: e.count,
      });
    }),
  ];
}
