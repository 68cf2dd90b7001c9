// Entry of embed-live.js: the socket.io client, loaded lazily by live-loader.ts.
import { io } from 'socket.io-client';
import type { PublicComment } from '../shared/api-types.js';
import type { LiveConnect } from './live-loader.js';

const connect: LiveConnect = (apiBase, site, post, h) => {
  const socket = io(apiBase, {
    path: '/socket.io',
    // The server checks this page's origin against the site's allowed origins.
    auth: { site },
    transports: ['websocket', 'polling'],
    // Fall back to long-polling where a proxy blocks WebSockets.
    tryAllTransports: true,
  });
  let dropped = false;
  socket.on('connect', () => {
    // A recovered session keeps its rooms and replays missed events; otherwise rejoin.
    if (!socket.recovered) socket.emit('join', { site, post });
    if (dropped && !socket.recovered) h.resync();
    dropped = false;
  });
  socket.on('disconnect', () => {
    dropped = true;
  });
  // The server lost events it could not pass between its processes (Redis was away): refetch.
  socket.on('thread:resync', () => h.resync());
  socket.on('comment:created', (c: PublicComment) => h.created(c));
  socket.on('comment:updated', (c: PublicComment) => h.updated(c));
  socket.on('comment:removed', (e: { id: string }) => h.removed(e.id));
  socket.on('post:count', (e: { site: string; post: string; count: number }) => {
    if (e.site === site && e.post === post) h.count(e.count);
  });
};

window.__parleyLive = connect;
