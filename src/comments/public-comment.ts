// The one public shape of a comment: REST responses and socket events both use it.
// It carries no email, IP, user agent or screening data.

export interface PublicComment {
  id: string;
  parentId: string | null;
  author: { name: string; website: string | null; avatar: string };
  html: string;
  createdAt: string;
  editedAt: string | null;
  /** Present when the nesting limit placed this reply under a higher ancestor. */
  replyTo?: { id: string; name: string };
}

export interface PublicThreadComment extends PublicComment {
  replies: PublicThreadComment[];
}

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
