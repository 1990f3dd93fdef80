export * from "./rerate-plan.js";
export * from "./risk-assessment.js";
export * from "./risk-method-rules.js";
export * from "./risk-status-rules.js";
