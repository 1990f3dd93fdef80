import type { DocumentKind, DocumentTemplateId } from "@openaims/contracts";
import { aiPolicyTemplate } from "./ai-policy-template.js";
import { aiUseCaseProcedureTemplate } from "./ai-use-case-procedure-template.js";

/** A starting text for a new controlled document. */
export interface DocumentTemplate {
  id: DocumentTemplateId;
  kind: DocumentKind;
  title: string;
  description: string;
  /** Markdown with `{{organisation}}` where the organisation's name goes. */
  body: string;
}

export const documentTemplates: Record<DocumentTemplateId, DocumentTemplate> = {
  ai_policy: {
    id: "ai_policy",
    kind: "ai_policy",
    title: "AI policy",
    description:
      "Purpose, acceptable and prohibited use, approval of new AI, data, oversight, transparency, concern reporting, roles and review.",
    body: aiPolicyTemplate,
  },
  ai_use_case_procedure: {
    id: "ai_use_case_procedure",
    kind: "procedure",
    title: "Procedure: approving a new AI system or use case",
    description: "Seven steps from request to release, with the records each step leaves.",
    body: aiUseCaseProcedureTemplate,
  },
};

/** The template's body with the organisation's name filled in. */
export function renderDocumentTemplate(id: DocumentTemplateId, organisationName: string): string {
  return documentTemplates[id].body.replaceAll("{{organisation}}", organisationName);
}
