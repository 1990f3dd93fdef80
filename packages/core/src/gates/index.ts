export * from "./default-checklists.js";
export * from "./evaluate-gate.js";
export * from "./lifecycle-moves.js";
