export * from "./asset-schemas.js";
export * from "./import-schemas.js";
export * from "./inventory-fields.js";
export * from "./inventory-routes.js";
export * from "./system-attributes.js";
export * from "./system-columns.js";
export * from "./system-schemas.js";
export * from "./vendor-schemas.js";
