import { z } from "zod";
import { idSchema, reasonSchema, timestampSchema, versionSchema } from "../common.js";
import {
  modelFileStatusSchema,
  modelFormatSchema,
  modelProvenanceSchema,
  modelScanReportSchema,
  modelScanSeveritySchema,
  modelSignatureResultSchema,
  signatureStatusSchema,
} from "./model-scan-report.js";

/** cli: a report uploaded by `aims model scan --upload` (or CI); server: a file uploaded and scanned on the server. */
export const modelScanOrigins = ["cli", "server"] as const;
export const modelScanOriginSchema = z.enum(modelScanOrigins);
export type ModelScanOrigin = z.infer<typeof modelScanOriginSchema>;

/** completed: every file read; partial: some files could not be read; failed: none could. */
export const modelScanStatuses = ["completed", "partial", "failed"] as const;
export const modelScanStatusSchema = z.enum(modelScanStatuses);
export type ModelScanStatus = z.infer<typeof modelScanStatusSchema>;

/**
 * What a scan says about the model in one word: unsafe (a high or critical finding), review (medium or
 * low findings only), clean (nothing above info, every file read), incomplete (nothing above medium, but
 * some files could not be read).
 */
export const modelScanVerdicts = ["unsafe", "review", "incomplete", "clean"] as const;
export const modelScanVerdictSchema = z.enum(modelScanVerdicts);
export type ModelScanVerdict = z.infer<typeof modelScanVerdictSchema>;

/** What became of a finding: still open, turned into a risk or a nonconformity, or dismissed. */
export const modelScanFindingStatuses = ["open", "risk_raised", "nonconformity_raised", "dismissed"] as const;
export const modelScanFindingStatusSchema = z.enum(modelScanFindingStatuses, {
  message: "must be open, risk_raised, nonconformity_raised or dismissed",
});
export type ModelScanFindingStatus = z.infer<typeof modelScanFindingStatusSchema>;

/** The largest JSON body the report upload accepts (32 MiB: tens of thousands of files and findings). */
export const MODEL_SCAN_UPLOAD_MAX_BYTES = 32 * 1024 * 1024;

/** An asset named by its id or its exact name; a system by its id or slug. */
export const assetSelectorSchema = z.string().trim().min(1, "name the asset by its id or name").max(200);
const systemSelectorSchema = z.string().trim().min(1, "name the AI system by its id or slug").max(120);

const severityCountsSchema = z.object({
  info: z.number().int(),
  low: z.number().int(),
  medium: z.number().int(),
  high: z.number().int(),
  critical: z.number().int(),
});

export const modelScanSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    asset: z.object({ id: idSchema, name: z.string(), kind: z.string() }).nullable(),
    system: z.object({ id: idSchema, slug: z.string(), name: z.string() }).nullable(),
    origin: modelScanOriginSchema,
    status: modelScanStatusSchema,
    verdict: modelScanVerdictSchema,
    scannerVersion: z.string(),
    startedAt: timestampSchema,
    finishedAt: timestampSchema,
    filesScanned: z.number().int(),
    filesFailed: z.number().int(),
    bySeverity: severityCountsSchema,
    highestSeverity: modelScanSeveritySchema.nullable(),
    /** Findings not yet raised or dismissed. */
    openFindings: z.number().int(),
    signatureStatus: signatureStatusSchema,
    signature: modelSignatureResultSchema.nullable(),
    provenance: modelProvenanceSchema.nullable(),
    /** SHA-256 of the canonical JSON (keys sorted) of the report as stored. */
    reportSha256: z.string(),
    evidence: z.object({ id: idSchema, ref: z.string() }).nullable(),
    createdBy: z.object({ memberId: idSchema, name: z.string() }).nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "ModelScan" });
export type ModelScan = z.infer<typeof modelScanSchema>;

export const modelScanFindingRecordSchema = z
  .object({
    id: idSchema,
    scanId: idSchema,
    ruleId: z.string(),
    severity: modelScanSeveritySchema,
    file: z.string(),
    location: z.string(),
    title: z.string(),
    detail: z.string(),
    tags: z.object({ cwe: z.array(z.string()), owaspAgentic: z.array(z.string()) }),
    status: modelScanFindingStatusSchema,
    risk: z.object({ id: idSchema, ref: z.string() }).nullable(),
    nonconformity: z.object({ id: idSchema, ref: z.string() }).nullable(),
    dismissalReason: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "ModelScanFinding" });
export type ModelScanFindingRecord = z.infer<typeof modelScanFindingRecordSchema>;

/** A scan with the files it read and its findings, most severe first. */
export const modelScanDetailSchema = modelScanSchema
  .extend({
    roots: z.array(z.string()),
    files: z.array(
      z.object({
        path: z.string(),
        format: modelFormatSchema,
        size: z.number().int(),
        sha256: z.string().nullable(),
        status: modelFileStatusSchema,
        error: z.string().nullable(),
      }),
    ),
    findings: z.array(modelScanFindingRecordSchema),
  })
  .meta({ id: "ModelScanDetail" });
export type ModelScanDetail = z.infer<typeof modelScanDetailSchema>;

/** A report written by `aims model scan --format json`, for one asset and optionally one system. */
export const uploadModelScanRequestSchema = z.object({
  asset: assetSelectorSchema,
  system: systemSelectorSchema.optional(),
  report: modelScanReportSchema,
  /** What `aims model verify` said, when the upload checked a signature. */
  signature: modelSignatureResultSchema.optional(),
  provenance: modelProvenanceSchema.optional(),
});
export type UploadModelScanRequest = z.input<typeof uploadModelScanRequestSchema>;

/** Where a file uploaded for a server-side scan belongs; the file itself is the raw body. */
export const scanModelFileQuerySchema = z.object({
  asset: assetSelectorSchema,
  system: systemSelectorSchema.optional(),
  /** The file's name as uploaded (a hint only: formats are recognised by content). */
  fileName: z
    .string()
    .trim()
    .min(1, "name the file")
    .max(255)
    .refine((name) => !/[/\\\0]/.test(name) && name !== "." && name !== "..", "must be a file name without folders")
    // File systems limit a name to 255 bytes, and accented letters take two or more of them.
    .refine((name) => new TextEncoder().encode(name).length <= 255, "must be at most 255 bytes long in UTF-8"),
});

export const modelScanListQuerySchema = z.object({
  /** Only scans of this asset (id or name). */
  asset: assetSelectorSchema.optional(),
  /** Only scans of this AI system (id or slug). */
  system: systemSelectorSchema.optional(),
  verdict: modelScanVerdictSchema.optional(),
});

export const raiseFromModelFindingRequestSchema = z.object({
  /** Defaults to the finding's title and the scan's reference. */
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(5000).optional(),
  version: versionSchema,
});

export const dismissModelFindingRequestSchema = z.object({ reason: reasonSchema, version: versionSchema });
