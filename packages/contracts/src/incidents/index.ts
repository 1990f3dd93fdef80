export * from "./incident-attributes.js";
