import { impactAssessmentStatuses } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { checkImpactTransition, type ImpactAction } from "./impact-transitions.js";

const live = (status: (typeof impactAssessmentStatuses)[number]) => ({ status, archived: false });

describe("impact assessment transitions", () => {
  it("walks draft → submitted → approved → superseded", () => {
    expect(checkImpactTransition(live("draft"), "submit")).toEqual({ ok: true, to: "submitted" });
    expect(checkImpactTransition(live("submitted"), "approve")).toEqual({ ok: true, to: "approved" });
    expect(checkImpactTransition(live("approved"), "supersede")).toEqual({ ok: true, to: "superseded" });
  });

  it("returns a submitted revision to draft", () => {
    expect(checkImpactTransition(live("submitted"), "return")).toEqual({ ok: true, to: "draft" });
  });

  it("allows editing only drafts", () => {
    for (const status of impactAssessmentStatuses) {
      const result = checkImpactTransition(live(status), "edit");
      expect(result.ok).toBe(status === "draft");
    }
    const refused = checkImpactTransition(live("submitted"), "edit");
    expect(refused.ok || refused.reason).toMatch(/Only a draft can be edited.*submitted/);
  });

  it("keeps archiving to work in progress, keeping the status", () => {
    expect(checkImpactTransition(live("draft"), "archive")).toEqual({ ok: true, to: "draft" });
    expect(checkImpactTransition(live("submitted"), "archive")).toEqual({ ok: true, to: "submitted" });
    expect(checkImpactTransition(live("approved"), "archive").ok).toBe(false);
  });

  it("refuses everything on an archived revision, and skipping steps", () => {
    const actions: ImpactAction[] = ["edit", "submit", "return", "approve", "archive", "supersede"];
    for (const action of actions)
      expect(checkImpactTransition({ status: "draft", archived: true }, action).ok).toBe(false);
    expect(checkImpactTransition(live("draft"), "approve").ok).toBe(false);
    expect(checkImpactTransition(live("approved"), "return").ok).toBe(false);
    expect(checkImpactTransition(live("superseded"), "submit").ok).toBe(false);
  });
});
