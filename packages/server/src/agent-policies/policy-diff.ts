import { type PolicyChange, policyDocumentSchema } from "@openaims/contracts";
import { canonicalJson } from "@openaims/core";

/** Largest number of line pairs compared exactly; larger edits are shown as the whole middle replaced. */
const MAX_LCS_CELLS = 4_000_000;

/** Keyed areas of a policy document, compared entry by entry. */
const KEYED_AREAS = ["tools", "classes", "resources", "prompts"] as const;

/**
 * What changed between two policy documents, part by part: each tool, class, resource and prompt rule
 * added, removed or changed with its rule before and after; each flow by position; the default and limits.
 * Documents are compared with their defaults filled in, so `approval: {}` and the full form agree
 * (when both read as policies).
 */
export function diffPolicyDocuments(before: unknown, after: unknown): PolicyChange[] {
  // Defaults are filled in only when both documents read as policies, so a broken draft is compared as written.
  const parsedBefore = policyDocumentSchema.safeParse(before);
  const parsedAfter = policyDocumentSchema.safeParse(after);
  const both = parsedBefore.success && parsedAfter.success;
  const a = both ? (parsedBefore.data as Record<string, unknown>) : asRecord(before);
  const b = both ? (parsedAfter.data as Record<string, unknown>) : asRecord(after);
  const changes: PolicyChange[] = [];
  compareValue(changes, "default", "default", a.default, b.default);
  for (const area of KEYED_AREAS) {
    const left = asRecord(a[area]);
    const right = asRecord(b[area]);
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
    for (const key of keys) compareValue(changes, area, key, left[key], right[key]);
  }
  const flowsA = Array.isArray(a.flows) ? a.flows : [];
  const flowsB = Array.isArray(b.flows) ? b.flows : [];
  for (let i = 0; i < Math.max(flowsA.length, flowsB.length); i++) {
    compareValue(changes, "flows", String(i), flowsA[i], flowsB[i]);
  }
  compareValue(changes, "limits", "limits", a.limits, b.limits);
  return changes;
}

function compareValue(changes: PolicyChange[], area: string, key: string, before: unknown, after: unknown): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) changes.push({ area, key, change: "added", after });
  else if (after === undefined) changes.push({ area, key, change: "removed", before });
  else if (canonicalJson(before) !== canonicalJson(after))
    changes.push({ area, key, change: "changed", before, after });
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export interface SourceLine {
  kind: "same" | "added" | "removed";
  text: string;
}

/**
 * A line diff of two texts: the common head and tail, and between them the longest common
 * subsequence of lines (when the middle is small enough), else the middle removed then added.
 */
export function diffLines(beforeText: string, afterText: string): SourceLine[] {
  const a = beforeText.split(/\r?\n/);
  const b = afterText.split(/\r?\n/);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const out: SourceLine[] = a.slice(0, head).map((text) => ({ kind: "same", text }));
  out.push(...diffMiddle(midA, midB));
  out.push(...a.slice(a.length - tail).map((text): SourceLine => ({ kind: "same", text })));
  return out;
}

function diffMiddle(a: string[], b: string[]): SourceLine[] {
  if (a.length * b.length > MAX_LCS_CELLS) {
    return [
      ...a.map((text): SourceLine => ({ kind: "removed", text })),
      ...b.map((text): SourceLine => ({ kind: "added", text })),
    ];
  }
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] as number) + 1
          : Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number);
    }
  }
  const out: SourceLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: "same", text: a[i] as string });
      i++;
      j++;
    } else if ((table[(i + 1) * width + j] as number) >= (table[i * width + j + 1] as number)) {
      out.push({ kind: "removed", text: a[i++] as string });
    } else {
      out.push({ kind: "added", text: b[j++] as string });
    }
  }
  while (i < a.length) out.push({ kind: "removed", text: a[i++] as string });
  while (j < b.length) out.push({ kind: "added", text: b[j++] as string });
  return out;
}
