export * from "./risk-fields.js";
export * from "./risk-method.js";
export * from "./risk-ratings.js";
export * from "./risk-register.js";
export * from "./risk-routes.js";
export * from "./threat-proposals.js";
export * from "./treatment-actions.js";
