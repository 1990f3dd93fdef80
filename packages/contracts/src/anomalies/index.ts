export * from "./anomaly-routes.js";
