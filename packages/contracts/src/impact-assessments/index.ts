export * from "./impact-assessment-routes.js";
