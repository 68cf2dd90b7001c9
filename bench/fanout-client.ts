// A benchmark reader process: opens its share of socket.io readers, joins the room, and for
// every comment:created reports when its last reader got it (wall clock, ms, sub-ms precision).
import { io, type Socket } from 'socket.io-client';

interface Start {
  urls: string[];
  count: number;
  site: string;
  post: string;
}

const now = () => performance.timeOrigin + performance.now();

process.once('message', async (msg: Start) => {
  const sockets: Socket[] = [];
  for (let i = 0; i < msg.count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, msg.count - i) }, (_, j) => {
        const s = io(msg.urls[(i + j) % msg.urls.length]!, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
        });
        sockets.push(s);
        return new Promise<void>((resolve, reject) => {
          s.once('connect', () =>
            s.emit('join', { site: msg.site, post: msg.post }, () => resolve()),
          );
          s.once('connect_error', reject);
        });
      }),
    );
  }
  const seen = new Map<string, number>();
  for (const s of sockets) {
    s.on('comment:created', (c: { id: string }) => {
      const n = (seen.get(c.id) ?? 0) + 1;
      seen.set(c.id, n);
      if (n === sockets.length) process.send!({ id: c.id, lastAt: now() });
    });
  }
  process.send!({ ready: true });
  process.once('message', () => {
    for (const s of sockets) s.disconnect();
    process.exit(0);
  });
});
