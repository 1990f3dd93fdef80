export * from "./training-expiry.js";
export * from "./training-import-plan.js";
