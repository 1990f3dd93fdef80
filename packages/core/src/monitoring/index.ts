export * from "./evaluate-observation.js";
export * from "./observation-batch.js";
