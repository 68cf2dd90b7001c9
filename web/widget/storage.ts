// localStorage helpers. Storage can throw (Safari private mode, blocked third-party storage):
// every access is guarded so the widget keeps working without it.
import type { PublicComment } from '../shared/api-types.js';

const AUTHOR_KEY = 'parley:author';
const PENDING_TTL_MS = 7 * 24 * 3600 * 1000;

export interface SavedAuthor {
  name: string;
  email: string;
  website: string;
}

export interface PendingEntry {
  comment: PublicComment;
  /** Epoch ms when it was posted. */
  at: number;
}

function read<T>(key: string): T | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage full or blocked: nothing to do
  }
}

export function loadAuthor(): SavedAuthor | null {
  const a = read<SavedAuthor>(AUTHOR_KEY);
  return a && typeof a.name === 'string' ? a : null;
}

export function saveAuthor(author: SavedAuthor | null): void {
  write(AUTHOR_KEY, author);
}

export function createPendingStore(site: string, post: string) {
  const key = `parley:pending:${site}:${post}`;
  const list = (): PendingEntry[] => {
    const all = read<PendingEntry[]>(key);
    if (!Array.isArray(all)) return [];
    const now = Date.now();
    return all.filter(
      (e) => e && e.comment && typeof e.at === 'number' && now - e.at < PENDING_TTL_MS,
    );
  };
  const store = (entries: PendingEntry[]) => write(key, entries.length ? entries : null);
  return {
    list,
    add(comment: PublicComment) {
      store([...list().filter((e) => e.comment.id !== comment.id), { comment, at: Date.now() }]);
    },
    remove(id: string) {
      const all = list();
      const rest = all.filter((e) => e.comment.id !== id);
      if (rest.length !== all.length) store(rest);
    },
    /** Drops expired entries from storage too. */
    prune() {
      store(list());
    },
  };
}

export type PendingStore = ReturnType<typeof createPendingStore>;

/**
 * The author's own comments they may still edit: the edit token and its expiry from the POST
 * answer, and the text they typed (the thread only has rendered html). Never the email.
 */
export interface EditEntry {
  editToken: string;
  /** ISO time the server stops accepting the token. */
  editableUntil: string;
  body: string;
}

export function createEditStore(site: string, post: string) {
  const key = `parley:edits:${site}:${post}`;
  /** Unexpired entries by comment id. */
  const all = (): Record<string, EditEntry> => {
    const raw = read<Record<string, EditEntry>>(key);
    const out: Record<string, EditEntry> = {};
    if (!raw || typeof raw !== 'object') return out;
    const now = Date.now();
    for (const [id, e] of Object.entries(raw)) {
      if (
        e &&
        typeof e.editToken === 'string' &&
        typeof e.body === 'string' &&
        Date.parse(e.editableUntil) > now
      )
        out[id] = e;
    }
    return out;
  };
  const store = (entries: Record<string, EditEntry>) =>
    write(key, Object.keys(entries).length ? entries : null);
  return {
    all,
    get: (id: string): EditEntry | null => all()[id] ?? null,
    set(id: string, entry: EditEntry) {
      store({ ...all(), [id]: entry });
    },
    remove(id: string) {
      const { [id]: _gone, ...rest } = all();
      store(rest);
    },
    /** Forgets expired entries in storage too. */
    prune() {
      store(all());
    },
  };
}

export type EditStore = ReturnType<typeof createEditStore>;

export function randomId(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return (
    Date.now().toString(36) +
    Math.random().toString(36).slice(2) +
    Math.random().toString(36).slice(2)
  );
}
