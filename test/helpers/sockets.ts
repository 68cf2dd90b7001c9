// Real socket.io clients for tests. Every payload any client receives is recorded, so a test
// file can assert that no commenter email ever crossed a socket.
import { io, type Socket } from 'socket.io-client';
import { expect } from 'vitest';

/** Payloads received on the public namespace (moderator sockets may carry emails by design). */
export const receivedPayloads: string[] = [];

export function connect(
  url: string,
  options: {
    namespace?: string;
    cookie?: string;
    origin?: string;
    /** the handshake's auth, as the client sends it (tests also send what no client should) */
    auth?: Record<string, unknown>;
  } = {},
): Socket {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  const socket = io(`${url}${options.namespace ?? ''}`, {
    transports: ['websocket'],
    // One connection per test client: sharing a manager would reuse another client's headers.
    forceNew: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    extraHeaders: headers,
    ...(options.auth && { auth: options.auth }),
  });
  if (!options.namespace)
    socket.onAny((event: string, ...args: unknown[]) =>
      receivedPayloads.push(`${event} ${JSON.stringify(args)}`),
    );
  return socket;
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
}

/** Resolves with the next `event` payload, or rejects after `ms`. */
export function next<T = unknown>(socket: Socket, event: string, ms = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/** Collects every `event` payload from now on. */
export function collect<T = unknown>(socket: Socket, event: string): T[] {
  const list: T[] = [];
  socket.on(event, (payload: T) => list.push(payload));
  return list;
}

export async function join(
  socket: Socket,
  site: string,
  post: string,
): Promise<{ ok: boolean; error?: { code: string } }> {
  return socket.timeout(5_000).emitWithAck('join', { site, post });
}

export function assertNoEmailsInPayloads(emails: Iterable<string>): void {
  const list = [...emails].map((e) => e.toLowerCase());
  const leaks = receivedPayloads.filter((p) => {
    const lower = p.toLowerCase();
    return list.some((e) => lower.includes(e)) || /"(authorEmail|ipHash|userAgent)"/.test(p);
  });
  expect(leaks, 'a public socket payload carries a commenter email').toEqual([]);
}

export async function waitFor(check: () => boolean | Promise<boolean>, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
