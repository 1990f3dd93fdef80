export * from "./anomaly-routes.js";
export * from "./anomaly-schemas.js";
