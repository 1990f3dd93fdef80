import { z } from "zod";
import { idSchema, pageQuerySchema, timestampSchema } from "../common.js";
import { exportFormatSchema } from "../exports.js";
import {
  controlKindSchema,
  effectiveStatusSchema,
  evidenceStateSchema,
  implementationStatusSchema,
  soaIssueKindSchema,
} from "./control-attributes.js";

/** One line of the Statement of Applicability, as derived from a control record. */
export const soaRowSchema = z.object({
  ref: z.string(),
  title: z.string(),
  kind: controlKindSchema,
  areaId: z.string().nullable(),
  applicable: z.boolean().nullable(),
  justification: z.string().nullable(),
  implementationStatus: implementationStatusSchema,
  effectiveStatus: effectiveStatusSchema,
  evidenceState: evidenceStateSchema,
  /** The owner's name, or null. */
  owner: z.string().nullable(),
  /** Refs of the risks the control treats, sorted. */
  riskRefs: z.array(z.string()),
  /** Refs of the evidence linked to the control, sorted. */
  evidenceRefs: z.array(z.string()),
  overrideReason: z.string().nullable(),
});
export type SoaRow = z.infer<typeof soaRowSchema>;

export const soaIssueSchema = z.object({
  kind: soaIssueKindSchema,
  ref: z.string(),
  message: z.string(),
});
export type SoaIssue = z.infer<typeof soaIssueSchema>;

export const soaSummarySchema = z.object({
  total: z.number().int(),
  applicable: z.number().int(),
  notApplicable: z.number().int(),
  undecided: z.number().int(),
  /** Applicable controls counted by effective status. */
  byEffectiveStatus: z.record(effectiveStatusSchema, z.number().int()),
});
export type SoaSummary = z.infer<typeof soaSummarySchema>;

/** The current, unapproved Statement of Applicability. */
export const soaDraftSchema = z
  .object({
    rows: z.array(soaRowSchema),
    summary: soaSummarySchema,
    issues: z.array(soaIssueSchema),
    /** SHA-256 of the canonical JSON of the rows; send it back to approve exactly what was reviewed. */
    contentHash: z.string(),
    lastApproved: z
      .object({ number: z.number().int(), approvedAt: timestampSchema, contentHash: z.string() })
      .nullable(),
    changedSinceApproval: z.boolean(),
  })
  .meta({ id: "SoaDraft" });
export type SoaDraft = z.infer<typeof soaDraftSchema>;

export const soaVersionSummarySchema = z.object({
  id: idSchema,
  number: z.number().int(),
  approvedBy: z.object({ memberId: idSchema, label: z.string() }),
  approvedAt: timestampSchema,
  contentHash: z.string(),
  changeSummary: z.string(),
});

/** An approved, frozen Statement of Applicability. */
export const soaVersionSchema = soaVersionSummarySchema
  .extend({ rows: z.array(soaRowSchema), summary: soaSummarySchema })
  .meta({ id: "SoaVersion" });
export type SoaVersion = z.infer<typeof soaVersionSchema>;

export const approveSoaRequestSchema = z.object({
  /** The contentHash of the draft the approver reviewed. */
  contentHash: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{64}$/, "must be the 64-character contentHash of the reviewed draft"),
  /** What changed since the last version; generated from the differences when left out. */
  changeSummary: z.string().trim().min(3, "must be at least 3 characters").max(2000).optional(),
});

const versionNumber = z.coerce
  .number()
  .int("must be a version number")
  .min(1, "must be a version number")
  .max(1_000_000);

/** Compare version `from` with version `to`, or with the current draft when `to` is left out. */
export const soaDiffQuerySchema = z.object({ from: versionNumber, to: versionNumber.optional() });

export const soaFieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

export const soaDiffSchema = z
  .object({
    from: z.number().int(),
    /** The later version, or null for the current draft. */
    to: z.number().int().nullable(),
    added: z.array(soaRowSchema),
    removed: z.array(soaRowSchema),
    changed: z.array(z.object({ ref: z.string(), title: z.string(), changes: z.array(soaFieldChangeSchema) })),
  })
  .meta({ id: "SoaDiff" });
export type SoaDiff = z.infer<typeof soaDiffSchema>;

export const soaVersionListQuerySchema = pageQuerySchema;

/** `?format=xlsx` for the current draft, `&version=3` for an approved version. */
export const soaExportQuerySchema = z.object({ format: exportFormatSchema, version: versionNumber.optional() });
