// Writes a realistic Disqus export of N comments, streaming (memory stays flat for any N):
// categories, then threads, then posts in creation order with nested replies, guests without
// e-mail, deleted and spam posts, HTML in CDATA. Deterministic for a given seed.
//   npx tsx scripts/generate-disqus-fixture.ts <out.xml> <comments> [seed]
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const [, , out, countArg, seedArg] = process.argv;
if (!out || !countArg || !/^\d+$/.test(countArg)) {
  console.error('usage: generate-disqus-fixture.ts <out.xml> <comments> [seed]');
  process.exit(2);
}
const comments = Number(countArg);
let seed = Number(seedArg ?? 1) >>> 0;

/** mulberry32: small, fast, good enough to make data look varied. */
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const NAMES = [
  'Ada',
  'Bob',
  'Carol',
  'Dave',
  'Erin',
  'Frank',
  'Grace',
  'Heidi',
  'Ivan',
  'Judy',
  'Mallory',
  'Niaj',
  'Olivia',
  'Peggy',
  'Rupert',
  'Sybil',
  'Trent',
  'Victor',
  'Walter',
  'Zoë',
];
const WORDS =
  'the quick brown fox jumps over lazy dog comment thread reply post article think agree disagree because really great point data code example question answer'.split(
    ' ',
  );
const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

function message(): string {
  const parts = [`<p>${sentence(8 + Math.floor(random() * 20))}.</p>`];
  if (random() < 0.3)
    parts.push(
      `<p>See <a href="https://example.org/${Math.floor(random() * 1000)}" rel="nofollow noopener">this link</a> and <b>${pick(WORDS)}</b>.</p>`,
    );
  if (random() < 0.1) parts.push(`<blockquote>${sentence(6)}</blockquote>`);
  if (random() < 0.05) parts.push(`<p>code: <code>a &amp;&amp; b</code><br>${sentence(4)}</p>`);
  // CDATA cannot hold "]]>"; split it as exporters do.
  return `<![CDATA[${parts.join('').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

const file = createWriteStream(out);
async function write(text: string): Promise<void> {
  if (!file.write(text)) await once(file, 'drain');
}

const threads = Math.max(1, Math.ceil(comments / 50));
const start = Date.UTC(2015, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

await write(`<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://disqus.com/api/schemas/1.0/disqus.xsd http://disqus.com/api/schemas/1.0/disqus-internals.xsd">
  <category dsq:id="1">
    <forum>benchforum</forum>
    <title>General</title>
    <isDefault>true</isDefault>
  </category>
`);
for (let t = 1; t <= threads; t++) {
  await write(`  <thread dsq:id="${100000000 + t}">
    <id>post-${t}</id>
    <forum>benchforum</forum>
    <category dsq:id="1"/>
    <link>https://bench.example.com/${2015 + (t % 9)}/post-${t}/</link>
    <title>Post number ${t}: ${sentence(4)}</title>
    <message/>
    <createdAt>${iso(start + t * 3_600_000)}</createdAt>
    <author>
      <email>editor@bench.example.com</email>
      <name>Editor</name>
      <isAnonymous>false</isAnonymous>
      <username>editor</username>
    </author>
    <ipAddress>203.0.113.1</ipAddress>
    <isClosed>${random() < 0.05}</isClosed>
    <isDeleted>${random() < 0.01}</isDeleted>
  </thread>
`);
}
// Recent posts per thread, to reply to: a small window, so memory stays flat.
const recent = new Map<number, number[]>();
for (let p = 1; p <= comments; p++) {
  const thread = 1 + Math.floor(random() * threads);
  const earlier = recent.get(thread) ?? [];
  const parent = earlier.length > 0 && random() < 0.45 ? pick(earlier) : null;
  earlier.push(p);
  if (earlier.length > 20) earlier.shift();
  recent.set(thread, earlier);
  const guest = random() < 0.05;
  const name = pick(NAMES);
  const user = `${name.toLowerCase()}${Math.floor(random() * 500)}`;
  await write(`  <post dsq:id="${200000000 + p}">
    <id/>
    <message>${message()}</message>
    <createdAt>${iso(start + threads * 3_600_000 + p * 60_000)}</createdAt>
    <isDeleted>${random() < 0.03}</isDeleted>
    <isSpam>${random() < 0.02}</isSpam>
    <author>
      ${guest ? '<email/>' : `<email>${user}@example.net</email>`}
      <name>${guest ? 'Guest' : name}</name>
      <isAnonymous>${guest}</isAnonymous>${guest ? '' : `\n      <username>${user}</username>`}
    </author>
    <ipAddress>198.51.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}</ipAddress>
    <thread dsq:id="${100000000 + thread}"/>${parent === null ? '' : `\n    <parent dsq:id="${200000000 + parent}"/>`}
  </post>
`);
}
await write('</disqus>\n');
file.end();
await once(file, 'finish');
console.log(`wrote ${out}: ${threads} threads, ${comments} comments`);
