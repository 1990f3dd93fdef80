import { type Cursor, decodeCursor, encodeCursor } from "@openaims/core";
import { type Expression, type SqlBool, sql } from "kysely";
import { invalidField } from "./invalid-fields.js";

/** A list's sort: a column, its direction, and the unique column that breaks ties. */
export interface KeysetSort {
  column: string;
  direction: "asc" | "desc";
  idColumn: string;
}

/** Parses `name` / `-name` into a sort over the mapped column. */
export function keysetSort(sort: string, columns: Record<string, string>, idColumn: string): KeysetSort {
  const direction = sort.startsWith("-") ? "desc" : "asc";
  const column = columns[sort.replace(/^-/, "")];
  if (!column) throw invalidField("query.sort", "is not a column this list can be sorted by", "Sort order");
  return { column, direction, idColumn };
}

export function parseCursor(raw: string | undefined): Cursor | null {
  if (raw === undefined) return null;
  const cursor = decodeCursor(raw);
  if (!cursor) {
    throw invalidField("query.cursor", "is not a position in this list; load the list again", "Page");
  }
  return cursor;
}

/** The condition "after the cursor" for a keyset page. */
export function afterCursor(sort: KeysetSort, cursor: Cursor): Expression<SqlBool> {
  const op = sql.raw(sort.direction === "asc" ? ">" : "<");
  const col = sql.ref(sort.column);
  const id = sql.ref(sort.idColumn);
  if (cursor.k === null) return sql<SqlBool>`(${col} is null and ${id} ${op} ${cursor.id})`;
  return sql<SqlBool>`(${col} ${op} ${cursor.k} or (${col} = ${cursor.k} and ${id} ${op} ${cursor.id}))`;
}

/** Cuts the extra row fetched to detect a next page, and builds its cursor. */
export function pageOf<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => Cursor,
  present: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(present),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

/** Dates in cursors travel as ISO strings. */
export function cursorValue(value: unknown): string | number | null {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number" || typeof value === "string") return value;
  return null;
}
