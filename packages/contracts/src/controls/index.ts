export * from "./control-routes.js";
