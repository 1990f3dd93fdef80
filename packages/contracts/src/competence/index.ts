export * from "./competence-attributes.js";
export * from "./competence-routes.js";
export * from "./training-coverage.js";
