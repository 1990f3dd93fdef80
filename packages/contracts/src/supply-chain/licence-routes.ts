import { z } from "zod";
import { idSchema } from "../common.js";
import { defineRoute } from "../route.js";
import {
  licenceFindingListQuerySchema,
  licenceFindingSchema,
  licenceFindingsSchema,
  licencePolicyRecordSchema,
  updateLicencePolicyRequestSchema,
} from "./licence-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const assetParams = z.object({ orgId: idSchema, assetId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;
const tag = "supply-chain";

/** Routes of the organisation's licence policy and the licence findings it produces. */
export const licenceRoutes = {
  getLicencePolicy: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/licence-policy",
    summary: "Read the organisation's licence policy (the default one until it saves its own)",
    tag,
    access: read,
    write: false,
    params: orgParams,
    response: licencePolicyRecordSchema,
  }),
  updateLicencePolicy: defineRoute({
    method: "PUT",
    path: "/api/v1/orgs/:orgId/licence-policy",
    summary: "Replace the licence policy: allowed, review and forbidden licences and flags (version 0 the first time)",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: updateLicencePolicyRequestSchema,
    response: licencePolicyRecordSchema,
  }),
  listLicenceFindings: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/licence-findings",
    summary: "What the licence policy says of each model and dataset, unknown licences included",
    tag,
    access: read,
    write: false,
    params: orgParams,
    query: licenceFindingListQuerySchema,
    response: licenceFindingsSchema,
  }),
  getAssetLicenceFinding: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/assets/:assetId/licence-finding",
    summary: "What the licence policy says of one asset's licence",
    tag,
    access: read,
    write: false,
    params: assetParams,
    response: licenceFindingSchema,
  }),
} as const;
