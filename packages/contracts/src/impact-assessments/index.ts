export * from "./impact-assessment-routes.js";
export * from "./impact-assessment-schemas.js";
export * from "./impact-content.js";
export * from "./impact-dimension-guide.js";
export * from "./impact-scales.js";
