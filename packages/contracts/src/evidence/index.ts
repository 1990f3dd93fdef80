export * from "./evidence-routes.js";
