export * from "./competence-routes.js";
