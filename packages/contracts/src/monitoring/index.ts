export * from "./metric-attributes.js";
