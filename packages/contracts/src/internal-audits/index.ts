export * from "./audit-programme-schemas.js";
export * from "./internal-audit-attributes.js";
export * from "./internal-audit-routes.js";
export * from "./internal-audit-schemas.js";
