export * from "./gate-checks.js";
export * from "./gate-routes.js";
export * from "./gate-schemas.js";
