/**
 * Sorts a Float64Array ascending by an LSD radix sort on the IEEE-754 bit patterns: six passes of
 * 11, 11 and 10 bits over each 32-bit half (2,048 buckets stay in cache). Several times faster than
 * the built-in comparison sort on millions of values. NaN must not occur; −0 sorts just before +0,
 * which compare equal anyway.
 */
const BUCKETS = 2048;
const PASSES = [
  { word: 0, shift: 0 },
  { word: 0, shift: 11 },
  { word: 0, shift: 22 },
  { word: 1, shift: 0 },
  { word: 1, shift: 11 },
  { word: 1, shift: 22 },
] as const;

/** Sorts `values` in place (using a scratch array of the same size) and returns it. */
export function radixSortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < 4096) return values.sort();
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  // Map each double to an unsigned key that orders like the number: flip every bit of negatives,
  // only the sign bit of the rest. Undone at the end.
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1] as number;
    if (hi & 0x80000000) {
      words[2 * i] = ~(words[2 * i] as number);
      words[2 * i + 1] = ~hi;
    } else words[2 * i + 1] = hi | 0x80000000;
  }
  const counts = new Uint32Array(PASSES.length * BUCKETS);
  for (let i = 0; i < n; i++) {
    const lo = words[2 * i] as number;
    const hi = words[2 * i + 1] as number;
    counts[lo & 2047] = (counts[lo & 2047] as number) + 1;
    counts[BUCKETS + ((lo >>> 11) & 2047)] = (counts[BUCKETS + ((lo >>> 11) & 2047)] as number) + 1;
    counts[2 * BUCKETS + (lo >>> 22)] = (counts[2 * BUCKETS + (lo >>> 22)] as number) + 1;
    counts[3 * BUCKETS + (hi & 2047)] = (counts[3 * BUCKETS + (hi & 2047)] as number) + 1;
    counts[4 * BUCKETS + ((hi >>> 11) & 2047)] = (counts[4 * BUCKETS + ((hi >>> 11) & 2047)] as number) + 1;
    counts[5 * BUCKETS + (hi >>> 22)] = (counts[5 * BUCKETS + (hi >>> 22)] as number) + 1;
  }
  const scratch = new Uint32Array(n * 2);
  let from: Uint32Array = words;
  let to: Uint32Array = scratch;
  for (const [pass, { word, shift }] of PASSES.entries()) {
    const base = pass * BUCKETS;
    // A pass whose digit is the same for every value changes nothing.
    let skip = false;
    let offset = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const count = counts[base + b] as number;
      if (count === n) skip = true;
      counts[base + b] = offset;
      offset += count;
    }
    if (skip) continue;
    for (let i = 0; i < n; i++) {
      const digit = base + (((from[2 * i + word] as number) >>> shift) & 2047);
      const position = counts[digit] as number;
      counts[digit] = position + 1;
      to[2 * position] = from[2 * i] as number;
      to[2 * position + 1] = from[2 * i + 1] as number;
    }
    [from, to] = [to, from];
  }
  if (from !== words) words.set(from);
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1] as number;
    if (hi & 0x80000000) words[2 * i + 1] = hi & 0x7fffffff;
    else {
      words[2 * i] = ~(words[2 * i] as number);
      words[2 * i + 1] = ~hi;
    }
  }
  return values;
}
