export * from "./latency-histogram.js";
export * from "./token-prices.js";
