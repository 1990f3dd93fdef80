export * from "./impact-content.js";
export * from "./impact-focus-hints.js";
export * from "./impact-rating.js";
export * from "./impact-staleness.js";
export * from "./impact-transitions.js";
