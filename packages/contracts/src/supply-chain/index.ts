export * from "./aibom-routes.js";
export * from "./aibom-schemas.js";
export * from "./licence-routes.js";
export * from "./licence-schemas.js";
export * from "./model-scan-report.js";
export * from "./model-scan-routes.js";
export * from "./model-scan-schemas.js";
export * from "./spdx-expression.js";
