export * from "./risk-ratings.js";
export * from "./risk-routes.js";
