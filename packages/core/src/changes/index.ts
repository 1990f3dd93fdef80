export * from "./material-change.js";
