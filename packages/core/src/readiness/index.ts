export * from "./clause-checks.js";
export * from "./clause-processes.js";
export * from "./compute-readiness.js";
export * from "./control-checks.js";
export * from "./readiness-types.js";
export * from "./system-checks.js";
