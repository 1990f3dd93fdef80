import { z } from "zod";
import { archiveRequestSchema, idSchema, pageQuerySchema, pageSchema } from "../common.js";
import { defineRoute } from "../route.js";
import {
  createObjectiveRequestSchema,
  objectiveDetailSchema,
  objectiveListQuerySchema,
  objectiveSchema,
  recordObjectiveProgressRequestSchema,
  updateObjectiveRequestSchema,
} from "./objective-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const objectiveParams = z.object({ orgId: idSchema, objectiveId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;
const tag = "objectives";

/** Routes of the AI objectives (clause 6.2) module. */
export const objectiveRoutes = {
  listObjectives: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/objectives",
    summary: "List AI objectives, oldest first, with their progress and state as of now; by status or owner",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(objectiveListQuerySchema.shape),
    response: pageSchema(objectiveSchema),
  }),
  createObjective: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/objectives",
    summary: "Set an AI objective: what, why, its measure (by hand or a monitored metric), target, owner and plan",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: createObjectiveRequestSchema,
    response: objectiveDetailSchema,
    status: 201,
  }),
  getObjective: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/objectives/:objectiveId",
    summary: "Read an AI objective with its progress history",
    tag,
    access: read,
    write: false,
    params: objectiveParams,
    response: objectiveDetailSchema,
  }),
  updateObjective: defineRoute({
    method: "PATCH",
    path: "/api/v1/orgs/:orgId/objectives/:objectiveId",
    summary: "Change an AI objective's facts, measure, target, owner, plan or status",
    tag,
    access: write,
    write: true,
    params: objectiveParams,
    body: updateObjectiveRequestSchema,
    response: objectiveDetailSchema,
  }),
  recordObjectiveProgress: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/objectives/:objectiveId/progress",
    summary: "Record a progress reading: a value typed in, or the metric's latest observation",
    tag,
    access: write,
    write: true,
    params: objectiveParams,
    body: recordObjectiveProgressRequestSchema,
    response: objectiveDetailSchema,
    status: 201,
  }),
  archiveObjective: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/objectives/:objectiveId/archive",
    summary: "Archive an AI objective with a reason; it stays on record",
    tag,
    access: write,
    write: true,
    params: objectiveParams,
    body: archiveRequestSchema,
    response: objectiveDetailSchema,
  }),
} as const;
