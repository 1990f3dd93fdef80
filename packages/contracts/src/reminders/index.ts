export * from "./reminder-kinds.js";
export * from "./reminder-routes.js";
