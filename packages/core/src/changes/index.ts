export * from "./change-decisions.js";
export * from "./material-change.js";
