export * from "./document-kinds.js";
export * from "./document-routes.js";
