export * from "./content-markers.js";
