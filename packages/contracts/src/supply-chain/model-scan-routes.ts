import { z } from "zod";
import { idSchema, pageQuerySchema, pageSchema } from "../common.js";
import { defineRoute } from "../route.js";
import {
  dismissModelFindingRequestSchema,
  MODEL_SCAN_UPLOAD_MAX_BYTES,
  modelScanDetailSchema,
  modelScanFindingRecordSchema,
  modelScanListQuerySchema,
  modelScanSchema,
  raiseFromModelFindingRequestSchema,
  scanModelFileQuerySchema,
  uploadModelScanRequestSchema,
} from "./model-scan-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const scanParams = z.object({ orgId: idSchema, modelScanId: idSchema });
const findingParams = z.object({ orgId: idSchema, modelFindingId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;
const tag = "model-scans";

/**
 * The ceiling of a model file uploaded for a server-side scan; the server's own limit
 * (AIMS_MODEL_UPLOAD_MAX_BYTES, 512 MiB by default) is usually lower.
 */
export const MODEL_FILE_UPLOAD_CEILING_BYTES = 64 * 1024 * 1024 * 1024;

/** Routes of model scans: uploaded or server-side scans of model files, and their findings. */
export const modelScanRoutes = {
  listModelScans: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/model-scans",
    summary: "List model scans, newest first, optionally of one asset or AI system",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(modelScanListQuerySchema.shape),
    response: pageSchema(modelScanSchema),
  }),
  uploadModelScan: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/model-scans",
    summary:
      "Record the JSON report `aims model scan` wrote for an asset: its findings, and one evidence record on the supply-chain and data controls. The same report sent again for the same asset answers 200 with the scan already recorded",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: uploadModelScanRequestSchema,
    bodyLimit: MODEL_SCAN_UPLOAD_MAX_BYTES,
    response: modelScanSchema,
    status: 201,
  }),
  scanModelFile: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/model-scans/file",
    summary:
      "Scan one model file on the server: the raw bytes are the body (application/octet-stream), streamed to a temporary file, scanned and deleted; larger than AIMS_MODEL_UPLOAD_MAX_BYTES answers 413",
    tag,
    access: write,
    write: true,
    params: orgParams,
    query: scanModelFileQuerySchema,
    upload: { maxBytes: MODEL_FILE_UPLOAD_CEILING_BYTES, spool: true },
    response: modelScanSchema,
    status: 201,
  }),
  getModelScan: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/model-scans/:modelScanId",
    summary: "Read a scan with the files it read and its findings, most severe first",
    tag,
    access: read,
    write: false,
    params: scanParams,
    response: modelScanDetailSchema,
  }),
  downloadModelScanReport: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/model-scans/:modelScanId/report.json",
    summary: "Download the scan's JSON report as the scanner wrote it (its SHA-256 is sent as X-Content-SHA256)",
    tag,
    access: read,
    write: false,
    params: scanParams,
    response: null,
    produces: "application/json",
  }),
  downloadModelScanSarif: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/model-scans/:modelScanId/report.sarif",
    summary: "Download the scan's findings as SARIF 2.1.0, for code-scanning tools",
    tag,
    access: read,
    write: false,
    params: scanParams,
    response: null,
    produces: "application/sarif+json",
  }),
  raiseRiskFromModelFinding: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/model-scans/findings/:modelFindingId/raise-risk",
    summary:
      "Add a risk from a model scan finding, on the scan's system, rated from its severity and linked to the scan's evidence",
    tag,
    access: write,
    write: true,
    params: findingParams,
    body: raiseFromModelFindingRequestSchema,
    response: modelScanFindingRecordSchema,
  }),
  raiseNonconformityFromModelFinding: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/model-scans/findings/:modelFindingId/raise-nonconformity",
    summary: "Record a nonconformity from a model scan finding",
    tag,
    access: write,
    write: true,
    params: findingParams,
    body: raiseFromModelFindingRequestSchema,
    response: modelScanFindingRecordSchema,
  }),
  dismissModelFinding: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/model-scans/findings/:modelFindingId/dismiss",
    summary: "Dismiss a model scan finding with a reason (a false positive, or accepted after review)",
    tag,
    access: write,
    write: true,
    params: findingParams,
    body: dismissModelFindingRequestSchema,
    response: modelScanFindingRecordSchema,
  }),
} as const;
