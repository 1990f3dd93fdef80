import { z } from "zod";
import { idSchema, pageQuerySchema, pageSchema } from "../common.js";
import { defineRoute } from "../route.js";
import { REDTEAM_REPORT_MAX_BYTES, REDTEAM_SUMMARY_MAX_BYTES } from "./redteam-attributes.js";
import {
  dismissFindingRequestSchema,
  raiseNonconformityRequestSchema,
  raiseRiskRequestSchema,
  redteamFindingSchema,
  redteamScanDetailSchema,
  redteamScanListQuerySchema,
  redteamScanSchema,
  redteamSettingsSchema,
  redteamTrendQuerySchema,
  redteamTrendSchema,
  runRedteamScanRequestSchema,
  uploadRedteamScanRequestSchema,
} from "./redteam-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const scanParams = z.object({ orgId: idSchema, scanId: idSchema });
const findingParams = z.object({ orgId: idSchema, findingId: idSchema });
const systemParams = z.object({ orgId: idSchema, systemId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;
const tag = "red-team";

/** Routes of red-team scans and their findings; the nonconformities raised from them are in the nonconformities module. */
export const redteamRoutes = {
  listRedteamScans: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/redteam/scans",
    summary: "List red-team scans, newest first, optionally of one AI system",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(redteamScanListQuerySchema.shape),
    response: pageSchema(redteamScanSchema),
  }),
  uploadRedteamScan: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/redteam/scans",
    summary:
      "Record a scan from the summary `aims redteam` wrote: its findings, and one evidence record linked to the system and the controls the probes test",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: uploadRedteamScanRequestSchema,
    bodyLimit: REDTEAM_SUMMARY_MAX_BYTES,
    response: redteamScanSchema,
    status: 201,
  }),
  runRedteamScan: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/redteam/scans/run",
    summary:
      "Start a scan on the server against an address the administrator allowed (AIMS_REDTEAM_TARGETS); it runs in the background",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: runRedteamScanRequestSchema,
    response: redteamScanSchema,
    status: 202,
  }),
  getRedteamSettings: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/redteam/settings",
    summary: "Whether this server runs scans itself, and which target origins it allows",
    tag,
    access: read,
    write: false,
    params: orgParams,
    response: redteamSettingsSchema,
  }),
  getRedteamScan: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/redteam/scans/:scanId",
    summary: "Read a scan with its counts per category and its findings",
    tag,
    access: read,
    write: false,
    params: scanParams,
    response: redteamScanDetailSchema,
  }),
  uploadRedteamReport: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/redteam/scans/:scanId/report",
    summary: "Attach the scan's HTML report: the raw bytes are the body; it must be the report the summary lists",
    tag,
    access: write,
    write: true,
    params: scanParams,
    upload: { maxBytes: REDTEAM_REPORT_MAX_BYTES },
    response: redteamScanSchema,
  }),
  downloadRedteamReport: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/redteam/scans/:scanId/report",
    summary: "Download the HTML report as an attachment, after checking its SHA-256 (sent as X-Content-SHA256)",
    tag,
    access: read,
    write: false,
    params: scanParams,
    response: null,
    produces: "text/html",
  }),
  getRedteamTrend: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/systems/:systemId/redteam-trend",
    summary: "Vulnerable cases by severity over the system's latest finished scans",
    tag,
    access: read,
    write: false,
    params: systemParams,
    query: redteamTrendQuerySchema,
    response: redteamTrendSchema,
  }),
  raiseRiskFromFinding: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/redteam/findings/:findingId/raise-risk",
    summary:
      "Add a risk for the scan's system from a finding, rated from its severity and linked to the scan's evidence",
    tag,
    access: write,
    write: true,
    params: findingParams,
    body: raiseRiskRequestSchema,
    response: redteamFindingSchema,
  }),
  raiseNonconformityFromFinding: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/redteam/findings/:findingId/raise-nonconformity",
    summary: "Record a nonconformity from a finding",
    tag,
    access: write,
    write: true,
    params: findingParams,
    body: raiseNonconformityRequestSchema,
    response: redteamFindingSchema,
  }),
  dismissRedteamFinding: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/redteam/findings/:findingId/dismiss",
    summary: "Dismiss a finding with a reason (a false positive, or accepted by design)",
    tag,
    access: write,
    write: true,
    params: findingParams,
    body: dismissFindingRequestSchema,
    response: redteamFindingSchema,
  }),
} as const;
