export * from "./agent-attributes.js";
export * from "./agent-decision-routes.js";
export * from "./agent-decision-schemas.js";
export * from "./agent-policy-routes.js";
export * from "./agent-policy-schemas.js";
export * from "./policy-document.js";
