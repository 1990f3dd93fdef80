import { type ImportError, trainingImportRowSchema } from "@openaims/contracts";
import { dateCell } from "../inventory/import-cells.js";
import {
  type ImportPlan,
  importError,
  importParseOptions,
  type PlannedImportRow,
  planImport,
  type SheetTable,
} from "../inventory/import-plan.js";
import { courseKey, defaultTrainingExpiry } from "./training-expiry.js";

/** The columns of a training records file, in the order a template lists them. */
export const trainingImportColumns = ["member", "course", "provider", "completed", "expires", "notes"] as const;

/** One training record as a file row gives it, with the member found by e-mail. */
export interface TrainingImportValues {
  memberId: string;
  email: string;
  course: string;
  provider: string;
  completedOn: string;
  expiresOn: string | null;
  notes: string;
}

/** A record already stored for the same member, course and completion date: the row updates it. */
export interface ExistingTraining {
  id: string;
  provider: string;
  expiresOn: string | null;
  notes: string;
}

export type PlannedTrainingRow = PlannedImportRow<TrainingImportValues, ExistingTraining>;

/** What rows are checked against. */
export interface TrainingImportLookups {
  /** Active members by lower-case e-mail → membership id. */
  memberIdByEmail: ReadonlyMap<string, string>;
  /** Renewal months of the requirements of each course, by `courseKey`. */
  renewalMonthsByCourse: ReadonlyMap<string, readonly (number | null)[]>;
  /** Stored records by `trainingMatchKey`. */
  existing: ReadonlyMap<string, ExistingTraining>;
  /** Today, 'YYYY-MM-DD': nothing can have been completed later. */
  today: string;
}

/** The key a stored record and a row are matched by: member, course (ignoring case) and completion date. */
export function trainingMatchKey(memberId: string, course: string, completedOn: string): string {
  return `${memberId}|${courseKey(course)}|${completedOn}`;
}

function planRow(cells: ReadonlyMap<string, string>, row: number, lookups: TrainingImportLookups): PlannedTrainingRow {
  const errors: ImportError[] = [];
  const email = (cells.get("member") ?? "").trim().toLowerCase();
  const memberId = email === "" ? undefined : lookups.memberIdByEmail.get(email);
  if (email === "") errors.push(importError(row, "member", "required — the member's e-mail"));
  else if (!memberId)
    errors.push(importError(row, "member", `no active member of this organisation has the e-mail ${email}`));

  const parsed = trainingImportRowSchema.safeParse(
    {
      course: cells.get("course") ?? "",
      provider: cells.get("provider") ?? "",
      completed: dateCell(cells.get("completed") ?? "") ?? "",
      expires: dateCell(cells.get("expires") ?? ""),
      notes: cells.get("notes") ?? "",
    },
    importParseOptions,
  );
  if (!parsed.success)
    for (const issue of parsed.error.issues) errors.push(importError(row, String(issue.path[0]), issue.message));
  else if (parsed.data.completed > lookups.today)
    errors.push(importError(row, "completed", "must not be in the future"));

  const course = parsed.success ? parsed.data.course : (cells.get("course") ?? "").trim();
  const completed = parsed.success ? parsed.data.completed : (cells.get("completed") ?? "").trim();
  const key = `${email} · ${courseKey(course)} · ${completed}`;
  if (errors.length > 0 || !parsed.success || !memberId)
    return { row, key, name: course, action: "invalid", values: null, existing: null, errors };

  const data = parsed.data;
  const values: TrainingImportValues = {
    memberId,
    email,
    course: data.course,
    provider: data.provider,
    completedOn: data.completed,
    expiresOn:
      data.expires ??
      defaultTrainingExpiry(data.completed, lookups.renewalMonthsByCourse.get(courseKey(data.course)) ?? []),
    notes: data.notes,
  };
  const existing = lookups.existing.get(trainingMatchKey(memberId, data.course, data.completed)) ?? null;
  const same =
    existing !== null &&
    existing.provider === values.provider &&
    existing.expiresOn === values.expiresOn &&
    existing.notes === values.notes;
  return {
    row,
    key,
    name: data.course,
    action: existing === null ? "create" : same ? "unchanged" : "update",
    values,
    existing,
    errors,
  };
}

/**
 * Checks a training records file (member e-mail, course, provider, completed, expires, notes) and
 * decides what each row would do: a row for a member, course and completion date already on record
 * updates that record; any other creates one. An empty expires cell takes the renewal period of a
 * requirement for the course. Nothing here writes.
 */
export function planTrainingImport(table: SheetTable, lookups: TrainingImportLookups): ImportPlan<PlannedTrainingRow> {
  return planImport<TrainingImportValues, ExistingTraining, PlannedTrainingRow>(table, {
    columns: trainingImportColumns,
    headingAliases: { email: "member", member_email: "member", completed_on: "completed", expires_on: "expires" },
    keyColumn: "member",
    requiredColumns: ["member", "course", "completed"],
    planRow: (cells, row) => planRow(cells, row, lookups),
  });
}
