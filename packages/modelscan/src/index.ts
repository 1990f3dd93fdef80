export * from "./aibom/index.js";
export {
  type HashModelOptions,
  hashModel,
  ModelHashError,
  type ModelManifest,
  type ModelManifestItem,
  manifestToText,
} from "./hashing/model-manifest.js";
export { mapConcurrent, sha256Bytes, sha256File } from "./hashing/sha256-file.js";
export * from "./licences/index.js";
export {
  type FoundProvenance,
  type ReadProvenanceResult,
  readProvenance,
} from "./provenance/read-provenance.js";
export { toSarif } from "./report/sarif.js";
export { toJson, toText } from "./report/text.js";
export { rules } from "./rules/index.js";
export type { Rule } from "./rules/rule.js";
export * from "./scan/byte-source.js";
export * from "./scan/format-scanner.js";
export { DEFAULT_LIMITS } from "./scan/limits.js";
export { fingerprint, SCANNER_NAME, SCANNER_VERSION, severityRank } from "./scan/report-builder.js";
export { type ScanOptions, scanBytes, scanPaths } from "./scan/scan-paths.js";
export {
  DEFAULT_SIGNATURE_FILE,
  MODEL_SIGNING_PREDICATE_V1,
  MODEL_SIGNING_PREDICATE_V01,
  SignatureFormatError,
} from "./signing/format.js";
export { SigningKeyError } from "./signing/keys.js";
export { type SignModelOptions, signModel } from "./signing/sign.js";
export { compareManifests, type VerifyModelOptions, verifyModel } from "./signing/verify.js";
