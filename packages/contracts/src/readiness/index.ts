export * from "./readiness-routes.js";
