export * from "./evidence-attributes.js";
export * from "./evidence-routes.js";
export * from "./evidence-schemas.js";
