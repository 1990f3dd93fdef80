import { randomUUID } from "node:crypto";
import type { DriftMetricValue, DriftReport, RaisedAlert } from "@openaims/contracts";
import { diffChanges } from "@openaims/core";
import type { BlobStore, Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditEvent } from "../audit/append-audit-entry.js";
import { insertEvidence } from "../evidence/insert-evidence.js";
import { resolveEvidenceTargets } from "../evidence/resolve-evidence-targets.js";
import { nextRef } from "../records/next-ref.js";
import { DRIFT_CLAUSE, DRIFT_CONTROL, driftEvidenceDescription, driftEvidenceTitle } from "./drift-evidence.js";
import { driftScores } from "./drift-scores.js";
import { recordDriftScores } from "./record-drift-scores.js";

/** Where and as whom a report is recorded: the caller's transaction and audit trail. */
export interface DriftRecorder {
  tx: Kysely<Database>;
  orgId: string;
  membershipId: string | null;
  requestId: string | null;
  audit: (event: AuditEvent) => Promise<void>;
}

export interface FinishedDriftReport {
  system: { id: string; slug: string; name: string } | null;
  assetId: string | null;
  title: string | null;
  origin: "upload" | "server";
  report: DriftReport;
  /** The stored HTML report. */
  html: { sha256: string; size: number };
  /** The row of a server-side report that has been running; absent for an upload. */
  runningReportId?: string;
  referenceSampleId?: string | null;
  currentSampleId?: string | null;
}

/** Stores an HTML report in blob storage; returns its address and size. */
export async function storeDriftHtml(blobs: BlobStore, html: string): Promise<{ sha256: string; size: number }> {
  const stored = await blobs.put(Buffer.from(html, "utf8"));
  return { sha256: stored.sha256, size: stored.size };
}

/** The org's live control records among these references. */
async function liveControlRefs(tx: Kysely<Database>, orgId: string, refs: string[]): Promise<string[]> {
  const rows = await tx
    .selectFrom("controls")
    .select("ref")
    .where("org_id", "=", orgId)
    .where("ref", "in", refs)
    .where("archived_at", "is", null)
    .execute();
  return rows.map((row) => row.ref);
}

/**
 * Records a finished report: the DR-n row (new, or the running one completed), with a system one
 * evidence record holding the HTML file, linked to the system, A.6.2.6 and clause 9.1, and the report's
 * drift scores as observations of the system's drift metrics (alerts raised through the usual flow).
 * Everything in the caller's transaction, with audit entries. Returns the report id.
 */
export async function recordDriftReport(
  recorder: DriftRecorder,
  finished: FinishedDriftReport,
): Promise<{ reportId: string; ref: string; metrics: DriftMetricValue[]; alerts: RaisedAlert[] }> {
  const { tx, orgId, audit } = recorder;
  const { report, system } = finished;
  const completedAt = new Date();
  const title =
    finished.title ??
    `${report.summary.driftedColumns} of ${report.summary.columns} columns drifted: ${report.current.source}`.slice(
      0,
      200,
    );
  const columns = {
    status: "completed",
    summary: JSON.stringify(report),
    html_sha256: finished.html.sha256,
    columns_total: report.summary.columns,
    columns_drifted: report.summary.driftedColumns,
    error: null,
    completed_at: completedAt,
    updated_at: completedAt,
  };
  let reportId: string;
  let ref: string;
  if (finished.runningReportId) {
    const row = await tx
      .updateTable("drift_reports")
      .set((eb) => ({ ...columns, version: eb("version", "+", 1) }))
      .where("org_id", "=", orgId)
      .where("id", "=", finished.runningReportId)
      .returning(["id", "ref"])
      .executeTakeFirstOrThrow();
    reportId = row.id;
    ref = row.ref;
  } else {
    reportId = randomUUID();
    ref = await nextRef(tx, orgId, "drift_report", "DR");
    await tx
      .insertInto("drift_reports")
      .values({
        id: reportId,
        org_id: orgId,
        ref,
        system_id: system?.id ?? null,
        asset_id: finished.assetId,
        title,
        origin: finished.origin,
        reference_sample_id: finished.referenceSampleId ?? null,
        current_sample_id: finished.currentSampleId ?? null,
        created_by_member_id: recorder.membershipId,
        ...columns,
      })
      .execute();
  }

  let evidenceId: string | null = null;
  let metrics: DriftMetricValue[] = [];
  let alerts: RaisedAlert[] = [];
  if (system) {
    const targets = await resolveEvidenceTargets(
      tx,
      orgId,
      {
        controlIds: await liveControlRefs(tx, orgId, [DRIFT_CONTROL]),
        clauseIds: [DRIFT_CLAUSE],
        riskIds: [],
        systemIds: [system.id],
      },
      "body",
    );
    evidenceId = await insertEvidence(
      tx,
      orgId,
      {
        kind: "file",
        source: "engine",
        title: driftEvidenceTitle(ref, system.name, report),
        description: driftEvidenceDescription(ref, report, finished.html.sha256),
        url: null,
        body: null,
        file: {
          sha256: finished.html.sha256,
          size: finished.html.size,
          mediaType: "text/html",
          filename: `${ref}-drift-report.html`,
        },
        collectedAt: new Date(Math.min(Date.parse(report.generatedAt), completedAt.getTime())),
        explicitValidUntil: null,
        createdByMemberId: recorder.membershipId,
        targets,
      },
      audit,
    );
    await tx.updateTable("drift_reports").set({ evidence_id: evidenceId }).where("id", "=", reportId).execute();
    ({ values: metrics, alerts } = await recordDriftScores(
      tx,
      {
        orgId,
        systemId: system.id,
        membershipId: recorder.membershipId,
        requestId: recorder.requestId,
        audit,
      },
      driftScores(report),
      completedAt,
    ));
  }
  await audit({
    action: "drift_report.recorded",
    entityType: "drift_report",
    entityId: reportId,
    changes: diffChanges(null, {
      ref,
      system: system?.slug ?? null,
      origin: finished.origin,
      status: "completed",
      columns: report.summary.columns,
      driftedColumns: report.summary.driftedColumns,
      drifted: report.summary.drifted.join(", "),
      htmlSha256: finished.html.sha256,
      evidenceId,
      alerts: alerts.map((a) => a.ref).join(", ") || null,
    }),
  });
  return { reportId, ref, metrics, alerts };
}
