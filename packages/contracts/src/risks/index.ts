export * from "./risk-routes.js";
