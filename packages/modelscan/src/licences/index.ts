export * from "./evaluate-licence.js";
export * from "./hugging-face.js";
export * from "./known-licences.js";
export * from "./model-card-licence.js";
