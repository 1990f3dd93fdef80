export * from "./competence-attributes.js";
export * from "./competence-routes.js";
export * from "./competence-schemas.js";
export * from "./policy-acknowledgement-schemas.js";
export * from "./training-coverage.js";
