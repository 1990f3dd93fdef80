export * from "./control-attributes.js";
export * from "./control-routes.js";
