export * from "./gate-checks.js";
