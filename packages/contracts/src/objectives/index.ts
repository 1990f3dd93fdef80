export * from "./objective-routes.js";
