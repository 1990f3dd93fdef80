import { randomUUID } from "node:crypto";
import { type Routes, TRAINING_EXPIRING_DAYS } from "@openaims/contracts";
import { courseKey, defaultTrainingExpiry, diffChanges, todayUtc } from "@openaims/core";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";
import { findEvidence } from "../evidence/evidence-queries.js";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { afterCursor, cursorValue, keysetSort, pageOf, parseCursor } from "../http/keyset.js";
import { assertActiveMember } from "../inventory/owners.js";
import { invalidBody } from "../risks/field-errors.js";
import {
  loadTrainingRecord,
  lockTrainingRecord,
  presentTrainingRecord,
  renewalMonthsByCourse,
  trainingRecordQuery,
} from "./training-record-queries.js";

const DAY_MS = 86_400_000;

function refuseFutureCompletion(completedOn: string, today: string) {
  if (completedOn > today) throw invalidBody([{ field: "completedOn", message: "must not be in the future" }]);
}

async function checkEvidence(db: Kysely<Database>, orgId: string, evidenceId: string | null | undefined) {
  if (evidenceId) await findEvidence(db, orgId, evidenceId);
}

/** Training records, latest completion first, by member, course (ignoring case) and validity today. */
export const listTrainingRecords: Handler<Routes["listTrainingRecords"]> = async ({ tx, org, input }) => {
  const { limit, cursor: rawCursor, memberId, course, validity, archived } = input.query;
  const sort = keysetSort("-completedOn", { completedOn: "t.completed_on" }, "t.id");
  const cursor = parseCursor(rawCursor);
  const today = todayUtc();
  const soon = todayUtc(new Date(Date.parse(`${today}T00:00:00Z`) + TRAINING_EXPIRING_DAYS * DAY_MS));
  let query = trainingRecordQuery(tx, org.orgId);
  if (memberId) query = query.where("t.member_id", "=", memberId);
  if (course) query = query.where(sql<string>`lower(btrim(t.course))`, "=", courseKey(course));
  if (validity === "expired") query = query.where("t.expires_on", "<=", today);
  if (validity === "expiring") query = query.where("t.expires_on", ">", today).where("t.expires_on", "<=", soon);
  if (validity === "current")
    query = query.where((eb) => eb.or([eb("t.expires_on", "is", null), eb("t.expires_on", ">", soon)]));
  if (archived === "active") query = query.where("t.archived_at", "is", null);
  if (archived === "archived") query = query.where("t.archived_at", "is not", null);
  if (cursor) query = query.where(afterCursor(sort, cursor));
  const rows = await query
    .orderBy("t.completed_on", "desc")
    .orderBy("t.id", "desc")
    .limit(limit + 1)
    .execute();
  return pageOf(
    rows,
    limit,
    (row) => ({ k: cursorValue(row.completed_on), id: row.id }),
    (row) => presentTrainingRecord(row, today),
  );
};

export const getTrainingRecord: Handler<Routes["getTrainingRecord"]> = async ({ tx, org, input }) =>
  loadTrainingRecord(tx, org.orgId, input.params.trainingRecordId);

/**
 * Records a completed training of an active member. Without an expiry given, it lasts the shortest
 * renewal period among the requirements for the course (or for good when none asks for renewal).
 */
export const createTrainingRecord: Handler<Routes["createTrainingRecord"]> = async ({ tx, org, input, audit }) => {
  const body = input.body;
  refuseFutureCompletion(body.completedOn, todayUtc());
  await assertActiveMember(tx, org.orgId, body.memberId);
  await checkEvidence(tx, org.orgId, body.evidenceId);
  const renewals = (await renewalMonthsByCourse(tx, org.orgId, body.course)).get(courseKey(body.course)) ?? [];
  const values = {
    member_id: body.memberId,
    course: body.course,
    provider: body.provider,
    completed_on: body.completedOn,
    expires_on: body.expiresOn === undefined ? defaultTrainingExpiry(body.completedOn, renewals) : body.expiresOn,
    evidence_id: body.evidenceId,
    notes: body.notes,
  };
  const id = randomUUID();
  await tx
    .insertInto("training_records")
    .values({ id, org_id: org.orgId, ...values, recorded_by_member_id: org.membershipId })
    .execute();
  await audit({
    action: "training_record.created",
    entityType: "training_record",
    entityId: id,
    changes: diffChanges(null, values),
  });
  return loadTrainingRecord(tx, org.orgId, id);
};

export const updateTrainingRecord: Handler<Routes["updateTrainingRecord"]> = async ({ tx, org, input, audit }) => {
  const { version, ...fields } = input.body;
  const row = await lockTrainingRecord(tx, org.orgId, input.params.trainingRecordId, version);
  if (row.archived_at)
    throw new AppError("illegal_transition", "This training record is archived; record the training again instead.");
  const before = {
    course: row.course,
    provider: row.provider,
    completed_on: row.completed_on,
    expires_on: row.expires_on,
    evidence_id: row.evidence_id,
    notes: row.notes,
  };
  const after = {
    course: fields.course ?? before.course,
    provider: fields.provider ?? before.provider,
    completed_on: fields.completedOn ?? before.completed_on,
    expires_on: fields.expiresOn === undefined ? before.expires_on : fields.expiresOn,
    evidence_id: fields.evidenceId === undefined ? before.evidence_id : fields.evidenceId,
    notes: fields.notes ?? before.notes,
  };
  if (fields.completedOn) refuseFutureCompletion(after.completed_on, todayUtc());
  if (after.expires_on !== null && after.expires_on <= after.completed_on)
    throw invalidBody([{ field: "expiresOn", message: "must be after the completion date" }]);
  if (after.evidence_id !== before.evidence_id) await checkEvidence(tx, org.orgId, after.evidence_id);
  const changes = diffChanges(before, after);
  if (Object.keys(changes).length > 0) {
    await tx
      .updateTable("training_records")
      .set({ ...after, version: row.version + 1, updated_at: new Date() })
      .where("id", "=", row.id)
      .execute();
    await audit({ action: "training_record.updated", entityType: "training_record", entityId: row.id, changes });
  }
  return loadTrainingRecord(tx, org.orgId, row.id);
};

export const archiveTrainingRecord: Handler<Routes["archiveTrainingRecord"]> = async ({ tx, org, input, audit }) => {
  const row = await lockTrainingRecord(tx, org.orgId, input.params.trainingRecordId, input.body.version);
  if (row.archived_at) throw new AppError("illegal_transition", "This training record is already archived.");
  const now = new Date();
  await tx
    .updateTable("training_records")
    .set({ archived_at: now, archive_reason: input.body.reason, version: row.version + 1, updated_at: now })
    .where("id", "=", row.id)
    .execute();
  await audit({
    action: "training_record.archived",
    entityType: "training_record",
    entityId: row.id,
    changes: {
      status: { before: "active", after: "archived" },
      archiveReason: { before: null, after: input.body.reason },
    },
  });
  return loadTrainingRecord(tx, org.orgId, row.id);
};
