// The /moderation socket: queue changes from every moderator, and live counts per site.
// socket.io is bundled into app.js; the session cookie authenticates the handshake.
import { io, type Socket } from 'socket.io-client';
import { store, storeChanged } from './store.js';
import type { ModerationItem, Queue, QueueCounts } from './types.js';

export interface LiveHandlers {
  added(e: { queue: Queue; item: ModerationItem }): void;
  removed(e: { id: string; from: string; to: string }): void;
  updated(e: { item: ModerationItem }): void;
  /** After a reconnect that lost events: reload what is on screen. */
  resync(): void;
}

const subscribers = new Set<LiveHandlers>();
let socket: Socket | null = null;

export function subscribeLive(h: LiveHandlers): () => void {
  subscribers.add(h);
  return () => subscribers.delete(h);
}

export function connectLive(): void {
  if (socket) return;
  socket = io('/moderation', { path: '/socket.io', transports: ['websocket', 'polling'] });
  let dropped = false;
  socket.on('connect', () => {
    store.live = 'live';
    storeChanged();
    if (dropped) for (const s of subscribers) s.resync();
    dropped = false;
  });
  socket.on('disconnect', (reason) => {
    dropped = true;
    store.live = 'offline';
    storeChanged();
    // The server closes a socket whose session or rights changed; connecting again finds out
    // which (new rights, or signed out).
    if (reason === 'io server disconnect') setTimeout(() => socket?.connect(), 500);
  });
  socket.on('connect_error', (err) => {
    store.live = 'offline';
    storeChanged();
    // Signed out elsewhere (or the session was revoked): show the sign-in page.
    if (err.message === 'UNAUTHENTICATED') window.location.reload();
  });
  // The server could not pass events between its processes for a while: reload what is shown.
  socket.on('queue:resync', () => {
    for (const s of subscribers) s.resync();
  });
  socket.on('queue:added', (e: { queue: Queue; item: ModerationItem }) => {
    for (const s of subscribers) s.added(e);
  });
  socket.on('queue:removed', (e: { id: string; from: string; to: string }) => {
    for (const s of subscribers) s.removed(e);
  });
  socket.on('queue:updated', (e: { item: ModerationItem }) => {
    for (const s of subscribers) s.updated(e);
  });
  socket.on('queue:counts', (e: { site: string; counts: QueueCounts }) => {
    store.siteCounts.set(e.site, e.counts);
    storeChanged();
  });
}

export function disconnectLive(): void {
  socket?.disconnect();
  socket = null;
  store.siteCounts.clear();
}
