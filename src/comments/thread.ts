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

/** Ancestors looked through for a visible one; replies nest a few levels (site maxDepth). */
const MAX_HOPS = 20;

export function buildThread(
  roots: Row[],
  replies: Row[],
  publicUrl: string,
): PublicThreadComment[] {
  const byId = new Map<string, Row>();
  const order = new Map<string, number>();
  replies.forEach((r, i) => {
    byId.set(r.id, r);
    order.set(r.id, i);
  });
  const nodes = new Map<string, PublicThreadComment>();
  const tree: PublicThreadComment[] = [];
  for (const root of roots) {
    const node = { ...toPublicComment(root, publicUrl), replies: [] };
    nodes.set(root.id, node);
    tree.push(node);
  }
  // A parent is placed before its replies whatever the rows' order: imported replies can be
  // dated before the comment they answer, or in the same millisecond (ids then sort at random).
  const place = (reply: Row, depth: number): void => {
    if (nodes.has(reply.id) || reply.status !== 'approved') return;
    let parentId = reply.parentId;
    for (let hops = 0; parentId && !nodes.has(parentId) && hops < MAX_HOPS; hops++) {
      const parent = byId.get(parentId);
      if (parent && depth < MAX_HOPS) place(parent, depth + 1);
      if (!nodes.has(parentId)) parentId = parent?.parentId ?? null;
    }
    const parent = parentId ? nodes.get(parentId) : undefined;
    if (!parent) return; // its whole branch up to the top-level comment is hidden
    const node = { ...toPublicComment(reply, publicUrl), replies: [] };
    if (parent.id !== reply.parentId) node.parentId = parent.id;
    nodes.set(reply.id, node);
    parent.replies.push(node);
  };
  for (const reply of replies) place(reply, 0);
  // siblings in the rows' order, though a parent placed early came in ahead of its turn
  const rank = (c: PublicThreadComment) => order.get(c.id) ?? -1;
  for (const node of nodes.values())
    if (node.replies.length > 1) node.replies.sort((a, b) => rank(a) - rank(b));
  return tree;
}
