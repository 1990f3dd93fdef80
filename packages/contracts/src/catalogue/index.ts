export * from "./catalogue-routes.js";
