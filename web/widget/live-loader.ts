// Live updates are optional: socket.io-client (~13 KB gz) lives in embed-live.js, fetched
// after the thread has rendered so it never delays the first paint or the 20 KB budget.
import type { PublicComment } from '../shared/api-types.js';
import { loadScript } from './load-script.js';

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
  const registered = () => window.__parleyLive ?? Promise.reject(new Error('no embed-live.js'));
  loading ??= window.__parleyLive
    ? Promise.resolve(window.__parleyLive)
    : loadScript(`${apiBase}/embed-live.js?v=${encodeURIComponent(__PARLEY_VERSION__)}`).then(
        registered,
      );
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
