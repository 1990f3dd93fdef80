export * from "./field-labels.js";
export * from "./field-messages.js";
export * from "./issue-message.js";
export * from "./value-labels.js";
