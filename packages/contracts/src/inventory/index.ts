export * from "./inventory-routes.js";
export * from "./system-attributes.js";
