import { z } from "zod";
import { idSchema } from "../common.js";
import { defineRoute } from "../route.js";
import {
  AIBOM_IMPORT_MAX_BYTES,
  aibomEntrySchema,
  aibomExportQuerySchema,
  aibomImportQuerySchema,
  aibomImportReportSchema,
  CYCLONEDX_JSON_MEDIA_TYPE,
} from "./aibom-schemas.js";

const orgParams = z.object({ orgId: idSchema });
const assetParams = z.object({ orgId: idSchema, assetId: idSchema });
const tag = "supply-chain";

/** Routes of AI bills of materials: export for a system or the inventory, and import with a dry run. */
export const aibomRoutes = {
  exportAibom: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/aibom",
    summary:
      "Download the AI bill of materials (CycloneDX 1.6 JSON) of one AI system (?system=slug or id) or of the whole inventory",
    tag,
    access: { kind: "org", permission: "governance.read" },
    write: false,
    params: orgParams,
    query: aibomExportQuerySchema,
    response: null,
    produces: `${CYCLONEDX_JSON_MEDIA_TYPE}, application/json`,
  }),
  getAssetAibomEntry: defineRoute({
    method: "GET",
    path: "/api/v1/orgs/:orgId/assets/:assetId/aibom-entry",
    summary:
      "The asset as the AI-BOM describes it: its CycloneDX component (or service), with hashes and signature status from its latest scan",
    tag,
    access: { kind: "org", permission: "governance.read" },
    write: false,
    params: assetParams,
    response: aibomEntrySchema,
  }),
  importAibom: defineRoute({
    method: "POST",
    path: "/api/v1/orgs/:orgId/aibom/import",
    summary:
      "Check (dry run) or apply a CycloneDX 1.6 AI-BOM: the raw JSON is the body; components match assets by bom-ref or by name and kind, the rest are created, all or nothing",
    tag,
    access: { kind: "org", permission: "governance.write" },
    write: true,
    params: orgParams,
    query: aibomImportQuerySchema,
    upload: { maxBytes: AIBOM_IMPORT_MAX_BYTES },
    response: aibomImportReportSchema,
  }),
} as const;
