// Builds the public tree for one page of top-level comments. Replies whose parent is hidden
// (pending, rejected, deleted…) hang under their nearest visible ancestor, so removing a
// comment does not silently drop the approved answers to it.
import {
  toPublicComment,
  type CommentForPublic,
  type PublicThreadComment,
} from './public-comment.js';

interface Row extends CommentForPublic {
  rootId: string;
  status?: string;
}

export function buildThread(
  roots: Row[],
  replies: Row[],
  publicUrl: string,
): PublicThreadComment[] {
  const byId = new Map<string, Row>();
  for (const r of replies) byId.set(r.id, r);
  const nodes = new Map<string, PublicThreadComment>();
  const tree: PublicThreadComment[] = [];
  for (const root of roots) {
    const node = { ...toPublicComment(root, publicUrl), replies: [] };
    nodes.set(root.id, node);
    tree.push(node);
  }
  for (const reply of replies) {
    if (reply.status !== 'approved') continue;
    let parentId = reply.parentId;
    let hops = 0;
    while (parentId && !nodes.has(parentId) && hops++ < 20)
      parentId = byId.get(parentId)?.parentId ?? null;
    const parent = parentId ? nodes.get(parentId) : undefined;
    if (!parent) continue; // its whole branch up to the top-level comment is hidden
    const node = { ...toPublicComment(reply, publicUrl), replies: [] };
    if (parent.id !== reply.parentId) node.parentId = parent.id;
    nodes.set(reply.id, node);
    parent.replies.push(node);
  }
  return tree;
}
