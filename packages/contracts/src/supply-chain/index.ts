export * from "./aibom-routes.js";
export * from "./licence-routes.js";
export * from "./model-scan-report.js";
export * from "./model-scan-routes.js";
