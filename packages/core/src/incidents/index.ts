export * from "./incident-transitions.js";
