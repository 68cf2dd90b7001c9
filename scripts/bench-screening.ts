/**
 * Times screenComment on ~1,000-char comments.
 * Run: npx tsx scripts/bench-screening.ts
 */
import { defaultScreeningSettings } from '../src/screening/defaults.js';
import { screenComment } from '../src/screening/pipeline.js';
import { shippedModel } from '../src/screening/models.js';
import type { ScreeningContext } from '../src/screening/types.js';

const PARAGRAPHS = [
  'I have been following the debate about the new bridge for months, and honestly the council keeps moving the goalposts. ',
  'The original estimate was twelve million, now it is closer to thirty, and nobody has explained why. See https://example.org/report for the numbers. ',
  'You are not an idiot for being confused; the documents are a mess. My neighbour said the consultation was "a joke". ',
  'We should ask for an independent audit before any more money is spent, and the minister should answer questions in public. ',
  'Cheap flights and hotel deals are not the point here, the point is accountability for public money and a plan that works. ',
];

function comment(i: number): string {
  let s = '';
  let k = i;
  while (s.length < 1000) s += PARAGRAPHS[k++ % PARAGRAPHS.length];
  return s.slice(0, 1000);
}

const settings = defaultScreeningSettings();
const model = { base: shippedModel(), layers: { spam: null, toxicity: null } };
const ctx = (text: string): ScreeningContext => ({
  text,
  authorName: 'Jane Doe',
  authorEmail: 'jane@example.net',
  authorWebsite: null,
  honeypot: null,
  formToken: { status: 'ok', ageMs: 45_000 },
  history: {
    approvedByAuthor: 0,
    rejectedOrSpamByAuthor: 0,
    duplicateOnPost: false,
    recentFromIp: 0,
    recentFromEmail: 0,
    secondsSinceLastFromIpOrEmail: null,
  },
  banned: null,
  remote: [],
  settings,
  model,
  isEdit: false,
});

const texts = Array.from({ length: 50 }, (_, i) => comment(i));
for (let i = 0; i < 1000; i++) screenComment(ctx(texts[i % texts.length]!)); // warm-up

const N = 10_000;
const times = new Float64Array(N);
for (let i = 0; i < N; i++) {
  const c = ctx(texts[i % texts.length]!);
  const t0 = performance.now();
  screenComment(c);
  times[i] = performance.now() - t0;
}
times.sort();
const at = (q: number) => times[Math.min(N - 1, Math.floor(q * N))]!.toFixed(3);
console.log(
  `screenComment, ${N} runs on 1,000-char comments: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${times[N - 1]!.toFixed(3)} ms`,
);
