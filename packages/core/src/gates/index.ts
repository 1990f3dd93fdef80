export * from "./default-checklists.js";
export * from "./evaluate-gate.js";
