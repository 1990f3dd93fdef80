import { z } from "zod";
import { idSchema, timestampSchema, versionSchema } from "../common.js";
import { evidenceStateSchema } from "../controls/control-attributes.js";
import {
  evidenceKindSchema,
  evidenceSourceSchema,
  evidenceTargetTypeSchema,
  evidenceValidityStateSchema,
  validityBasisSchema,
} from "./evidence-attributes.js";

/** A collected or valid-until moment: a date ('2025-03-31', read as midnight UTC) or a full timestamp. */
export const evidenceDateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  message: "must be a date as YYYY-MM-DD or an ISO 8601 timestamp",
});

const titleSchema = z.string().trim().min(1, "needs a title").max(200);
const descriptionSchema = z.string().trim().max(5000);
const urlSchema = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, message: "must be an http or https address" }));
const recordBodySchema = z.string().trim().min(1, "needs some text").max(100_000);

/**
 * A control, risk, system or inventory asset named by its id or its reference (A.6.2.4, C-3, R-12, a system
 * slug, an asset's name when no other live asset shares it), or a clause id.
 */
export const targetRefSchema = z.string().trim().min(1).max(120);
const targetArraySchema = z.array(targetRefSchema).max(100, "at most 100 links at once");

/** Targets to link, each list holding ids or references. */
export const evidenceTargetsSchema = z.object({
  controlIds: targetArraySchema.default([]),
  clauseIds: targetArraySchema.default([]),
  riskIds: targetArraySchema.default([]),
  systemIds: targetArraySchema.default([]),
  /** Inventory assets (models, datasets, ...), by id or unique name. */
  assetIds: targetArraySchema.default([]),
});
export type EvidenceTargets = z.output<typeof evidenceTargetsSchema>;

/** A comma-separated list in a query string, such as `controlIds=A.6.2.4,A.6.2.5`. */
const commaListSchema = z
  .string()
  .max(4000)
  .transform((raw) =>
    raw
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(z.array(z.string().max(120, "each entry must be at most 120 characters")).max(100, "at most 100 entries"));

export const evidenceLinkSchema = z
  .object({
    id: idSchema,
    targetType: evidenceTargetTypeSchema,
    /** The control, risk, system or asset; null for a clause. */
    targetId: idSchema.nullable(),
    clauseId: z.string().nullable(),
    /** Control ref, risk ref, system slug, asset name or clause id. */
    ref: z.string(),
    title: z.string(),
    createdAt: timestampSchema,
  })
  .meta({ id: "EvidenceLink" });
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;

export const evidenceFileSchema = z
  .object({
    sha256: z.string(),
    size: z.number().int(),
    mediaType: z.string(),
    filename: z.string().nullable(),
  })
  .meta({ id: "EvidenceFile" });

export const evidenceSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    title: z.string(),
    description: z.string(),
    kind: evidenceKindSchema,
    source: evidenceSourceSchema,
    /** The address of a link. */
    url: z.string().nullable(),
    /** The text of a record. */
    body: z.string().nullable(),
    file: evidenceFileSchema.nullable(),
    collectedAt: timestampSchema,
    /** Null: does not expire. */
    validUntil: timestampSchema.nullable(),
    validityBasis: validityBasisSchema,
    state: evidenceValidityStateSchema,
    createdBy: z.object({ memberId: idSchema, name: z.string() }).nullable(),
    links: z.array(evidenceLinkSchema),
    status: z.enum(["active", "archived"]),
    archiveReason: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "Evidence" });
export type Evidence = z.infer<typeof evidenceSchema>;

const createCommon = {
  title: titleSchema,
  description: descriptionSchema.default(""),
  /** Defaults to now. */
  collectedAt: evidenceDateSchema.optional(),
  /** Absent or null: derived from the linked controls' freshness periods. */
  validUntil: evidenceDateSchema.nullable().optional(),
  ...evidenceTargetsSchema.shape,
};

/** A link or a record; files arrive through the upload route. */
export const createEvidenceRequestSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("link"), url: urlSchema, ...createCommon }),
    z.object({ kind: z.literal("record"), body: recordBodySchema, ...createCommon }),
  ],
  { message: "kind must be link or record (send files to the upload route)" },
);
export type CreateEvidenceRequest = z.input<typeof createEvidenceRequestSchema>;

/** Metadata of an uploaded file, in the query string next to the raw bytes. */
export const uploadEvidenceQuerySchema = z.object({
  /** Defaults to the file name. */
  title: titleSchema.optional(),
  filename: z.string().trim().min(1).max(255).optional(),
  description: descriptionSchema.optional(),
  collectedAt: evidenceDateSchema.optional(),
  validUntil: evidenceDateSchema.optional(),
  controlIds: commaListSchema.optional(),
  clauseIds: commaListSchema.optional(),
  riskIds: commaListSchema.optional(),
  systemIds: commaListSchema.optional(),
  assetIds: commaListSchema.optional(),
});

export const updateEvidenceRequestSchema = z.object({
  version: versionSchema,
  title: titleSchema.optional(),
  description: descriptionSchema.optional(),
  collectedAt: evidenceDateSchema.optional(),
  /** null: derive again from the linked controls. */
  validUntil: evidenceDateSchema.nullable().optional(),
  /** Links only. */
  url: urlSchema.optional(),
  /** Records only. */
  body: recordBodySchema.optional(),
});

export const linkEvidenceRequestSchema = z.object({
  targetType: evidenceTargetTypeSchema,
  /** An id or reference of the target, or the clause id. */
  target: targetRefSchema,
});

export const unlinkEvidenceRequestSchema = z.object({ reason: z.string().trim().max(2000).optional() });

export const evidenceListQuerySchema = z.object({
  controlId: idSchema.optional(),
  clauseId: z.string().trim().max(20).optional(),
  riskId: idSchema.optional(),
  systemId: idSchema.optional(),
  assetId: idSchema.optional(),
  state: evidenceValidityStateSchema.optional(),
  source: evidenceSourceSchema.optional(),
  kind: evidenceKindSchema.optional(),
  status: z.enum(["active", "archived", "all"], { message: "must be active, archived or all" }).default("active"),
  q: z.string().trim().max(200).optional(),
  sort: z
    .enum(["collectedAt", "-collectedAt", "createdAt", "-createdAt", "title", "-title"], {
      message: "must be collectedAt, createdAt or title, optionally with a leading '-'",
    })
    .default("-collectedAt"),
});

export const evidenceAttentionQuerySchema = z.object({
  /** How far ahead "expiring soon" looks. */
  withinDays: z.coerce.number().int().min(1).max(365).default(30),
});

/** Expired or soon-expiring evidence, and the controls that lose current evidence with it. */
export const evidenceAttentionItemSchema = z
  .object({
    evidence: evidenceSchema,
    affectedControls: z.array(
      z.object({
        id: idSchema,
        ref: z.string(),
        title: z.string(),
        /** The control's evidence state across all its evidence: "expired" means it has nothing current left. */
        evidenceState: evidenceStateSchema,
      }),
    ),
  })
  .meta({ id: "EvidenceAttentionItem" });
