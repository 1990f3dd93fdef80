export * from "./aibom-refs.js";
export * from "./aibom-types.js";
export * from "./build-aibom.js";
export * from "./model-card-cdx.js";
export * from "./parse-aibom.js";
export * from "./validate-aibom.js";
