export * from "./home-routes.js";
export * from "./home-schemas.js";
