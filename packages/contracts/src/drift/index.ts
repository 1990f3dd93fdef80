export * from "./drift-report.js";
export * from "./drift-routes.js";
export * from "./drift-schemas.js";
export * from "./drift-upload-schemas.js";
