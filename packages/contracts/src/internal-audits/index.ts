export * from "./internal-audit-routes.js";
