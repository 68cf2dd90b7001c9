// MurmurHash3 (x86, 32-bit) over UTF-16 code units, one code unit per 32-bit block. Not the
// byte-oriented reference output, but the same mixing: fast, well spread, allocation-free, and
// it can run over a slice of a string (or a stream of values) without building substrings.

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** Mixes one 32-bit block into the running hash. */
export function mix(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** The final avalanche; `len` is the number of blocks mixed. Returns an unsigned 32-bit value. */
export function finish(h: number, len: number): number {
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of `s.slice(start, end)` without the slice. */
export function hashRange(s: string, start: number, end: number, seed: number): number {
  let h = seed | 0;
  for (let i = start; i < end; i++) h = mix(h, s.charCodeAt(i));
  return finish(h, end - start);
}

export function hashString(s: string, seed = 0): number {
  return hashRange(s, 0, s.length, seed);
}

/** A small seeded PRNG (mulberry32) for shuffling and augmentation: same seed, same stream. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
