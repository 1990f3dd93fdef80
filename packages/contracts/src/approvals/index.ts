export * from "./approval-routes.js";
export * from "./approval-schemas.js";
