// A stored comment in its one public shape (src/contracts/public-api.ts): REST responses and
// socket events both use it. It carries no email, IP, user agent or screening data.
import type { PublicComment } from '../contracts/public-api.js';

export type { PublicComment, PublicThreadComment } from '../contracts/public-api.js';

export interface CommentForPublic {
  id: string;
  parentId: string | null;
  authorName: string;
  authorWebsite: string | null;
  authorHash: string;
  html: string;
  createdAt: Date;
  editedAt: Date | null;
  replyToName: string | null;
  replyToId?: string | null;
}

export function avatarUrl(publicUrl: string, authorHash: string): string {
  return `${publicUrl}/api/avatars/${authorHash}.svg`;
}

export function toPublicComment(c: CommentForPublic, publicUrl: string): PublicComment {
  const out: PublicComment = {
    id: c.id,
    parentId: c.parentId,
    author: {
      name: c.authorName,
      website: c.authorWebsite,
      avatar: avatarUrl(publicUrl, c.authorHash),
    },
    html: c.html,
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt ? c.editedAt.toISOString() : null,
  };
  if (c.replyToName) out.replyTo = { id: c.replyToId ?? c.parentId ?? '', name: c.replyToName };
  return out;
}
