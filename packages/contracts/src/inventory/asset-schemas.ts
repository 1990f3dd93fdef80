import { z } from "zod";
import { actionClassSchema } from "../agents/agent-attributes.js";
import { idSchema, nameSchema, reasonSchema, timestampSchema, versionSchema } from "../common.js";
import { licenceExpressionSchema } from "../supply-chain/spdx-expression.js";
import {
  archivedFilterSchema,
  longTextSchema,
  ownerSchema,
  recordStatusSchema,
  shortTextSchema,
} from "./inventory-fields.js";
import { modelCardSchema } from "./model-card-schema.js";
import { dataCategorySchema, oneOfMessage } from "./system-attributes.js";

/**
 * What an AI asset is. `tool` covers the tools and connectors an agent calls; `vendor_service` is an
 * AI service bought from a vendor (a hosted model API, an AI feature of a SaaS product).
 */
export const assetKinds = ["model", "dataset", "prompt", "agent", "tool", "vendor_service"] as const;
export const assetKindSchema = z.enum(assetKinds, { message: oneOfMessage(assetKinds) });
export type AssetKind = z.infer<typeof assetKindSchema>;

const assetFields = {
  name: nameSchema,
  kind: assetKindSchema,
  description: longTextSchema,
  /** The asset's own version label, e.g. a model revision or a dataset snapshot date. */
  assetVersion: shortTextSchema,
  ownerId: idSchema.nullable(),
  vendorId: idSchema.nullable(),
  /** Datasets (A.7): where the data comes from. */
  provenance: longTextSchema,
  /** Datasets: how the data was obtained (collected, bought, scraped, generated …). */
  acquisitionMethod: longTextSchema,
  /** Datasets: known quality issues, checks made, representativeness. */
  qualityNotes: longTextSchema,
  /** Datasets: cleaning, labelling, filtering and other preparation. */
  preparationNotes: longTextSchema,
  dataCategories: z.array(dataCategorySchema).max(20),
  /** Licence or terms of use. */
  licence: z.string().trim().max(2000),
  /** The licence as an SPDX expression (`LicenseRef-` for model licences SPDX lacks); null when not known. */
  licenceExpression: licenceExpressionSchema,
  /** Models: model-card fields for the AI bill of materials. */
  modelCard: modelCardSchema,
  /** Tools: what calling the tool does (read, write, financial …); agent policies and flow rules speak of it. */
  actionClass: actionClassSchema.nullable(),
  /** Tools: the name an agent calls the tool by, when it differs from the asset's name; null or empty: the name. */
  toolName: z
    .string()
    .trim()
    .max(128)
    .regex(/^[A-Za-z0-9_.:/-]*$/, { message: "must be letters, digits, _ . : / or -" })
    .nullable(),
};

export const createAssetRequestSchema = z.object({
  ...assetFields,
  description: longTextSchema.default(""),
  assetVersion: shortTextSchema.default(""),
  ownerId: assetFields.ownerId.default(null),
  vendorId: assetFields.vendorId.default(null),
  provenance: longTextSchema.default(""),
  acquisitionMethod: longTextSchema.default(""),
  qualityNotes: longTextSchema.default(""),
  preparationNotes: longTextSchema.default(""),
  dataCategories: assetFields.dataCategories.default([]),
  licence: assetFields.licence.default(""),
  licenceExpression: assetFields.licenceExpression.default(null),
  modelCard: assetFields.modelCard.default({}),
  actionClass: assetFields.actionClass.default(null),
  toolName: assetFields.toolName.default(null),
});
export type CreateAssetRequest = z.input<typeof createAssetRequestSchema>;
export type AssetValues = z.output<typeof createAssetRequestSchema>;

export const updateAssetRequestSchema = z.object(assetFields).partial().extend({ version: versionSchema });
export type UpdateAssetRequest = z.input<typeof updateAssetRequestSchema>;

/** A record named in another record: enough to show and link it. */
export const recordRefSchema = z.object({ id: idSchema, name: z.string() });

export const aiAssetSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    kind: assetKindSchema,
    description: z.string(),
    assetVersion: z.string(),
    owner: ownerSchema.nullable(),
    vendor: recordRefSchema.nullable(),
    provenance: z.string(),
    acquisitionMethod: z.string(),
    qualityNotes: z.string(),
    preparationNotes: z.string(),
    dataCategories: z.array(dataCategorySchema),
    licence: z.string(),
    licenceExpression: z.string().nullable(),
    modelCard: modelCardSchema,
    actionClass: actionClassSchema.nullable(),
    toolName: z.string().nullable(),
    /** Systems the asset is linked to now. */
    systems: z.array(recordRefSchema.extend({ slug: z.string() })),
    status: recordStatusSchema,
    archiveReason: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "AiAsset" });
export type AiAsset = z.infer<typeof aiAssetSchema>;

export const assetSorts = [
  "name",
  "-name",
  "kind",
  "-kind",
  "createdAt",
  "-createdAt",
  "updatedAt",
  "-updatedAt",
] as const;

export const assetListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  kind: assetKindSchema.optional(),
  /** Only assets linked to this system now. */
  systemId: idSchema.optional(),
  vendorId: idSchema.optional(),
  archived: archivedFilterSchema.default("false"),
  sort: z.enum(assetSorts, { message: oneOfMessage(assetSorts) }).default("name"),
});

export const linkAssetRequestSchema = z.object({
  assetId: idSchema,
  /** How the system uses the asset. */
  note: z.string().trim().max(1000).default(""),
});

/** Unlinking keeps the link as an archived record, with the reason. */
export const unlinkAssetRequestSchema = z.object({ reason: reasonSchema });

export const systemAssetLinkSchema = z
  .object({
    id: idSchema,
    systemId: idSchema,
    asset: recordRefSchema.extend({ kind: assetKindSchema, assetVersion: z.string() }),
    note: z.string(),
    linkedAt: timestampSchema,
    status: recordStatusSchema,
    archiveReason: z.string().nullable(),
  })
  .meta({ id: "SystemAssetLink" });
export type SystemAssetLink = z.infer<typeof systemAssetLinkSchema>;

export const systemAssetLinksSchema = z.object({ items: z.array(systemAssetLinkSchema) });

/**
 * Fields only a tool may carry (an action class, a call name); each problem names its field, so a form
 * or an import row points at the cell.
 */
export function toolFieldProblems(values: {
  kind: AssetKind;
  actionClass?: string | null | undefined;
  toolName?: string | null | undefined;
}): { field: "actionClass" | "toolName"; message: string }[] {
  if (values.kind === "tool") return [];
  const problems: { field: "actionClass" | "toolName"; message: string }[] = [];
  if (values.actionClass) problems.push({ field: "actionClass", message: "only a tool has an action class" });
  if (values.toolName) problems.push({ field: "toolName", message: "only a tool has a call name" });
  return problems;
}
