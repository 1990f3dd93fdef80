export * from "./telemetry-routes.js";
