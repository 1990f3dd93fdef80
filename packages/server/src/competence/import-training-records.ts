import { randomUUID } from "node:crypto";
import { fieldMessage, type Routes } from "@openaims/contracts";
import {
  diffChanges,
  type ExistingTraining,
  type PlannedTrainingRow,
  planTrainingImport,
  todayUtc,
  trainingMatchKey,
} from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { creationChanges, runImport } from "../inventory/import-runner.js";
import { activeMemberIdsByEmail } from "../inventory/owners.js";
import { renewalMonthsByCourse } from "./training-record-queries.js";

/** Rows per insert: nine parameters each. */
const CHUNK = 1000;

/** The organisation's live training records by member, course and completion date. */
async function existingTraining(tx: Kysely<Database>, orgId: string): Promise<Map<string, ExistingTraining>> {
  const rows = await tx
    .selectFrom("training_records")
    .select(["id", "member_id", "course", "completed_on", "provider", "expires_on", "notes"])
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null)
    .execute();
  return new Map(
    rows.map((row) => [
      trainingMatchKey(row.member_id, row.course, row.completed_on),
      { id: row.id, provider: row.provider, expiresOn: row.expires_on, notes: row.notes },
    ]),
  );
}

/** Writes the new and changed records of a valid plan; one audit event per record. */
async function applyPlan(
  tx: Kysely<Database>,
  orgId: string,
  recordedBy: string,
  rows: PlannedTrainingRow[],
): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  const inserts = [];
  for (const { action, values, existing } of rows) {
    if (!values || (action !== "create" && action !== "update")) continue;
    if (existing) {
      const after = { provider: values.provider, expires_on: values.expiresOn, notes: values.notes };
      const before = { provider: existing.provider, expires_on: existing.expiresOn, notes: existing.notes };
      await tx
        .updateTable("training_records")
        .set((eb) => ({ ...after, version: eb("version", "+", 1), updated_at: new Date() }))
        .where("org_id", "=", orgId)
        .where("id", "=", existing.id)
        .execute();
      events.push({
        action: "training_record.updated",
        entityType: "training_record",
        entityId: existing.id,
        changes: diffChanges(before, after),
      });
      continue;
    }
    const record = {
      id: randomUUID(),
      org_id: orgId,
      member_id: values.memberId,
      course: values.course,
      provider: values.provider,
      completed_on: values.completedOn,
      expires_on: values.expiresOn,
      notes: values.notes,
      recorded_by_member_id: recordedBy,
    };
    inserts.push(record);
    const { id: _id, org_id: _org, recorded_by_member_id: _by, ...shown } = record;
    events.push({
      action: "training_record.created",
      entityType: "training_record",
      entityId: record.id,
      changes: creationChanges(shown),
    });
  }
  for (let i = 0; i < inserts.length; i += CHUNK)
    await tx
      .insertInto("training_records")
      .values(inserts.slice(i, i + CHUNK))
      .execute();
  return events;
}

/**
 * Imports training records from CSV or XLSX. A dry run (the default) reports what each row would
 * do; applying a file with any bad row changes nothing and answers 400 listing every row's problem.
 */
export const importTrainingRecords: Handler<Routes["importTrainingRecords"]> = async (ctx) => {
  const { tx, org } = ctx;
  const report = await runImport(ctx, {
    actionPrefix: "training_record",
    entityType: "training_record",
    plan: async (sheet) =>
      planTrainingImport(sheet, {
        memberIdByEmail: await activeMemberIdsByEmail(tx, org.orgId),
        renewalMonthsByCourse: await renewalMonthsByCourse(tx, org.orgId),
        existing: await existingTraining(tx, org.orgId),
        today: todayUtc(),
      }),
    apply: (rows) => applyPlan(tx, org.orgId, org.membershipId, rows),
  });
  if (!ctx.input.query.dryRun && !report.valid) {
    const rows = new Set(report.errors.map((e) => e.row)).size;
    const first = report.errors[0]?.message ?? "the file could not be read";
    throw new AppError(
      "validation_failed",
      `${report.summary.errors} ${report.summary.errors === 1 ? "problem" : "problems"} in ${rows} ${rows === 1 ? "place" : "places"} of the file; nothing was imported. First, ${first}.`,
      {
        fields: report.errors
          .slice(0, 200)
          .map((e) =>
            fieldMessage(
              `body.rows.${e.row ?? 0}.${e.column ?? "file"}`,
              e.message,
              e.row === null ? "File" : `Row ${e.row}`,
            ),
          ),
        rows: report.errors,
        report,
      },
    );
  }
  return report;
};
