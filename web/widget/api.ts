// Thin fetch wrapper for the public API. Every failure becomes an ApiError with the server's
// error code (or NETWORK when the request never got an answer).
import type {
  ApiErrorBody,
  CheckResult,
  CreateCommentInput,
  CreateCommentResult,
  EditCommentInput,
  EditCommentResult,
  FormTokenResult,
  PostInfo,
  ReportReason,
  ThreadPage,
} from '../shared/api-types.js';

import { ApiError } from '../shared/api-error.js';

export { ApiError };

export type Sort = 'oldest' | 'newest';

export function createApi(base: string, site: string, post: string) {
  const postPath = `/api/sites/${enc(site)}/posts/${enc(post)}`;

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(base + path, {
        method,
        headers:
          body === undefined
            ? { accept: 'application/json' }
            : { 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        // No cookies: the widget is anonymous and runs on third-party pages.
        credentials: 'omit',
      });
    } catch {
      throw new ApiError(0, 'NETWORK', 'Network error');
    }
    const data = (await res.json().catch(() => null)) as (T & Partial<ApiErrorBody>) | null;
    if (!res.ok) {
      const err = data?.error;
      throw new ApiError(
        res.status,
        err?.code ?? `HTTP_${res.status}`,
        err?.message ?? res.statusText,
        err?.fields,
      );
    }
    return data as T;
  }

  return {
    /** null: nobody has commented yet on a site whose first comment creates the post. */
    getPost: () => request<{ post: PostInfo | null }>('GET', postPath).then((r) => r.post),
    getComments: (sort: Sort, cursor?: string | null, limit = 50) =>
      request<ThreadPage>(
        'GET',
        `${postPath}/comments?sort=${sort}&limit=${limit}${cursor ? `&cursor=${enc(cursor)}` : ''}`,
      ),
    getFormToken: () => request<FormTokenResult>('GET', `${postPath}/form-token`),
    check: (body: string) => request<CheckResult>('POST', `${postPath}/comments/check`, { body }),
    createComment: (input: CreateCommentInput) =>
      request<CreateCommentResult>('POST', `${postPath}/comments`, input),
    editComment: (commentId: string, input: EditCommentInput) =>
      request<EditCommentResult>('PATCH', `/api/comments/${enc(commentId)}`, input),
    report: (commentId: string, reason: ReportReason, note?: string) =>
      request<unknown>(
        'POST',
        `/api/comments/${enc(commentId)}/reports`,
        note ? { reason, note } : { reason },
      ),
  };
}

export type Api = ReturnType<typeof createApi>;

const enc = encodeURIComponent;
