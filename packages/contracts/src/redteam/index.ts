export * from "./redteam-attributes.js";
export * from "./redteam-routes.js";
export * from "./redteam-schemas.js";
