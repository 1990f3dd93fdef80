export * from "./nonconformity-rules.js";
