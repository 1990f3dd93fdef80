export * from "./control-attributes.js";
export * from "./control-routes.js";
export * from "./control-schemas.js";
export * from "./soa-schemas.js";
