export * from "./gate-checks.js";
export * from "./gate-routes.js";
