export * from "./reminder-kinds.js";
export * from "./reminder-routes.js";
export * from "./reminder-schemas.js";
