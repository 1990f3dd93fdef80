export * from "./objective-progress.js";
