/** One line of a line diff, numbered in the version(s) it appears in. */
export interface DiffLine {
  kind: "same" | "added" | "removed";
  text: string;
  oldLine: number | null;
  newLine: number | null;
}

/**
 * Beyond this many changed lines the diff stops looking for the shortest edit and shows the
 * differing middle as removed then added: correct, just not minimal, with bounded memory.
 */
export const MAX_DIFF_EDITS = 2000;

/** Lines of a Markdown body; Windows line endings count as one break and the empty text has no lines. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  return text.replace(/\r\n?/g, "\n").split("\n");
}

/** The lines of `before` and `after` in order, each marked same, removed or added (a shortest edit script). */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = shortestEdit(a.slice(start, endA), b.slice(start, endB)) ?? replaceAll(endA - start, endB - start);
  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++) out.push(same(a, i, i));
  for (const op of middle) {
    if (op.kind === "same") out.push(same(a, start + op.ai, start + op.bi));
    else if (op.kind === "removed")
      out.push({ kind: "removed", text: a[start + op.ai] ?? "", oldLine: start + op.ai + 1, newLine: null });
    else out.push({ kind: "added", text: b[start + op.bi] ?? "", oldLine: null, newLine: start + op.bi + 1 });
  }
  for (let i = endA, j = endB; i < a.length; i++, j++) out.push(same(a, i, j));
  return out;
}

function same(a: string[], ai: number, bi: number): DiffLine {
  return { kind: "same", text: a[ai] ?? "", oldLine: ai + 1, newLine: bi + 1 };
}

type Op = { kind: "same"; ai: number; bi: number } | { kind: "removed"; ai: number } | { kind: "added"; bi: number };

function replaceAll(n: number, m: number): Op[] {
  const ops: Op[] = [];
  for (let ai = 0; ai < n; ai++) ops.push({ kind: "removed", ai });
  for (let bi = 0; bi < m; bi++) ops.push({ kind: "added", bi });
  return ops;
}

/**
 * Myers' O(ND) algorithm. `trace[d]` keeps the furthest x reached on diagonals -d-1..d+1 before
 * round d, which is all the backtrack needs. Null when more than MAX_DIFF_EDITS edits are needed.
 */
function shortestEdit(a: string[], b: string[]): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(max, MAX_DIFF_EDITS); d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const snapshot = trace[d] as Int32Array;
    const at = (k: number) => snapshot[k + d + 1] ?? 0;
    const k = x - y;
    let prevX = 0;
    let prevY = 0;
    if (d > 0) {
      const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
      prevX = at(prevK);
      prevY = prevX - prevK;
    }
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: "same", ai: x, bi: y });
    }
    if (d > 0) {
      if (x === prevX) {
        y--;
        ops.push({ kind: "added", bi: y });
      } else {
        x--;
        ops.push({ kind: "removed", ai: x });
      }
    }
  }
  return ops.reverse();
}
