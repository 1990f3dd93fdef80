export * from "./catalogue-routes.js";
export * from "./catalogue-schemas.js";
export * from "./framework-schemas.js";
export * from "./threat-schemas.js";
