/*
 * Deterministic randomness. Every random number is a pure function of a key (text, or a
 * few integers such as municipality code, month and series), so a value never depends on
 * how many other values were drawn before it: a shorter or longer date range, or another
 * run on the same date, gives the same figures for the same cells.
 */

/** murmur3's finaliser: spreads every input bit over the whole 32-bit result. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit hash of a text (FNV-1a, then the murmur3 finaliser). */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** 32-bit hash of a few integers, for the many per-cell draws (no strings to build). */
export function hashInts(a: number, b: number, c = 0, d = 0): number {
  let h = 0x9747b28c;
  for (const k of [a, b, c, d]) {
    h = Math.imul(h ^ fmix32(k | 0), 0x01000193);
    h = (h << 13) | (h >>> 19);
  }
  return fmix32(h);
}

/** A small seeded generator (mulberry32): uniform numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator seeded by a text key. */
export function randomFor(key: string): () => number {
  return mulberry32(hash32(key));
}

/** A uniform number in [0, 1) fixed by the key. */
export function uniform(key: string): number {
  return randomFor(key)();
}

/** A uniform number in [min, max) fixed by the key. */
export function between(key: string, min: number, max: number): number {
  return min + (max - min) * uniform(key);
}

/** A standard normal number from a generator (Box–Muller; uses two draws). */
export function gaussian(next: () => number): number {
  const u = 1 - next(); // (0, 1]: log(0) never happens
  const v = next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A standard normal number fixed by a seed. */
export function normalFromSeed(seed: number): number {
  return gaussian(mulberry32(seed));
}

/** A standard normal number fixed by the key. */
export function normal(key: string): number {
  return normalFromSeed(hash32(key));
}
