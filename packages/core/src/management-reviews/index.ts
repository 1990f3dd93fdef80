export * from "./review-as-of.js";
export * from "./review-rules.js";
export * from "./scope-changes.js";
