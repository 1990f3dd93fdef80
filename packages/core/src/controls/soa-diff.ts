import type { SoaRow } from "@openaims/contracts";
import { canonicalJson } from "../audit/canonical-json.js";

export interface SoaFieldChange {
  field: keyof SoaRow;
  before: unknown;
  after: unknown;
}

export interface SoaRowsDiff {
  added: SoaRow[];
  removed: SoaRow[];
  changed: { ref: string; title: string; changes: SoaFieldChange[] }[];
}

/** Rows matched by ref: which were added, removed, and which fields of the others changed. */
export function diffSoaRows(before: readonly SoaRow[], after: readonly SoaRow[]): SoaRowsDiff {
  const beforeByRef = new Map(before.map((row) => [row.ref, row]));
  const afterRefs = new Set(after.map((row) => row.ref));
  const diff: SoaRowsDiff = { added: [], removed: before.filter((row) => !afterRefs.has(row.ref)), changed: [] };
  for (const row of after) {
    const old = beforeByRef.get(row.ref);
    if (!old) {
      diff.added.push(row);
      continue;
    }
    const fields = [...new Set([...Object.keys(old), ...Object.keys(row)])] as (keyof SoaRow)[];
    const changes = fields
      .filter((field) => canonicalJson(old[field] ?? null) !== canonicalJson(row[field] ?? null))
      .map((field) => ({ field, before: old[field] ?? null, after: row[field] ?? null }));
    if (changes.length > 0) diff.changed.push({ ref: row.ref, title: row.title, changes });
  }
  return diff;
}

const listed = (refs: string[]) => (refs.length > 5 ? `${refs.slice(0, 5).join(", ")} …` : refs.join(", "));

/** A one-line change summary for a new version, e.g. "2 changed (A.2.2, A.6.2.4); 1 added (C-1)". */
export function summarizeSoaDiff(diff: SoaRowsDiff, isFirst: boolean): string {
  if (isFirst) return "First approved version.";
  const parts: string[] = [];
  if (diff.changed.length) parts.push(`${diff.changed.length} changed (${listed(diff.changed.map((c) => c.ref))})`);
  if (diff.added.length) parts.push(`${diff.added.length} added (${listed(diff.added.map((r) => r.ref))})`);
  if (diff.removed.length) parts.push(`${diff.removed.length} removed (${listed(diff.removed.map((r) => r.ref))})`);
  return parts.length ? `${parts.join("; ")}.` : "Re-approved without changes.";
}
