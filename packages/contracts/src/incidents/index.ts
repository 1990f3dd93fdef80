export * from "./concern-schemas.js";
export * from "./incident-attributes.js";
export * from "./incident-routes.js";
export * from "./incident-schemas.js";
