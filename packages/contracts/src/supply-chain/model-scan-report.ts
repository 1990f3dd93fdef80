import { z } from "zod";
import { redteamSeveritySchema } from "../redteam/redteam-attributes.js";

/**
 * The JSON report `aims model scan --format json` writes and the server records: the published
 * format other tools read. Same input, same report: no times, no absolute paths, files and findings
 * in a stable order (path, then location, then rule id).
 */
export const MODEL_SCAN_REPORT_FORMAT = "openaims-model-scan";
export const MODEL_SCAN_REPORT_VERSION = 1;

export const modelScanSeveritySchema = redteamSeveritySchema;
export type ModelScanSeverity = z.infer<typeof modelScanSeveritySchema>;

/**
 * What a file was recognised as, by its content. `archive` (zip, tar) is walked and its entries
 * scanned in turn; `unknown` is reported as a finding, never passed silently.
 */
export const modelFormats = [
  "pickle",
  "pytorch_zip",
  "pytorch_legacy",
  "joblib",
  "numpy_npy",
  "numpy_npz",
  "keras_zip",
  "keras_h5",
  "tf_savedmodel",
  "onnx",
  "safetensors",
  "gguf",
  "archive",
  "model_card",
  "signature",
  "text",
  "unknown",
] as const;
export const modelFormatSchema = z.enum(modelFormats);
export type ModelFormat = z.infer<typeof modelFormatSchema>;

/** scanned: read to the end; failed: could not be read (the error says why); skipped: a limit stopped it. */
export const modelFileStatuses = ["scanned", "failed", "skipped"] as const;
export const modelFileStatusSchema = z.enum(modelFileStatuses);

const pathSchema = z.string().min(1).max(4096);

export const modelScanFileSchema = z.object({
  /** Relative to the scanned root as given; an archive entry is `outer.zip!inner/file`. */
  path: pathSchema,
  format: modelFormatSchema,
  size: z.number().int().nonnegative(),
  /** Hex SHA-256 of the file's bytes; null when it could not be read. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  status: modelFileStatusSchema,
  error: z.string().max(2000).optional(),
});
export type ModelScanFile = z.infer<typeof modelScanFileSchema>;

export const modelScanFindingSchema = z.object({
  /** The scanner's rule id, e.g. `pickle.code-execution-global`. */
  ruleId: z.string().min(1).max(120),
  severity: modelScanSeveritySchema,
  file: pathSchema,
  /** Where in the file: an opcode offset, a layer name, a tensor name, a metadata key. */
  location: z.string().max(1000).default(""),
  title: z.string().min(1).max(500),
  detail: z.string().max(8000),
  cwe: z.array(z.string().regex(/^CWE-\d+$/)).default([]),
  /** OWASP Top 10 for Agentic Applications ids, e.g. ASI04. */
  owaspAgentic: z.array(z.string().max(20)).default([]),
  /** Stable across runs: SHA-256 of rule id, file and location. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ModelScanFinding = z.infer<typeof modelScanFindingSchema>;

const bySeveritySchema = z.object({
  info: z.number().int().nonnegative(),
  low: z.number().int().nonnegative(),
  medium: z.number().int().nonnegative(),
  high: z.number().int().nonnegative(),
  critical: z.number().int().nonnegative(),
});

export const modelScanReportSchema = z.object({
  format: z.literal(MODEL_SCAN_REPORT_FORMAT),
  formatVersion: z.literal(MODEL_SCAN_REPORT_VERSION),
  scanner: z.object({ name: z.string().max(200), version: z.string().max(100) }),
  /** The paths as given on the command line (or the uploaded file's name). */
  roots: z.array(pathSchema).max(1000),
  files: z.array(modelScanFileSchema).max(200_000),
  findings: z.array(modelScanFindingSchema).max(100_000),
  summary: z.object({
    files: z.number().int().nonnegative(),
    scanned: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    bySeverity: bySeveritySchema,
    highestSeverity: modelScanSeveritySchema.nullable(),
  }),
});
export type ModelScanReport = z.infer<typeof modelScanReportSchema>;

/** What verifying an OpenSSF model signature said. */
export const signatureStatuses = ["unsigned", "verified", "failed", "not_checked"] as const;
export const signatureStatusSchema = z.enum(signatureStatuses);
export type SignatureStatus = z.infer<typeof signatureStatusSchema>;

export const modelSignatureResultSchema = z.object({
  status: signatureStatusSchema,
  /** in-toto predicate type, e.g. https://model_signing/signature/v1.0 */
  predicateType: z.string().max(500).nullable(),
  /** Key id / public key fingerprint, or the certificate identity and issuer. */
  signer: z.string().max(2000).nullable(),
  changed: z.array(pathSchema).max(100_000),
  added: z.array(pathSchema).max(100_000),
  removed: z.array(pathSchema).max(100_000),
  /** Why verification failed, in plain words. */
  reason: z.string().max(4000).nullable(),
});
export type ModelSignatureResult = z.infer<typeof modelSignatureResultSchema>;

/** SLSA / in-toto provenance read from a model. */
export const modelProvenanceSchema = z.object({
  predicateType: z.string().max(500),
  builder: z.string().max(2000).nullable(),
  buildType: z.string().max(2000).nullable(),
  source: z.string().max(2000).nullable(),
  materials: z
    .array(z.object({ uri: z.string().max(4000), digest: z.record(z.string(), z.string().max(200)) }))
    .max(10_000),
});
export type ModelProvenance = z.infer<typeof modelProvenanceSchema>;
