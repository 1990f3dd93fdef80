import type { DueItem, ReminderKind } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";

/** What one listing asks for: one organisation, one member or all of them, and how far ahead. */
export interface DueScope {
  db: Kysely<Database>;
  orgId: string;
  /** One member (My work, the calendar feed) or, when null, every member (the reminder scan). */
  memberId: string | null;
  /** 'YYYY-MM-DD', the day that decides what is overdue. */
  today: string;
  /** Last day ('YYYY-MM-DD') a dated item may fall due to be listed; null lists every date. */
  until: string | null;
}

/** Days before the end of validity from which evidence and training count as due. */
export const EXPIRY_WINDOW_DAYS = 30;

/** A due item before the overdue flag is worked out. */
export type DueRow = Omit<DueItem, "overdue">;

/** 'YYYY-MM-DD' `days` after `day` (before, when negative). */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

/** A due item of `kind` for a record. */
export function dueRow(
  kind: ReminderKind,
  recordType: string,
  row: { record_id: string; ref: string | null; title: string; member_id: string; due_date: string | null },
  path: string,
): DueRow {
  return {
    kind,
    recordType,
    recordId: row.record_id,
    ref: row.ref,
    title: row.title,
    memberId: row.member_id,
    dueDate: row.due_date,
    path,
  };
}

/** Rows of the scope's member, or of everyone when it names none (then unowned rows are left out). */
export function ownedBy(column: string, scope: DueScope): RawBuilder<SqlBool> {
  return scope.memberId === null
    ? sql<SqlBool>`${sql.ref(column)} is not null`
    : sql<SqlBool>`${sql.ref(column)} = ${scope.memberId}`;
}

/** Undated rows, and dated rows due on or before the scope's last day. */
export function dueBy(column: string, scope: DueScope): RawBuilder<SqlBool> {
  return scope.until === null
    ? sql<SqlBool>`true`
    : sql<SqlBool>`(${sql.ref(column)} is null or ${sql.ref(column)} <= ${scope.until})`;
}

/** Narrows the owner column that `ownedBy` made non-null. */
export function asOwned<T extends { member_id: string | null }>(row: T): T & { member_id: string } {
  return row as T & { member_id: string };
}
