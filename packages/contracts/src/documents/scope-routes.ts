import { z } from "zod";
import { idSchema } from "../common.js";
import { defineRoute } from "../route.js";
import { documentDetailSchema, documentVersionSchema } from "./document-schemas.js";
import { createScopeRequestSchema, updateScopeDraftRequestSchema } from "./scope-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const base = "/api/v1/orgs/:orgId/scope";
const tag = "scope";

/** The AIMS scope: one live scope document per organisation, with structured versions. */
export const scopeSchema = z
  .object({
    document: documentDetailSchema,
    /** The version being drafted or reviewed, if any. */
    workingVersion: documentVersionSchema.nullable(),
    /** The version in force, if any. */
    approvedVersion: documentVersionSchema.nullable(),
  })
  .meta({ id: "AimsScope" });

export const scopeRoutes = {
  getScope: defineRoute({
    method: "GET",
    path: base,
    summary: "Read the AIMS scope (null until one is created)",
    tag,
    access: { kind: "org", permission: "governance.read" },
    write: false,
    params: orgParams,
    response: scopeSchema.nullable(),
  }),
  createScope: defineRoute({
    method: "POST",
    path: base,
    summary: "Create the AIMS scope with its first draft",
    tag,
    access: { kind: "org", permission: "governance.write" },
    write: true,
    params: orgParams,
    body: createScopeRequestSchema,
    response: scopeSchema,
    status: 201,
  }),
  updateScopeDraft: defineRoute({
    method: "PATCH",
    path: `${base}/versions/:versionId`,
    summary: "Edit the structured content of a draft scope version",
    tag,
    access: { kind: "org", permission: "governance.write" },
    write: true,
    params: z.object({ orgId: idSchema, versionId: idSchema }),
    body: updateScopeDraftRequestSchema,
    response: scopeSchema,
  }),
} as const;
