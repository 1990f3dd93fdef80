export * from "./objective-progress.js";
export * from "./objective-status.js";
