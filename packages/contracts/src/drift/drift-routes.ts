import { z } from "zod";
import { idSchema, pageQuerySchema, pageSchema } from "../common.js";
import { defineRoute } from "../route.js";
import {
  DRIFT_SAMPLE_MAX_BYTES,
  DRIFT_UPLOAD_MAX_BYTES,
  deriveDriftSampleRequestSchema,
  driftReportListQuerySchema,
  driftReportRowSchema,
  driftSampleListQuerySchema,
  driftSampleSchema,
  runDriftReportRequestSchema,
  uploadDriftSampleQuerySchema,
} from "./drift-schemas.js";
import { driftReportDetailSchema, uploadDriftReportRequestSchema } from "./drift-upload-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const reportParams = z.object({ orgId: idSchema, reportId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;
const tag = "drift";

/** Routes of drift reports and the data samples they compare. */
export const driftRoutes = {
  listDriftReports: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/drift-reports",
    summary: "List drift reports, newest first, optionally of one AI system or dataset",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(driftReportListQuerySchema.shape),
    response: pageSchema(driftReportRowSchema),
  }),
  uploadDriftReport: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/drift-reports",
    summary:
      "Record a drift report made by `aims drift report`: its JSON summary and HTML report, filed as evidence on the system's monitoring controls, with its drift scores as metric observations",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: uploadDriftReportRequestSchema,
    bodyLimit: DRIFT_UPLOAD_MAX_BYTES,
    response: driftReportRowSchema,
    status: 201,
  }),
  runDriftReport: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/drift-reports/run",
    summary:
      "Compute a drift report on the server: a dataset's reference sample against a current sample or a window of telemetry; it runs in the background",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: runDriftReportRequestSchema,
    response: driftReportRowSchema,
    status: 202,
  }),
  getDriftReport: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/drift-reports/:reportId",
    summary: "Read a drift report with its JSON summary and the metric values it recorded",
    tag,
    access: read,
    write: false,
    params: reportParams,
    response: driftReportDetailSchema,
  }),
  getDriftReportHtml: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/drift-reports/:reportId/html",
    summary: "The HTML report, checked against its SHA-256, served sandboxed with a strict Content-Security-Policy",
    tag,
    access: read,
    write: false,
    params: reportParams,
    response: null,
    produces: "text/html",
  }),
  listDriftSamples: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/drift-samples",
    summary: "List data samples of dataset assets, newest first",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(driftSampleListQuerySchema.shape),
    response: pageSchema(driftSampleSchema),
  }),
  uploadDriftSample: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/drift-samples",
    summary:
      "Store a data sample (CSV, Parquet or JSON Lines; the raw bytes are the body) as the reference or current data of a dataset asset",
    tag,
    access: write,
    write: true,
    params: orgParams,
    query: uploadDriftSampleQuerySchema,
    upload: { maxBytes: DRIFT_SAMPLE_MAX_BYTES },
    response: driftSampleSchema,
    status: 201,
  }),
  deriveDriftSample: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/drift-samples/telemetry",
    summary:
      "Make a data sample from an AI system's telemetry in a time window: one row per span with latency, tokens, model, finish reason and operation",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: deriveDriftSampleRequestSchema,
    response: driftSampleSchema,
    status: 201,
  }),
} as const;
