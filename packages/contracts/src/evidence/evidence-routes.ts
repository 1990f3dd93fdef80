import { z } from "zod";
import { archiveRequestSchema, idSchema, pageQuerySchema, pageSchema } from "../common.js";
import { exportQuerySchema } from "../exports.js";
import { defineRoute } from "../route.js";
import { EVIDENCE_FILE_MAX_BYTES } from "./evidence-attributes.js";
import {
  createEvidenceRequestSchema,
  evidenceAttentionItemSchema,
  evidenceAttentionQuerySchema,
  evidenceLinkSchema,
  evidenceListQuerySchema,
  evidenceSchema,
  linkEvidenceRequestSchema,
  unlinkEvidenceRequestSchema,
  updateEvidenceRequestSchema,
  uploadEvidenceQuerySchema,
} from "./evidence-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const evidenceParams = z.object({ orgId: idSchema, evidenceId: idSchema });
const linkParams = z.object({ orgId: idSchema, evidenceId: idSchema, linkId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;
const tag = "evidence";

/** Routes of the evidence module. */
export const evidenceRoutes = {
  listEvidence: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/evidence",
    summary: "List evidence, filtered by what it is linked to, its validity, source or text",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(evidenceListQuerySchema.shape),
    response: pageSchema(evidenceSchema),
  }),
  listEvidenceAttention: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/evidence/attention",
    summary: "Expired and soon-expiring evidence, with the controls each one affects",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(evidenceAttentionQuerySchema.shape),
    response: pageSchema(evidenceAttentionItemSchema),
  }),
  exportEvidence: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/evidence/export",
    summary: "Download the evidence register as CSV, XLSX or PDF",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: exportQuerySchema,
    response: null,
    produces: "text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/pdf",
  }),
  createEvidence: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/evidence",
    summary:
      "Add a link or a written record as evidence, optionally linked to controls, clauses, risks, systems and inventory assets",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: createEvidenceRequestSchema,
    response: evidenceSchema,
    status: 201,
  }),
  uploadEvidenceFile: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/evidence/files",
    summary:
      "Upload a file as evidence: the raw bytes are the body, the title, dates and links (comma-separated ids or references) travel in the query",
    tag,
    access: write,
    write: true,
    params: orgParams,
    query: uploadEvidenceQuerySchema,
    upload: { maxBytes: EVIDENCE_FILE_MAX_BYTES },
    response: evidenceSchema,
    status: 201,
  }),
  getEvidence: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/evidence/:evidenceId",
    summary: "Read a piece of evidence with its links",
    tag,
    access: read,
    write: false,
    params: evidenceParams,
    response: evidenceSchema,
  }),
  downloadEvidenceFile: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/evidence/:evidenceId/file",
    summary: "Download an evidence file after checking it still matches its SHA-256 (sent as X-Content-SHA256)",
    tag,
    access: read,
    write: false,
    params: evidenceParams,
    response: null,
    produces: "application/octet-stream",
  }),
  updateEvidence: defineRoute({
    method: "PATCH",
    path: "/api/v1/orgs/:orgId/evidence/:evidenceId",
    summary: "Change a piece of evidence's title, description, dates, address or text",
    tag,
    access: write,
    write: true,
    params: evidenceParams,
    body: updateEvidenceRequestSchema,
    response: evidenceSchema,
  }),
  archiveEvidence: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/evidence/:evidenceId/archive",
    summary: "Archive a piece of evidence with a reason; it no longer counts for its links",
    tag,
    access: write,
    write: true,
    params: evidenceParams,
    body: archiveRequestSchema,
    response: evidenceSchema,
  }),
  linkEvidence: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/evidence/:evidenceId/links",
    summary: "Link a piece of evidence to a control, clause, risk, system or inventory asset",
    tag,
    access: write,
    write: true,
    params: evidenceParams,
    body: linkEvidenceRequestSchema,
    response: evidenceLinkSchema,
    status: 201,
  }),
  unlinkEvidence: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/evidence/:evidenceId/links/:linkId/archive",
    summary: "Remove a link; the link is kept as archived",
    tag,
    access: write,
    write: true,
    params: linkParams,
    body: unlinkEvidenceRequestSchema,
    response: evidenceSchema,
  }),
} as const;
