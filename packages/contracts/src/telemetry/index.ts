export * from "./telemetry-routes.js";
export * from "./telemetry-schemas.js";
