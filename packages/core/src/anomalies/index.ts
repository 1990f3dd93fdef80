export * from "./baseline.js";
export * from "./content-markers.js";
export * from "./detectors.js";
