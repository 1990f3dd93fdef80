export * from "./management-review-routes.js";
export * from "./review-inputs.js";
