import { randomUUID } from "node:crypto";
import type { Routes } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { invalidField } from "../http/invalid-fields.js";
import { auditActorOf } from "../http/register-routes.js";
import { enqueueJob } from "../jobs/enqueue-job.js";
import { nextRef } from "../records/next-ref.js";
import { resolveScanSystem } from "../redteam/scan-system.js";
import { findDatasetAsset, findDriftReport, findDriftSample, presentDriftReport } from "./drift-queries.js";
import { DRIFT_REPORT_JOB, type DriftReportJobPayload } from "./drift-report-job.js";
import { deriveTelemetrySample } from "./drift-sample-handlers.js";

/**
 * Starts a server-side report: checks the samples belong to the dataset (deriving the current sample
 * from telemetry when a window is given), records the report as running, and enqueues the job that
 * computes it, committed with the row.
 */
export const runDriftReport: Handler<Routes["runDriftReport"]> = async ({
  tx,
  org,
  actor,
  input,
  audit,
  deps,
  requestId,
}) => {
  const body = input.body;
  const asset = await findDatasetAsset(tx, org.orgId, body.assetId);
  const system = body.systemId ? await resolveScanSystem(tx, org.orgId, body.systemId, { active: true }) : null;
  const reference = await findDriftSample(tx, org.orgId, body.referenceSampleId);
  if (reference.asset_id !== asset.id)
    throw invalidField("body.referenceSampleId", `is a sample of '${reference.asset_name}', not of '${asset.name}'`);
  let currentSampleId: string;
  if (body.currentSampleId) {
    const current = await findDriftSample(tx, org.orgId, body.currentSampleId);
    if (current.asset_id !== asset.id)
      throw invalidField("body.currentSampleId", `is a sample of '${current.asset_name}', not of '${asset.name}'`);
    currentSampleId = current.id;
  } else if (body.window) {
    currentSampleId = await deriveTelemetrySample(
      { tx, orgId: org.orgId, membershipId: org.membershipId, blobs: deps.blobs, audit },
      { assetId: asset.id, role: "current", window: body.window },
      "body.window",
    );
  } else {
    throw new AppError("validation_failed", "Give a current sample or a telemetry window.");
  }
  const id = randomUUID();
  const ref = await nextRef(tx, org.orgId, "drift_report", "DR");
  const title = body.title ?? `${asset.name}: reference against current`;
  await tx
    .insertInto("drift_reports")
    .values({
      id,
      org_id: org.orgId,
      ref,
      system_id: system?.id ?? null,
      asset_id: asset.id,
      title,
      origin: "server",
      status: "running",
      reference_sample_id: reference.id,
      current_sample_id: currentSampleId,
      created_by_member_id: org.membershipId,
    })
    .execute();
  const payload: DriftReportJobPayload = {
    reportId: id,
    columns: body.columns ?? null,
    membershipId: org.membershipId,
    actor: auditActorOf(actor),
    requestId,
  };
  await enqueueJob(tx, { kind: DRIFT_REPORT_JOB, key: id, orgId: org.orgId, payload: { ...payload }, maxAttempts: 3 });
  await audit({
    action: "drift_report.started",
    entityType: "drift_report",
    entityId: id,
    changes: diffChanges(null, {
      ref,
      title,
      asset: asset.name,
      system: system?.slug ?? null,
      referenceSampleId: reference.id,
      currentSampleId,
      status: "running",
    }),
  });
  return presentDriftReport(await findDriftReport(tx, org.orgId, id));
};
