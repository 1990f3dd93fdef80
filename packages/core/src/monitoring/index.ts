export * from "./alert-transitions.js";
export * from "./chart-buckets.js";
export * from "./evaluate-observation.js";
export * from "./metric-state.js";
export * from "./observation-batch.js";
