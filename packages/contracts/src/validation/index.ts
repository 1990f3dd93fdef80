export * from "./field-labels.js";
export * from "./field-messages.js";
export * from "./issue-message.js";
export { type FieldLimits, fieldLimits } from "./schema-path.js";
export * from "./value-labels.js";
