import { randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { nextRef } from "../records/next-ref.js";
import { invalidBody } from "../risks/field-errors.js";
import { checkAuditWriteAccess } from "./audit-write-access.js";
import {
  loadAuditCounts,
  loadProgrammeDetail,
  lockProgramme,
  presentProgramme,
  programmeQuery,
} from "./programme-queries.js";

/** Audit programmes, newest period first; archived ones only when asked for. */
export const listAuditProgrammes: Handler<Routes["listAuditProgrammes"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, archived } = input.query;
  const sort = keysetSort("-periodStart", { periodStart: "p.period_start" }, "p.id");
  const cursor = parseCursor(rawCursor);
  let query = programmeQuery(tx, org.orgId);
  if (archived === "false") query = query.where("p.archived_at", "is", null);
  if (archived === "true") query = query.where("p.archived_at", "is not", null);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("p.period_start", "desc")
    .orderBy("p.id", "desc")
    .limit(limit + 1)
    .execute();
  const counts = await loadAuditCounts(
    tx,
    org.orgId,
    rows.map((row) => row.id),
  );
  return pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row.period_start), id: row.id }),
    (row) => presentProgramme(row, counts.get(row.id)),
  );
};

export const getAuditProgramme: Handler<Routes["getAuditProgramme"]> = async ({ tx, org, input }) =>
  loadProgrammeDetail(tx, org.orgId, input.params.programmeId);

/** Plans a programme (AP-n) for a period. */
export const createAuditProgramme: Handler<Routes["createAuditProgramme"]> = async ({ tx, org, input, audit }) => {
  checkAuditWriteAccess(org, null);
  const body = input.body;
  const id = randomUUID();
  const ref = await nextRef(tx, org.orgId, "audit_programme", "AP");
  await tx
    .insertInto("audit_programmes")
    .values({
      id,
      org_id: org.orgId,
      ref,
      title: body.title,
      period_start: body.periodStart,
      period_end: body.periodEnd,
      frequency: body.frequency,
      objectives: body.objectives,
      methods: body.methods,
      responsibilities: body.responsibilities,
      reporting: body.reporting,
      created_by_member_id: org.membershipId,
      archived_at: null,
      archive_reason: null,
    })
    .execute();
  await audit({
    action: "audit_programme.created",
    entityType: "audit_programme",
    entityId: id,
    changes: diffChanges(null, { ref, ...body }),
  });
  return loadProgrammeDetail(tx, org.orgId, id);
};

/** Changes a programme; its period must still hold every audit planned under it. */
export const updateAuditProgramme: Handler<Routes["updateAuditProgramme"]> = async ({ tx, org, input, audit }) => {
  checkAuditWriteAccess(org, null);
  const { version, ...fields } = input.body;
  const row = await lockProgramme(tx, org.orgId, input.params.programmeId, version);
  if (row.archived_at)
    throw new AppError("illegal_transition", `Audit programme ${row.ref} is archived and can no longer change.`);
  const before = {
    title: row.title,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    frequency: row.frequency,
    objectives: row.objectives,
    methods: row.methods,
    responsibilities: row.responsibilities,
    reporting: row.reporting,
  };
  const after = { ...before, ...fields };
  if (after.periodEnd < after.periodStart)
    throw invalidBody([{ field: "periodEnd", message: "must be on or after the period start" }]);
  const outside = await tx
    .selectFrom("internal_audits")
    .select(["ref", "planned_start", "planned_end"])
    .where("org_id", "=", org.orgId)
    .where("programme_id", "=", row.id)
    .where("status", "!=", "cancelled")
    .where((eb) => eb.or([eb("planned_start", "<", after.periodStart), eb("planned_end", ">", after.periodEnd)]))
    .orderBy("planned_start")
    .execute();
  if (outside.length > 0) {
    const names = outside.map((a) => `${a.ref} (${a.planned_start} to ${a.planned_end})`).join(", ");
    throw invalidBody([
      {
        field: "periodStart",
        message: `would leave ${names} outside the programme's period; move or cancel those audits first`,
      },
    ]);
  }
  const changes = diffChanges(before, after);
  if (Object.keys(changes).length > 0) {
    await tx
      .updateTable("audit_programmes")
      .set({
        title: after.title,
        period_start: after.periodStart,
        period_end: after.periodEnd,
        frequency: after.frequency,
        objectives: after.objectives,
        methods: after.methods,
        responsibilities: after.responsibilities,
        reporting: after.reporting,
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where("id", "=", row.id)
      .execute();
    await audit({ action: "audit_programme.updated", entityType: "audit_programme", entityId: row.id, changes });
  }
  return loadProgrammeDetail(tx, org.orgId, row.id);
};

/** Archives a programme with a reason; its audits stay as they are, and no new ones are planned under it. */
export const archiveAuditProgramme: Handler<Routes["archiveAuditProgramme"]> = async ({ tx, org, input, audit }) => {
  checkAuditWriteAccess(org, null);
  const row = await lockProgramme(tx, org.orgId, input.params.programmeId, input.body.version);
  if (row.archived_at) throw new AppError("illegal_transition", `Audit programme ${row.ref} is already archived.`);
  await tx
    .updateTable("audit_programmes")
    .set({
      archived_at: new Date(),
      archive_reason: input.body.reason,
      version: row.version + 1,
      updated_at: new Date(),
    })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "audit_programme.archived",
    entityType: "audit_programme",
    entityId: row.id,
    changes: { archiveReason: { before: null, after: input.body.reason } },
  });
  return loadProgrammeDetail(tx, org.orgId, row.id);
};
