export * from "./document-routes.js";
