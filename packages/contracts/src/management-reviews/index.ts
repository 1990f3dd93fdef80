export * from "./management-review-routes.js";
export * from "./review-attributes.js";
export * from "./review-inputs.js";
export * from "./review-pack-schemas.js";
export * from "./review-schemas.js";
