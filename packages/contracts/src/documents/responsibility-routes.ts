import { z } from "zod";
import { idSchema, pageSchema } from "../common.js";
import { defineRoute } from "../route.js";
import {
  archiveResponsibilityRequestSchema,
  createResponsibilityRequestSchema,
  responsibilityListQuerySchema,
  responsibilityMatrixQuerySchema,
  responsibilityMatrixSchema,
  responsibilitySchema,
  updateResponsibilityRequestSchema,
} from "./responsibility-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const assignmentParams = z.object({ orgId: idSchema, assignmentId: idSchema });
const base = "/api/v1/orgs/:orgId/responsibilities";
const tag = "responsibilities";
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;

/** Who is responsible, accountable, consulted and informed, per AI system and per AIMS process. */
export const responsibilityRoutes = {
  listResponsibilities: defineRoute({
    method: "GET",
    path: base,
    summary: "List responsibility assignments",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: responsibilityListQuerySchema,
    response: pageSchema(responsibilitySchema),
  }),
  getResponsibilityMatrix: defineRoute({
    method: "GET",
    path: `${base}/matrix`,
    summary: "The RACI matrix: every process and system with its assignments and coverage",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: responsibilityMatrixQuerySchema,
    response: responsibilityMatrixSchema,
  }),
  createResponsibility: defineRoute({
    method: "POST",
    path: base,
    summary: "Assign a member a RACI role for a system or process",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: createResponsibilityRequestSchema,
    response: responsibilitySchema,
    status: 201,
  }),
  updateResponsibility: defineRoute({
    method: "PATCH",
    path: `${base}/:assignmentId`,
    summary: "Change the RACI role or note of an assignment",
    tag,
    access: write,
    write: true,
    params: assignmentParams,
    body: updateResponsibilityRequestSchema,
    response: responsibilitySchema,
  }),
  archiveResponsibility: defineRoute({
    method: "POST",
    path: `${base}/:assignmentId/archive`,
    summary: "End an assignment, keeping its record",
    tag,
    access: write,
    write: true,
    params: assignmentParams,
    body: archiveResponsibilityRequestSchema,
    response: responsibilitySchema,
  }),
} as const;
