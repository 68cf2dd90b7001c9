// The naive Bayes spam classifier Parley shipped before the trained model (kept only so the
// evaluation can show the old system beside the new one; production never loads it).
/**
 * A learning spam classifier: binarised multinomial naive Bayes over normalised tokens.
 * The shipped base table is trained offline (scripts/train-spam-model.ts); each site adds a
 * learned table from moderator decisions, weighted LEARNED_WEIGHT times the base so one
 * decision on similar text changes the next verdict.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findLinks } from '../../src/screening/links.js';
import { foldText } from '../../src/screening/normalize.js';

/** Token counts per class. Treat as immutable: learnFromDecision returns a new table. */
export interface CountTable {
  spamDocs: number;
  hamDocs: number;
  spam: Record<string, number>;
  ham: Record<string, number>;
}

export interface SpamModel {
  /** shipped with the release (loadBaseModel) */
  base: CountTable;
  /** per-site counts from moderator decisions (learnFromDecision) */
  learned: CountTable;
}

/**
 * Additive smoothing per token; higher values stop a word seen a handful of times in the
 * small base corpus from deciding a verdict on its own.
 */
const SMOOTHING = 1;
/**
 * The base corpus is balanced by construction, but comments that get this far (past honeypot
 * and form token) are mostly not spam: shift the prior log-odds towards ham.
 */
const PRIOR_SHIFT = -1;
/** NB is overconfident (tokens are not independent); scaling the log-odds calibrates it. */
const LOGIT_DAMPING = 0.6;

/** How much one learned document counts compared with one base document. */
export const LEARNED_WEIGHT = 3;

const STOPWORDS = new Set(
  (
    'the a an and or of to in on at for is are was were be been it its this that with as by ' +
    'from i you he she we they me my your our his her their them us so but if then than'
  ).split(' '),
);

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Distinct features of a text: words, word bigrams, link hosts and a few shape features. */
export function tokenize(text: string): string[] {
  const tokens = new Set<string>();
  const links = findLinks(text);
  let rest = text;
  for (const l of links) {
    rest = rest.replace(l.url, ' ');
    tokens.add('has:url');
    tokens.add(`host:${l.host}`);
    const labels = l.host.split('.');
    const tld = labels[labels.length - 1];
    if (tld) tokens.add(`tld:${tld}`);
    // hyphenated spam hosts ("cheap-pills-online") carry their words
    for (const part of labels.slice(0, -1).join('-').split('-')) {
      if (part.length > 2) tokens.add(`hostword:${part}`);
    }
    if (/\/\S{25,}/.test(l.url)) tokens.add('shape:longpath');
    if (/[?&](?:ref|aff|utm_|partner|id)=/i.test(l.url)) tokens.add('shape:tracking');
  }
  if (links.length >= 2) tokens.add('shape:links2+');
  if (/\[[^\]]+\]\(/.test(text)) tokens.add('shape:mdlink');
  if (/\$\s?\d|\d\s?(?:usd|dollars|\$)/i.test(text)) tokens.add('shape:money');
  if (/\+?\d[\d\s().-]{8,}\d/.test(rest)) tokens.add('shape:phone');
  if (/[\w.+-]+@[\w-]+\.[a-z]{2,}/i.test(text)) tokens.add('shape:email');
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length > 12 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.6) {
    tokens.add('shape:caps');
  }
  const words = foldText(rest).match(WORD_RE) ?? [];
  tokens.add(words.length < 8 ? 'shape:short' : words.length > 60 ? 'shape:long' : 'shape:medium');
  let prev: string | null = null;
  for (const raw of words) {
    const w = raw.replace(/['’]/g, '');
    if (w.length > 30) continue;
    if (!STOPWORDS.has(w) && w.length > 1) tokens.add(w);
    // bigrams of two function words ("for_a") are noise on a corpus this size
    if (prev !== null && !(STOPWORDS.has(prev) && STOPWORDS.has(w))) tokens.add(`${prev}_${w}`);
    prev = w;
  }
  return [...tokens];
}

export function emptyCountTable(): CountTable {
  return { spamDocs: 0, hamDocs: 0, spam: {}, ham: {} };
}

/** Adds one labelled document to a table; pure (returns a new table, the input is unchanged). */
export function learnFromDecision(
  table: CountTable,
  text: string,
  label: 'spam' | 'ham',
): CountTable {
  const counts = { ...(label === 'spam' ? table.spam : table.ham) };
  for (const t of tokenize(text)) counts[t] = (Object.hasOwn(counts, t) ? counts[t]! : 0) + 1;
  return label === 'spam'
    ? { ...table, spamDocs: table.spamDocs + 1, spam: counts }
    : { ...table, hamDocs: table.hamDocs + 1, ham: counts };
}

/** The counts of many labelled documents at once (one pass, one new table). */
export function buildCountTable(
  docs: Iterable<{ text: string; label: 'spam' | 'ham' }>,
): CountTable {
  const table = emptyCountTable();
  for (const doc of docs) {
    const counts = doc.label === 'spam' ? table.spam : table.ham;
    if (doc.label === 'spam') table.spamDocs += 1;
    else table.hamDocs += 1;
    for (const t of tokenize(doc.text)) counts[t] = (Object.hasOwn(counts, t) ? counts[t]! : 0) + 1;
  }
  return table;
}

interface Prepared {
  spam: Map<string, number>;
  ham: Map<string, number>;
  spamTotal: number;
  hamTotal: number;
  vocab: number;
  logPrior: number;
}

const tableMaps = new WeakMap<
  CountTable,
  { spam: Map<string, number>; ham: Map<string, number> }
>();

function mapsOf(table: CountTable) {
  let m = tableMaps.get(table);
  if (!m) {
    m = { spam: new Map(Object.entries(table.spam)), ham: new Map(Object.entries(table.ham)) };
    tableMaps.set(table, m);
  }
  return m;
}

// cached per (base, learned) pair: tables are immutable, so identity is a safe key
const prepared = new WeakMap<CountTable, WeakMap<CountTable, Prepared>>();

function prepare(model: SpamModel): Prepared {
  let inner = prepared.get(model.base);
  if (!inner) {
    inner = new WeakMap();
    prepared.set(model.base, inner);
  }
  const hit = inner.get(model.learned);
  if (hit) return hit;
  const base = mapsOf(model.base);
  const learned = mapsOf(model.learned);
  const merge = (a: Map<string, number>, b: Map<string, number>) => {
    if (b.size === 0) return a;
    const m = new Map(a);
    for (const [k, v] of b) m.set(k, (m.get(k) ?? 0) + LEARNED_WEIGHT * v);
    return m;
  };
  const spam = merge(base.spam, learned.spam);
  const ham = merge(base.ham, learned.ham);
  let spamTotal = 0;
  let hamTotal = 0;
  for (const v of spam.values()) spamTotal += v;
  for (const v of ham.values()) hamTotal += v;
  const vocab = new Set([...spam.keys(), ...ham.keys()]).size;
  const spamDocs = model.base.spamDocs + LEARNED_WEIGHT * model.learned.spamDocs;
  const hamDocs = model.base.hamDocs + LEARNED_WEIGHT * model.learned.hamDocs;
  const logPrior = Math.log((spamDocs + 1) / (hamDocs + 1)) + PRIOR_SHIFT;
  const p: Prepared = { spam, ham, spamTotal, hamTotal, vocab, logPrior };
  inner.set(model.learned, p);
  return p;
}

/** Log-odds that the text is spam; unseen tokens are ignored (they carry no evidence). */
export function spamLogOdds(model: SpamModel, text: string): number {
  const p = prepare(model);
  let score = p.logPrior;
  const spamDen = Math.log(p.spamTotal + SMOOTHING * p.vocab);
  const hamDen = Math.log(p.hamTotal + SMOOTHING * p.vocab);
  for (const t of tokenize(text)) {
    const s = p.spam.get(t) ?? 0;
    const h = p.ham.get(t) ?? 0;
    if (s === 0 && h === 0) continue;
    score += Math.log(s + SMOOTHING) - spamDen - (Math.log(h + SMOOTHING) - hamDen);
  }
  return score;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Probability in [0,1] that the text is spam under the model (base + learned). */
export function spamProbability(model: SpamModel, text: string): number {
  return sigmoid(spamLogOdds(model, text) * LOGIT_DAMPING);
}

const BASE_MODEL_URL = new URL('./base-spam-model.json', import.meta.url);
let baseModel: CountTable | null = null;

/**
 * The shipped base table, read once. Resolved next to this module so it works from src/ (tsx,
 * vitest) and from dist/ (the build must copy src/screening/model/*.json to dist/screening/model/).
 */
export function loadBaseModel(): CountTable {
  if (!baseModel) {
    const raw = JSON.parse(readFileSync(fileURLToPath(BASE_MODEL_URL), 'utf8')) as CountTable;
    baseModel = Object.freeze(raw);
  }
  return baseModel;
}
