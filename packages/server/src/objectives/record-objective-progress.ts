import { randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidBody } from "../risks/field-errors.js";
import { loadObjectiveDetail, lockObjective } from "./objective-queries.js";

/** Clocks differ a little; a reading up to five minutes ahead of the server's clock is accepted. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Records a progress reading. A measure read by hand takes the value typed in; a metric measure
 * takes the metric's latest observation at or before the time asked for (now by default), with that
 * observation's time, so the history shows what the metric said.
 */
export const recordObjectiveProgress: Handler<Routes["recordObjectiveProgress"]> = async ({
  tx,
  org,
  input,
  audit,
}) => {
  const body = input.body;
  const row = await lockObjective(tx, org.orgId, input.params.objectiveId);
  if (row.archived_at)
    throw new AppError("illegal_transition", `Objective ${row.ref} is archived; it takes no more readings.`);
  const asked = body.recordedAt ? new Date(body.recordedAt) : new Date();
  if (asked.getTime() > Date.now() + FUTURE_TOLERANCE_MS)
    throw invalidBody([{ field: "recordedAt", message: "must not be in the future" }]);
  if (body.source !== row.measure_kind)
    throw invalidBody([
      {
        field: "source",
        message:
          row.measure_kind === "metric"
            ? "must be metric: this objective is measured by a monitored metric, so its readings come from the metric"
            : "must be manual: this objective is measured by hand, so its readings are typed in",
      },
    ]);

  let reading: { value: number; at: Date };
  if (body.source === "manual") reading = { value: body.value, at: asked };
  else {
    const observation = row.metric_id
      ? await tx
          .selectFrom("metric_observations")
          .select(["value", "at"])
          .where("metric_id", "=", row.metric_id)
          .where("at", "<=", asked)
          .orderBy("at", "desc")
          .limit(1)
          .executeTakeFirst()
      : undefined;
    if (!observation)
      throw new AppError(
        "conflict",
        `The metric of ${row.ref} has no observation at or before ${asked.toISOString()}; push observations first.`,
      );
    reading = { value: observation.value, at: observation.at };
  }
  const id = randomUUID();
  await tx
    .insertInto("objective_progress")
    .values({
      id,
      org_id: org.orgId,
      objective_id: row.id,
      recorded_at: reading.at,
      value: reading.value,
      note: body.note,
      source: body.source,
      recorded_by_member_id: org.membershipId,
    })
    .execute();
  await audit({
    action: "objective.progress_recorded",
    entityType: "objective",
    entityId: row.id,
    changes: diffChanges(null, {
      readingId: id,
      value: reading.value,
      recordedAt: reading.at.toISOString(),
      source: body.source,
      note: body.note,
    }),
  });
  return loadObjectiveDetail(tx, org.orgId, row.id);
};
