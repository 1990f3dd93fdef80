export * from "./drift-routes.js";
