export * from "./improvement-schemas.js";
export * from "./nonconformity-attributes.js";
export * from "./nonconformity-routes.js";
export * from "./nonconformity-schemas.js";
