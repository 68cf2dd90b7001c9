import { expect, test } from 'vitest';
import type { PublicThreadComment } from './public-comment.js';
import { buildThread } from './thread.js';

let rows = 0;
const row = (id: string, parentId: string | null, status = 'approved') => ({
  id,
  parentId,
  rootId: 'A',
  status,
  authorName: id,
  authorWebsite: null,
  authorHash: 'h',
  html: `<p>${id}</p>`,
  createdAt: new Date(Date.parse('2026-01-01T00:00:00Z') + 1000 * rows++),
  editedAt: null,
  replyToName: null,
});

/** id(parentId)[children] for each node, to compare shapes at a glance */
const shape = (nodes: PublicThreadComment[]): string =>
  nodes
    .map((n) => `${n.id}(${n.parentId ?? '-'})${n.replies.length ? `[${shape(n.replies)}]` : ''}`)
    .join(' ');

test('when a reply comes before the comment it answers, then it is still placed under that comment', () => {
  // rows in (createdAt, id) order: C answers B but was dated a minute earlier (clock skew in an import)
  const replies = [row('C', 'B'), row('B', 'A'), row('D', 'A')];
  expect(shape(buildThread([row('A', null)], replies, 'http://x'))).toBe('A(-)[B(A)[C(B)] D(A)]');
});

test('when replies sit under hidden comments, then they hang under the nearest visible ancestor, and a hidden top ends its branch', () => {
  const replies = [row('B', 'A', 'rejected'), row('C', 'B'), row('Y', 'X'), row('E', 'A')];
  expect(shape(buildThread([row('A', null)], replies, 'http://x'))).toBe('A(-)[C(A) E(A)]');
});

test('when a long chain arrives in reverse order, then every link keeps its parent', () => {
  const chain = [row('r0', 'A')];
  for (let i = 1; i < 8; i++) chain.push(row(`r${i}`, `r${i - 1}`));
  const tree = buildThread([row('A', null)], chain.reverse(), 'http://x');
  expect(shape(tree)).toBe('A(-)[r0(A)[r1(r0)[r2(r1)[r3(r2)[r4(r3)[r5(r4)[r6(r5)[r7(r6)]]]]]]]]');
});
