export * from "./bulk-applicability.js";
export * from "./control-rules.js";
export * from "./effective-status.js";
export * from "./soa-derivation.js";
export * from "./soa-diff.js";
