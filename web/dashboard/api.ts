// fetch wrapper for /api/auth, /api/moderation and /api/admin. Same origin, so the session
// cookie rides along; every state-changing request echoes the CSRF token from login or /me.
// Failures become ApiError with the server's code (NETWORK when no answer came back).
import type {
  Action,
  AdminPost,
  AdminSite,
  ApiKey,
  AuditEntry,
  BanView,
  Invitation,
  ModerationItem,
  ModerationStats,
  QueuePage,
  Session,
  SiteContents,
  UserAccount,
} from './types.js';

import { ApiError } from '../shared/api-error.js';
import { COMMON } from './strings.js';

export { ApiError };
export type { AdminPost, ApiKey, Invitation, SiteContents, UserAccount };

let csrfToken = '';
let onUnauthenticated: () => void = () => {};

/** Called when a request answers 401 after sign-in: the session ended elsewhere. */
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

/** One call to the JSON API (pages with their own endpoints use it directly). */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  query?: Query,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    headers['x-csrf-token'] = csrfToken;
    // The API wants JSON on every write (requireJson), even when there is nothing to send.
    headers['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method,
      headers,
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', COMMON.offline);
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as
    | (T & { error?: { code: string; message: string; fields?: Record<string, string> } })
    | null;
  if (!res.ok) {
    const err = data?.error;
    const apiError = new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? COMMON.serverStatus(res.status),
      err?.fields,
    );
    if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthenticated();
    throw apiError;
  }
  return data as T;
}

export const auth = {
  async me(): Promise<Session | null> {
    try {
      const s = await request<Session>('GET', '/api/auth/me');
      csrfToken = s.csrfToken;
      return s;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  },
  async login(email: string, password: string): Promise<Session> {
    const s = await request<Session>('POST', '/api/auth/login', { email, password });
    csrfToken = s.csrfToken;
    return s;
  },
  logout: () => request<void>('POST', '/api/auth/logout'),
  rename: (name: string) => request<Session>('PATCH', '/api/auth/me', { name }),
  logoutEverywhere: () => request<void>('POST', '/api/auth/logout-everywhere'),
  changePassword: (current: string, password: string) =>
    request<void>('POST', '/api/auth/password', { current, password }),
  /** First run: whether no account exists yet (and the token for the set-up POST). */
  async setupState(): Promise<{ needed: boolean; csrfToken?: string }> {
    return request('GET', '/api/auth/setup');
  },
  async setup(token: string, input: { email: string; name: string; password: string }) {
    csrfToken = token;
    const s = await request<Session>('POST', '/api/auth/setup', input);
    csrfToken = s.csrfToken;
    return s;
  },
  invitation: (token: string) =>
    request<{ invitation: { email: string; role: string } }>(
      'GET',
      `/api/auth/invitations/${encodeURIComponent(token)}`,
    ),
  async acceptInvitation(token: string, input: { name: string; password: string }) {
    const s = await request<Session>(
      'POST',
      `/api/auth/invitations/${encodeURIComponent(token)}`,
      input,
    );
    csrfToken = s.csrfToken;
    return s;
  },
};

export interface QueueQuery extends Query {
  queue: string;
  site?: string;
  post?: string;
  q?: string;
  author?: string;
  sort: string;
  cursor?: string;
  limit?: number;
}

const M = '/api/moderation';
const enc = encodeURIComponent;

export const moderation = {
  queue: (q: QueueQuery) => request<QueuePage>('GET', `${M}/comments`, undefined, q),
  act: (id: string, action: Action, reason?: string) =>
    request<{ comment: ModerationItem; auditId: string }>(
      'POST',
      `${M}/comments/${enc(id)}/${action}`,
      reason ? { reason } : {},
    ),
  bulk: (ids: string[], action: Action) =>
    request<{ results: { id: string; ok: boolean; auditId?: string; error?: string }[] }>(
      'POST',
      `${M}/comments/bulk`,
      { ids, action },
    ),
  createBan: (input: {
    site?: string;
    kind: BanView['kind'];
    commentId?: string;
    value?: string;
    reason?: string;
    expiresAt?: string;
  }) => request<{ ban: BanView }>('POST', `${M}/bans`, input),
  bans: (site?: string) => request<{ bans: BanView[] }>('GET', `${M}/bans`, undefined, { site }),
  removeBan: (id: string) => request<void>('DELETE', `${M}/bans/${enc(id)}`),
  audit: (q: { site?: string; cursor?: string; limit?: number }) =>
    request<{ entries: AuditEntry[]; nextCursor: string | null }>(
      'GET',
      `${M}/audit`,
      undefined,
      q,
    ),
  undo: (entryId: string) =>
    request<{ comment?: ModerationItem; ban?: BanView | null }>(
      'POST',
      `${M}/audit/${enc(entryId)}/undo`,
    ),
  stats: (q: { site?: string; days: number }) =>
    request<ModerationStats>('GET', `${M}/stats`, undefined, q),
};

export const admin = {
  sites: () => request<{ sites: AdminSite[] }>('GET', '/api/admin/sites'),
  site: (slug: string) => request<{ site: AdminSite }>('GET', `/api/admin/sites/${enc(slug)}`),
  updateSite: (
    slug: string,
    patch: Partial<Pick<AdminSite, 'name' | 'allowedOrigins'>> & {
      settings?: Partial<AdminSite['settings']>;
    },
  ) => request<{ site: AdminSite }>('PATCH', `/api/admin/sites/${enc(slug)}`, patch),
  createSite: (input: { slug: string; name: string; allowedOrigins: string[] }) =>
    request<{ site: AdminSite }>('POST', '/api/admin/sites', input),
  siteContents: (slug: string) =>
    request<{ contents: SiteContents }>('GET', `/api/admin/sites/${enc(slug)}/contents`),
  deleteSite: (slug: string) =>
    request<{ removed: SiteContents }>('DELETE', `/api/admin/sites/${enc(slug)}`),
  posts: (slug: string, q: { q?: string; page?: number }) =>
    request<{ posts: AdminPost[]; total: number }>(
      'GET',
      `/api/admin/sites/${enc(slug)}/posts`,
      undefined,
      q,
    ),
  putPost: (
    slug: string,
    post: string,
    body: { title: string; url?: string | null; closed?: boolean },
  ) => request<unknown>('PUT', `/api/admin/sites/${enc(slug)}/posts/${enc(post)}`, body),
  users: () => request<{ users: UserAccount[] }>('GET', '/api/admin/users'),
  updateUser: (id: string, patch: { sites?: string[]; role?: string }) =>
    request<{ user: UserAccount }>('PATCH', `/api/admin/users/${enc(id)}`, patch),
  deleteUser: (id: string) => request<void>('DELETE', `/api/admin/users/${enc(id)}`),
  invitations: () => request<{ invitations: Invitation[] }>('GET', '/api/admin/invitations'),
  invite: (input: { email: string; role: string; sites: string[] }) =>
    request<{ invitation: Invitation; link: string }>('POST', '/api/admin/invitations', input),
  withdrawInvitation: (id: string) => request<void>('DELETE', `/api/admin/invitations/${enc(id)}`),
  apiKeys: (slug: string) =>
    request<{ apiKeys: ApiKey[] }>('GET', `/api/admin/sites/${enc(slug)}/api-keys`),
  createApiKey: (slug: string, label: string) =>
    request<ApiKey & { key: string }>('POST', `/api/admin/sites/${enc(slug)}/api-keys`, {
      label,
    }),
  revokeApiKey: (slug: string, id: string) =>
    request<void>('DELETE', `/api/admin/sites/${enc(slug)}/api-keys/${enc(id)}`),
};

/** Exports and a commenter's data requests (Export page). */
export const dataRequests = {
  /** A plain link: the browser streams the download with the session cookie. */
  siteExportUrl: (slug: string, format: 'parley' | 'wxr') =>
    withQuery(`/api/admin/sites/${enc(slug)}/export`, { format }),
  /** POST (the email stays out of URLs); the answer is the JSON file, as a Blob. */
  async commenterData(email: string): Promise<Blob> {
    const res = await fetch('/api/admin/commenters/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ email }),
      credentials: 'same-origin',
    }).catch(() => {
      throw new ApiError(0, 'NETWORK', COMMON.offline);
    });
    if (!res.ok) {
      const err = ((await res.json().catch(() => null)) as { error?: ApiErrorBody } | null)?.error;
      throw new ApiError(
        res.status,
        err?.code ?? `HTTP_${res.status}`,
        err?.message ?? COMMON.serverStatus(res.status),
        err?.fields,
      );
    }
    return res.blob();
  },
  erase: (email: string, removeBodies: boolean) =>
    request<{ erased: ErasureSummary }>('POST', '/api/admin/commenters/erase', {
      email,
      removeBodies,
      confirm: true,
    }),
};

interface ApiErrorBody {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

import type { ErasureResult as ErasureSummary } from '../../src/contracts/import-api.js';

export type { ErasureSummary };
