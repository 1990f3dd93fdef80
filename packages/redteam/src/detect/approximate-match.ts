/**
 * Finds a token in the decoded views of a reply, exactly or approximately. Approximate matching
 * compares letters and digits only (case folded), so a token spelt out with spaces or dashes
 * still matches, and tolerates a few changed characters; an unrelated token of the same shape
 * scores far below the threshold.
 */

export interface MatchOptions {
  /** Similarity (1 − edits / needle length) needed to count as found. */
  minScore?: number;
}

export interface MatchResult {
  found: boolean;
  /** 1 for an exact match; otherwise the best similarity seen (0 when nothing came close). */
  score: number;
  /** The matched text with a little context, whitespace collapsed; empty when nothing matched. */
  excerpt: string;
}

/** Needles shorter than this (letters and digits) are only matched exactly: too little to compare. */
export const MIN_APPROXIMATE_LENGTH = 8;
/** Longer needles are compared by their first this-many letters and digits, to bound the work. */
export const MAX_APPROXIMATE_LENGTH = 64;

/**
 * Alignment cells one search may fill. Ordinary text needs a tiny fraction of this; text made to
 * resemble the needle everywhere ("a.a.a.…") stops here after a few milliseconds instead of
 * running for seconds, keeping what it found so far. Exact matches are always searched in full.
 */
const ALIGNMENT_BUDGET = 2_000_000;

const NOTHING: MatchResult = { found: false, score: 0, excerpt: "" };

/**
 * Exact case-insensitive substring first; otherwise character 3-grams of the needle select
 * candidate windows of needle length, and a bounded edit-distance alignment scores them.
 */
export function findInViews(views: readonly string[], needle: string, options: MatchOptions = {}): MatchResult {
  const minScore = options.minScore ?? 0.85;
  if (needle.length === 0) return NOTHING;
  const exact = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
  for (const view of views) {
    const hit = exact.exec(view);
    if (hit) return { found: true, score: 1, excerpt: excerptOf(view, hit.index, hit.index + hit[0].length) };
  }
  const target = compact(needle).chars.slice(0, MAX_APPROXIMATE_LENGTH);
  if (target.length < MIN_APPROXIMATE_LENGTH) return NOTHING;
  let best = NOTHING;
  const budget = { cells: ALIGNMENT_BUDGET };
  for (const view of views) {
    const candidate = bestAlignment(view, target, minScore, budget);
    if (candidate !== null && candidate.score > best.score) best = candidate;
    if (best.score === 1) break;
  }
  return { ...best, found: best.score >= minScore };
}

interface Compacted {
  /** Lowercased letters and digits, as UTF-16 units. */
  chars: Uint16Array;
  /** Index in the original text of each unit of `chars`. */
  origin: Int32Array;
}

/**
 * A detector looks for several needles (canary, marker, secrets) in the same views; remembering
 * the last few compacted views saves redoing that pass. Twelve views hold one reply's worth
 * (about 18 MB for a 1 MiB reply); small views are cheap to redo and not kept.
 */
const recentlyCompacted = new Map<string, Compacted>();
const REMEMBERED_VIEWS = 12;

function compactView(view: string): Compacted {
  const known = recentlyCompacted.get(view);
  if (known !== undefined) return known;
  const compacted = compact(view);
  if (view.length >= 4096) {
    if (recentlyCompacted.size >= REMEMBERED_VIEWS) {
      const oldest = recentlyCompacted.keys().next().value;
      if (oldest !== undefined) recentlyCompacted.delete(oldest);
    }
    recentlyCompacted.set(view, compacted);
  }
  return compacted;
}

function compact(text: string): Compacted {
  let chars = new Uint16Array(text.length + 8);
  let origin = new Int32Array(text.length + 8);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      const lower = code | 32;
      if (code >= 48 && code <= 57) {
        chars[n] = code;
        origin[n++] = i;
      } else if (lower >= 97 && lower <= 122) {
        chars[n] = lower;
        origin[n++] = i;
      }
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i) ?? code);
    if (/[\p{L}\p{N}]/u.test(char)) {
      const lower = char.toLowerCase();
      if (n + lower.length > chars.length) {
        // Lowercasing can lengthen a character ("İ" → "i̇"); grow in the rare case it overflows.
        chars = grow(chars, new Uint16Array(chars.length * 2));
        origin = grow(origin, new Int32Array(origin.length * 2));
      }
      for (let u = 0; u < lower.length; u++) {
        chars[n] = lower.charCodeAt(u);
        origin[n++] = i;
      }
    }
    i += char.length - 1;
  }
  return { chars: chars.subarray(0, n), origin: origin.subarray(0, n) };
}

function grow<T extends Uint16Array | Int32Array>(from: T, into: T): T {
  into.set(from);
  return into;
}

/** Hash of the 3-gram at `at` into 16 bits; collisions only cost an extra verification. */
function gramHash(chars: Uint16Array, at: number): number {
  return (((chars[at] ?? 0) * 961 + (chars[at + 1] ?? 0) * 31 + (chars[at + 2] ?? 0)) * 40503) & 0xffff;
}

/** The best-scoring alignment of `needle` in `view`, or null when no window came near. */
function bestAlignment(
  view: string,
  needle: Uint16Array,
  minScore: number,
  budget: { cells: number },
): MatchResult | null {
  const { chars, origin } = compactView(view);
  const n = needle.length;
  const length = chars.length;
  if (length < Math.ceil(n * minScore)) return null;
  const inNeedle = new Uint8Array(65536);
  for (let i = 0; i + 3 <= n; i++) inNeedle[gramHash(needle, i)] = 1;
  const hits = new Uint8Array(length + 1);
  for (let i = 0; i + 3 <= length; i++) hits[i] = inNeedle[gramHash(chars, i)] ?? 0;
  // Each edit spoils at most three of the needle's n − 2 grams, and an insertion or deletion
  // shifts the window by one more; windows below this floor cannot reach minScore.
  const maxEdits = Math.floor(n * (1 - minScore));
  const floor = Math.max(1, n - 2 - 4 * maxEdits);
  let best: MatchResult | null = null;
  let count = 0;
  for (let i = 0; i < n - 2; i++) count += hits[i] ?? 0;
  let verifiedUntil = -1;
  for (let start = 0; start < length; start++) {
    if (count >= floor && start > verifiedUntil && budget.cells > 0) {
      const from = Math.max(0, start - n);
      const to = Math.min(length, start + 2 * n);
      budget.cells -= n * (to - from);
      const aligned = align(needle, chars, from, to);
      const score = 1 - aligned.distance / n;
      if (best === null || score > best.score) {
        const first = origin[aligned.start] ?? 0;
        const last = (origin[aligned.end - 1] ?? first) + 1;
        best = { found: false, score, excerpt: excerptOf(view, first, last) };
        if (score === 1) return best;
      }
      verifiedUntil = start + n;
    }
    count += (hits[start + n - 2] ?? 0) - (hits[start] ?? 0);
  }
  return best;
}

/**
 * Semi-global edit distance: the whole needle against the best substring of hay[from, to).
 * Returns the distance and where that substring starts and ends.
 */
function align(needle: Uint16Array, hay: Uint16Array, from: number, to: number) {
  const width = to - from;
  let previous = new Int32Array(width + 1);
  let previousStart = Int32Array.from({ length: width + 1 }, (_, j) => from + j);
  let current = new Int32Array(width + 1);
  let currentStart = new Int32Array(width + 1);
  for (let i = 1; i <= needle.length; i++) {
    current[0] = i;
    currentStart[0] = from;
    const letter = needle[i - 1];
    for (let j = 1; j <= width; j++) {
      const substitute = (previous[j - 1] ?? 0) + (hay[from + j - 1] === letter ? 0 : 1);
      const skipNeedle = (previous[j] ?? 0) + 1;
      const skipHay = (current[j - 1] ?? 0) + 1;
      if (substitute <= skipNeedle && substitute <= skipHay) {
        current[j] = substitute;
        currentStart[j] = previousStart[j - 1] ?? from;
      } else if (skipNeedle <= skipHay) {
        current[j] = skipNeedle;
        currentStart[j] = previousStart[j] ?? from;
      } else {
        current[j] = skipHay;
        currentStart[j] = currentStart[j - 1] ?? from;
      }
    }
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  let distance = Number.POSITIVE_INFINITY;
  let end = from;
  for (let j = 1; j <= width; j++) {
    const value = previous[j] ?? distance;
    if (value < distance) {
      distance = value;
      end = from + j;
    }
  }
  return { distance, start: previousStart[end - from] ?? from, end };
}

const EXCERPT_CONTEXT = 30;

/** The text from `start` to `end` with some context, whitespace collapsed, at most ~200 characters. */
export function excerptOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EXCERPT_CONTEXT);
  const to = Math.min(text.length, end + EXCERPT_CONTEXT, from + 200);
  const body = text.slice(from, to).replace(/\s+/g, " ").trim();
  return `${from > 0 ? "…" : ""}${body}${to < text.length ? "…" : ""}`;
}
