import { documentTemplateIds } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { documentTemplates, renderDocumentTemplate } from "./document-templates.js";

describe("document templates", () => {
  it("fills in the organisation everywhere", () => {
    for (const id of documentTemplateIds) {
      const body = renderDocumentTemplate(id, "Acme Ltd");
      expect(body).not.toContain("{{");
      expect(body).toContain("Acme Ltd");
    }
  });

  it("gives the AI policy every section a policy needs", () => {
    const body = documentTemplates.ai_policy.body.toLowerCase();
    for (const heading of [
      "purpose",
      "scope",
      "acceptable use",
      "prohibited use",
      "approval of new ai systems",
      "data",
      "human oversight",
      "transparency",
      "reporting incidents and concerns",
      "roles",
      "review",
    ])
      expect(body).toMatch(new RegExp(`^## \\d+\\. ${heading}`, "m"));
  });
});
