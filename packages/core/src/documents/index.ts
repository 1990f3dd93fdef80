export * from "./body-hash.js";
export * from "./line-diff.js";
export * from "./raci-coverage.js";
export * from "./review-dates.js";
export * from "./scope-markdown.js";
export * from "./templates/document-templates.js";
export * from "./version-transitions.js";
