export * from "./inventory-routes.js";
