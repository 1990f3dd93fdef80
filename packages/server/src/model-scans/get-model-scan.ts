import type { ModelScanDetail, ModelScanReport, Routes } from "@openaims/contracts";
import { sql } from "kysely";
import { notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { findModelScan, modelFindingQuery, presentModelFinding, presentModelScan } from "./model-scan-queries.js";

/** A scan with the files it read and its findings, most severe first, then by file and place. */
export const getModelScan: Handler<Routes["getModelScan"]> = async ({ tx, org, input }) => {
  const row = await findModelScan(tx, org.orgId, input.params.modelScanId);
  const stored = await tx
    .selectFrom("model_scans")
    .select(["files", sql<ModelScanReport["roots"]>`report->'roots'`.as("roots")])
    .where("org_id", "=", org.orgId)
    .where("id", "=", row.id)
    .executeTakeFirst();
  if (!stored) throw notFound("Model scan", input.params.modelScanId);
  const findings = await modelFindingQuery(tx, org.orgId)
    .where("f.scan_id", "=", row.id)
    .orderBy("f.severity_rank", "desc")
    .orderBy("f.file_path")
    .orderBy("f.location")
    .orderBy("f.rule_id")
    .execute();
  const files = stored.files as unknown as ModelScanDetail["files"];
  return {
    ...presentModelScan(row),
    roots: stored.roots ?? [],
    files: files.map((file) => ({ ...file, status: file.status ?? "scanned", error: file.error ?? null })),
    findings: findings.map(presentModelFinding),
  };
};
