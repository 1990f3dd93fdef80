export * from "./change-kinds.js";
export * from "./change-routes.js";
export * from "./change-schemas.js";
