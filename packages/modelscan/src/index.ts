export * from "./licences/index.js";
export type { Rule } from "./rules/rule.js";
export * from "./scan/byte-source.js";
export * from "./scan/format-scanner.js";
