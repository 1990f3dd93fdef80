export * from "./incident-attributes.js";
export * from "./incident-routes.js";
