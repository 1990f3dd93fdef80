export * from "./document-kinds.js";
export * from "./document-routes.js";
export * from "./document-schemas.js";
export * from "./responsibility-routes.js";
export * from "./responsibility-schemas.js";
export * from "./scope-routes.js";
export * from "./scope-schemas.js";
