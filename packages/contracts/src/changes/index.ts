export * from "./change-kinds.js";
