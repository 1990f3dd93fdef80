import { canonicalJson } from "./canonical-json.js";

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * The fields that differ between two versions of a record, as before/after pairs.
 * `before` is null for a creation. Fields named in `redact` are recorded as changed, never their values.
 */
export function diffChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  redact: readonly string[] = [],
): AuditChanges {
  const changes: AuditChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const key of keys) {
    const b = before ? (before[key] ?? null) : null;
    const a = after[key] ?? null;
    if (canonicalJson(b) === canonicalJson(a)) continue;
    changes[key] = redact.includes(key)
      ? { before: b === null ? null : "[redacted]", after: a === null ? null : "[redacted]" }
      : { before: b, after: a };
  }
  return changes;
}
