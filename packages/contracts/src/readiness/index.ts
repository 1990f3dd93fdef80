export * from "./readiness-routes.js";
export * from "./readiness-schemas.js";
