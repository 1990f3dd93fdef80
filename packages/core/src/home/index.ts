export * from "./dashboard-rules.js";
