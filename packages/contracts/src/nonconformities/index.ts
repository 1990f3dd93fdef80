export * from "./nonconformity-routes.js";
