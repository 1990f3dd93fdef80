import { z } from "zod";
import { idSchema } from "../common.js";
import { assetKindSchema } from "../inventory/asset-schemas.js";
import { importActions } from "../inventory/import-schemas.js";

/** The largest AI-BOM an import accepts. */
export const AIBOM_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** The media type of a CycloneDX 1.6 JSON document. */
export const CYCLONEDX_JSON_MEDIA_TYPE = "application/vnd.cyclonedx+json; version=1.6";

export const aibomExportQuerySchema = z.object({
  /** One AI system, by slug or id; the whole inventory when left out. */
  system: z.string().trim().min(1).max(200).optional(),
  /** `cyclonedx` answers with the CycloneDX media type, `json` with application/json (for browsers and tools that want it). */
  as: z.enum(["cyclonedx", "json"], { message: "must be cyclonedx or json" }).default("cyclonedx"),
});

export const aibomImportQuerySchema = z.object({
  /** Check and report only (the default); `false` applies the BOM when it is valid, all or nothing. */
  dryRun: z
    .enum(["true", "false"], { message: "must be true or false" })
    .default("true")
    .transform((value) => value === "true"),
});

/** One asset as the AI-BOM describes it: its CycloneDX component or service, and which of the two it is. */
export const aibomEntrySchema = z
  .object({
    /** `components` for models, data, agents and tools; `services` for vendor services. */
    section: z.enum(["components", "services"], { message: "must be components or services" }),
    entry: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AibomEntry" });
export type AibomEntry = z.infer<typeof aibomEntrySchema>;

/** What importing one component of the BOM does (or would do) to the inventory. */
export const aibomImportAssetSchema = z.object({
  /** JSON path of the component or service in the BOM. */
  path: z.string(),
  name: z.string(),
  kind: assetKindSchema,
  action: z.enum(importActions),
  /** The asset it matched or created; null for a dry run's new asset. */
  assetId: idSchema.nullable(),
  /** The fields that change, for an update. */
  changedFields: z.array(z.string()),
});

export const aibomImportReportSchema = z
  .object({
    dryRun: z.boolean(),
    /** True when the changes were written (never for a dry run). */
    applied: z.boolean(),
    summary: z.object({
      create: z.number().int(),
      update: z.number().int(),
      unchanged: z.number().int(),
      /** New links between a system the BOM names and its assets. */
      links: z.number().int(),
      skipped: z.number().int(),
    }),
    assets: z.array(aibomImportAssetSchema),
    /** Systems the BOM names by slug, with the links it would add. */
    systems: z.array(
      z.object({ slug: z.string(), systemId: idSchema.nullable(), found: z.boolean(), newLinks: z.number().int() }),
    ),
    /** Components that are not AI assets (libraries, files), left alone. */
    skipped: z.array(z.object({ path: z.string(), name: z.string(), reason: z.string() })),
    /** Notes that do not block the import: an owner e-mail no member has, a system slug that does not exist. */
    warnings: z.array(z.string()),
  })
  .meta({ id: "AibomImportReport" });
export type AibomImportReport = z.infer<typeof aibomImportReportSchema>;
