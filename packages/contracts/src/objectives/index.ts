export * from "./objective-attributes.js";
export * from "./objective-routes.js";
export * from "./objective-schemas.js";
export * from "./objective-standing.js";
