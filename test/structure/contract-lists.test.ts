// The constant lists the server and the browser bundles share live once, in src/contracts/:
// no file in web/ writes one of them out again (it imports it, through its types.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import {
  ACTION_STATUS,
  COMMENT_STATUSES,
  MODERATION_ACTIONS,
  QUEUES,
} from '../../src/contracts/moderation-api.js';
import { TOXICITY_ATTRIBUTES } from '../../src/contracts/screening.js';
import { CHANGE_TYPES } from '../../src/contracts/webhooks-api.js';

const WEB = join(import.meta.dirname, '../../web');

const LISTS: Record<string, readonly string[]> = {
  CHANGE_TYPES,
  COMMENT_STATUSES,
  MODERATION_ACTIONS,
  QUEUES,
  TOXICITY_ATTRIBUTES,
  'ACTION_STATUS (entries)': Object.entries(ACTION_STATUS).flat(),
};

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'dist' && entry.name !== 'node_modules') yield* sourceFiles(path);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      yield path;
    }
  }
}

/** The list's items in order (quoted, or bare object keys), with only separators between. */
function listPattern(items: readonly string[]): RegExp {
  const quoted = items.map((s) => `['"]?${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?`);
  return new RegExp(quoted.join(String.raw`\s*[,:]\s*`));
}

function redeclarations(text: string): string[] {
  return Object.entries(LISTS)
    .filter(([, items]) => listPattern(items).test(text))
    .map(([name]) => name);
}

test('when web/ is scanned, then no file writes out a list that src/contracts/ exports', () => {
  const offenders: string[] = [];
  for (const file of sourceFiles(WEB)) {
    const found = redeclarations(readFileSync(file, 'utf8'));
    if (found.length) offenders.push(`${relative(WEB, file)}: ${found.join(', ')}`);
  }
  expect(offenders).toEqual([]);
});

test('when a page writes out the webhook events, the statuses or the decision table, then the scan finds it', () => {
  // The patterns themselves, so the test above cannot pass by matching nothing.
  const events = `const EVENTS = [\n  ${CHANGE_TYPES.map((e) => `'${e}'`).join(',\n  ')},\n] as const;`;
  expect(redeclarations(events)).toEqual(['CHANGE_TYPES']);
  const table = `{\n  approve: 'approved',\n  reject: 'rejected',\n  spam: 'spam',\n  'not-spam': 'approved',\n  delete: 'deleted',\n}`;
  expect(redeclarations(table)).toEqual(['ACTION_STATUS (entries)']);
  expect(redeclarations(`["approved", "pending", "spam", "rejected", "deleted"]`)).toEqual([
    'COMMENT_STATUSES',
  ]);
});
