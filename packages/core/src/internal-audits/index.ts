export * from "./audit-checklist.js";
export * from "./audit-independence.js";
export * from "./audit-transitions.js";
export * from "./checklist-template-types.js";
export { clauseAuditTemplates } from "./clause-audit-templates.js";
export { controlAuditTemplates } from "./control-audit-templates.js";
