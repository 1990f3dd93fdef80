export * from "./alert-schemas.js";
export * from "./metric-attributes.js";
export * from "./metric-schemas.js";
export * from "./monitoring-routes.js";
export * from "./observation-schemas.js";
