/**
 * Opaque list cursors: the sort key and id of the last item returned, base64url-encoded.
 * A malformed cursor decodes to null so the route can answer 400 naming `cursor`.
 */
export interface Cursor {
  /** Value of the sort column of the last item. */
  k: string | number | null;
  /** Id (or sequence) of the last item, the tie-breaker. */
  id: string | number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(raw: string): Cursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (typeof value !== "object" || value === null) return null;
    const { k, id } = value as Record<string, unknown>;
    const okKey = k === null || typeof k === "string" || typeof k === "number";
    const okId = typeof id === "string" || typeof id === "number";
    return okKey && okId ? { k: k as Cursor["k"], id: id as Cursor["id"] } : null;
  } catch {
    return null;
  }
}
