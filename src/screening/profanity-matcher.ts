// obscenity's English word list, transformers and whitelist, matched the way its RegExpMatcher
// matches them, without its per-character string building: RegExpMatcher.getAllMatches builds
// both transformed texts one `+=` at a time, about 200 KB of garbage and a third of the rules'
// time for a 1,000-character comment. Same terms, same transformers, same results (a test holds
// this against RegExpMatcher on the corpus).
import {
  compareMatchByPositionAndId,
  type BlacklistedTerm,
  type MatchPayload,
  type Node,
  SyntaxKind,
  type TransformerContainer,
} from 'obscenity';

export interface ProfanityMatcherOptions {
  blacklistedTerms: BlacklistedTerm[];
  whitelistedTerms?: string[];
  blacklistMatcherTransformers?: TransformerContainer[];
  whitelistMatcherTransformers?: TransformerContainer[];
}

export interface ProfanityMatcher {
  /** Every blacklisted term's matches outside whitelisted words; RegExpMatcher.getAllMatches. */
  getAllMatches(input: string, sorted?: boolean): MatchPayload[];
}

interface CharStep {
  transform(char: number): number | undefined;
}

const UNKNOWN = -2;
const DROPPED = -1;

/**
 * A chain of transformers; stateful ones get their state once, reset after each text. What the
 * stateless steps before the first stateful one make of a character never changes, so it is
 * looked up (per BMP character, filled on first sight) instead of computed every time.
 */
function transformerChain(containers: readonly TransformerContainer[]) {
  const stateful = containers.map((c) => ('factory' in c ? c.factory() : null));
  // called as methods: a stateful transformer reads its state through `this`
  const steps: CharStep[] = containers.map((c, i) => stateful[i] ?? (c as CharStep));
  let prefix = 0;
  while (prefix < steps.length && stateful[prefix] === null) prefix++;
  const memo = new Int32Array(0x10000).fill(UNKNOWN);
  const throughPrefix = (char: number): number | undefined => {
    let c: number | undefined = char;
    for (let i = 0; i < prefix && c !== undefined; i++) c = steps[i]!.transform(c);
    return c;
  };
  return {
    /** The character after every step, or undefined when a step drops it. */
    apply(char: number): number | undefined {
      let c: number | undefined;
      if (char < 0x10000) {
        const known = memo[char]!;
        if (known === UNKNOWN) {
          c = throughPrefix(char);
          memo[char] = c === undefined ? DROPPED : c;
        } else c = known === DROPPED ? undefined : known;
      } else c = throughPrefix(char);
      for (let i = prefix; i < steps.length && c !== undefined; i++) c = steps[i]!.transform(c);
      return c;
    },
    reset: () => {
      for (const s of stateful) s?.reset();
    },
  };
}

const REGEXP_SPECIAL = new Set(Array.from('[.*+?^$' + '{}()|\\]', (c) => c.charCodeAt(0)));

function nodeSource(node: Node): string {
  switch (node.kind) {
    case SyntaxKind.Literal: {
      let s = '';
      for (const char of node.chars)
        s += (REGEXP_SPECIAL.has(char) ? '\\' : '') + String.fromCodePoint(char);
      return s;
    }
    case SyntaxKind.Optional:
      return `(?:${nodeSource(node.childNode)})?`;
    case SyntaxKind.Wildcard:
      return '.';
  }
}

/** A transformed text and, per UTF-16 unit of it, where its character starts in the input. */
interface Transformed {
  text: string;
  /** valid until the next transform (a shared scratch buffer) */
  origin: Int32Array;
}

const CHUNK = 4096;
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
// scratch, reused between calls (matching is synchronous and single-threaded)
let units = new Uint16Array(2048);
let origins = new Int32Array(2048);

function transform(input: string, chain: ReturnType<typeof transformerChain>): Transformed {
  if (units.length < input.length * 2) {
    units = new Uint16Array(input.length * 2);
    origins = new Int32Array(input.length * 2);
  }
  let n = 0;
  let loneSurrogate = false;
  for (let pos = 0; pos < input.length; ) {
    const start = pos;
    const read = input.codePointAt(pos)!;
    pos += read > 0xffff ? 2 : 1;
    const char = chain.apply(read);
    if (char === undefined) continue;
    if (char > 0xffff) {
      const c = char - 0x10000;
      units[n] = 0xd800 + (c >> 10);
      origins[n++] = start;
      units[n] = 0xdc00 + (c & 0x3ff);
      origins[n++] = start;
    } else {
      if (char >= 0xd800 && char <= 0xdfff) loneSurrogate = true;
      units[n] = char;
      origins[n++] = start;
    }
  }
  chain.reset();
  // the decoder makes the string without an argument list per chunk, but it would replace a
  // lone surrogate with U+FFFD, so such (rare) texts take the slower way
  if (!loneSurrogate) return { text: UTF16.decode(units.subarray(0, n)), origin: origins };
  let text = '';
  for (let i = 0; i < n; i += CHUNK)
    text += String.fromCharCode.apply(
      null,
      units.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[],
    );
  return { text, origin: origins };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Inclusive end in the input of a transformed range ending at unit `last`, whole surrogate pairs. */
function inputEnd(input: string, origin: Int32Array, last: number): number {
  let end = origin[last]!;
  if (
    end < input.length - 1 &&
    isHighSurrogate(input.charCodeAt(end)) &&
    isLowSurrogate(input.charCodeAt(end + 1))
  )
    end++;
  return end;
}

export function createProfanityMatcher(options: ProfanityMatcherOptions): ProfanityMatcher {
  const terms = options.blacklistedTerms.map((term) => {
    if (term.pattern.nodes.every((node) => node.kind === SyntaxKind.Optional))
      throw new Error(`profanity term ${term.id} could match the empty string`);
    const source =
      (term.pattern.requireWordBoundaryAtStart ? '\\b' : '') +
      term.pattern.nodes.map(nodeSource).join('') +
      (term.pattern.requireWordBoundaryAtEnd ? '\\b' : '');
    // the longest literal the pattern always contains: where the text lacks it, the pattern
    // cannot match, and an indexOf is much cheaper than running it
    let required = '';
    for (const node of term.pattern.nodes)
      if (node.kind === SyntaxKind.Literal) {
        const literal = String.fromCodePoint(...node.chars);
        if (literal.length > required.length) required = literal;
      }
    return { id: term.id, re: new RegExp(source, 'gs'), required };
  });
  const whitelist = options.whitelistedTerms ?? [];
  const blacklistChain = transformerChain(options.blacklistMatcherTransformers ?? []);
  const whitelistChain = transformerChain(options.whitelistMatcherTransformers ?? []);

  /** Whitelisted ranges of the input, sorted by start (as obscenity's IntervalCollection queries them). */
  function whitelisted(input: string): Array<[number, number]> {
    if (whitelist.length === 0) return [];
    const { text, origin } = transform(input, whitelistChain);
    const out: Array<[number, number]> = [];
    for (const term of whitelist) {
      for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length))
        out.push([origin[at]!, inputEnd(input, origin, at + term.length - 1)]);
    }
    return out.sort((a, b) => (a[0] < b[0] ? -1 : b[0] < a[0] ? 1 : 0));
  }

  const covered = (ranges: Array<[number, number]>, start: number, end: number) => {
    for (const [s, e] of ranges) {
      if (s > start) return false;
      if (end <= e) return true;
    }
    return false;
  };

  return {
    getAllMatches(input, sorted = false) {
      const allowed = whitelisted(input);
      const { text, origin } = transform(input, blacklistChain);
      const matches: MatchPayload[] = [];
      for (const { id, re, required } of terms) {
        if (required !== '' && !text.includes(required)) continue;
        re.lastIndex = 0;
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
          const startIndex = origin[m.index]!;
          const endIndex = inputEnd(input, origin, m.index + m[0].length - 1);
          if (!covered(allowed, startIndex, endIndex))
            matches.push({ termId: id, startIndex, endIndex, matchLength: [...m[0]].length });
        }
      }
      if (sorted) matches.sort(compareMatchByPositionAndId);
      return matches;
    },
  };
}
