export * from "./metric-attributes.js";
export * from "./monitoring-routes.js";
