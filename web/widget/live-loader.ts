// Live updates are optional: socket.io-client (~13 KB gz) lives in embed-live.js, fetched
// after the thread has rendered so it never delays the first paint or the 20 KB budget.
import type { PublicComment } from '../shared/api-types.js';

export interface LiveHandlers {
  created(c: PublicComment): void;
  updated(c: PublicComment): void;
  removed(id: string): void;
  count(n: number): void;
  /** Reconnected without connection-state recovery: events may be lost, refetch. */
  resync(): void;
}

export type LiveConnect = (
  apiBase: string,
  site: string,
  post: string,
  handlers: LiveHandlers,
) => void;

declare global {
  interface Window {
    /** Set by embed-live.js when it runs. */
    __parleyLive?: LiveConnect;
  }
}

let loading: Promise<LiveConnect> | null = null;

function loadLiveScript(apiBase: string): Promise<LiveConnect> {
  loading ??= new Promise<LiveConnect>((resolve, reject) => {
    if (window.__parleyLive) return resolve(window.__parleyLive);
    const s = document.createElement('script');
    s.src = `${apiBase}/embed-live.js?v=${encodeURIComponent(__PARLEY_VERSION__)}`;
    s.async = true;
    s.onload = () =>
      window.__parleyLive
        ? resolve(window.__parleyLive)
        : reject(new Error('embed-live.js did not register'));
    s.onerror = () => reject(new Error('embed-live.js failed to load'));
    document.head.appendChild(s);
  });
  return loading;
}

export function connectLive(
  apiBase: string,
  site: string,
  post: string,
  handlers: LiveHandlers,
): void {
  loadLiveScript(apiBase)
    .then((connect) => connect(apiBase, site, post, handlers))
    // Without live updates the widget still works; readers just see new comments on reload.
    .catch(() => {});
}
