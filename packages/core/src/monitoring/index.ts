export * from "./evaluate-observation.js";
