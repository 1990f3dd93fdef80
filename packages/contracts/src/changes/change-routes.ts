import { z } from "zod";
import { idSchema, pageQuerySchema, pageSchema } from "../common.js";
import { defineRoute } from "../route.js";
import {
  approveChangeRequestSchema,
  changeDetailSchema,
  changeKindSuggestionSchema,
  changeListQuerySchema,
  changeSchema,
  recordChangeRequestSchema,
  rejectChangeRequestSchema,
} from "./change-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const changeParams = z.object({ orgId: idSchema, changeId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;

/** Routes of change control: changes to AI systems, their approval and their effect on re-review. */
export const changeRoutes = {
  listChangeKinds: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/change-kinds",
    summary: "The kinds of change, each with whether it is material by default and why",
    tag: "changes",
    access: read,
    write: false,
    params: orgParams,
    response: z.object({ items: z.array(changeKindSuggestionSchema) }),
  }),
  listChanges: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/changes",
    summary: "List changes to AI systems, newest first",
    tag: "changes",
    access: read,
    write: false,
    params: orgParams,
    query: pageQuerySchema.extend(changeListQuerySchema.shape),
    response: pageSchema(changeSchema),
  }),
  recordChange: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/changes",
    summary:
      "Record a change to an AI system. A material change (the kind's suggestion unless `material` is given) at once sends the system's risks and impact assessment back for review",
    tag: "changes",
    access: write,
    write: true,
    params: orgParams,
    body: recordChangeRequestSchema,
    response: changeDetailSchema,
    status: 201,
  }),
  getChange: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/changes/:changeId",
    summary: "Read a change with what it sent back for review",
    tag: "changes",
    access: read,
    write: false,
    params: changeParams,
    response: changeDetailSchema,
  }),
  approveChange: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/changes/:changeId/approve",
    summary: "Approve a requested change; the requester may not approve their own",
    tag: "changes",
    access: write,
    write: true,
    params: changeParams,
    body: approveChangeRequestSchema,
    response: changeDetailSchema,
  }),
  rejectChange: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/changes/:changeId/reject",
    summary: "Reject a requested change with a reason",
    tag: "changes",
    access: write,
    write: true,
    params: changeParams,
    body: rejectChangeRequestSchema,
    response: changeDetailSchema,
  }),
} as const;
