import { documentVersionActions, documentVersionStatuses } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import {
  allowedVersionActions,
  checkApproval,
  deriveDocumentStatus,
  isVersionEditable,
  nextVersionStatus,
} from "./version-transitions.js";

describe("document version transitions", () => {
  it("follows draft → in review → approved → superseded or retired", () => {
    expect(nextVersionStatus("draft", "submit")).toBe("in_review");
    expect(nextVersionStatus("in_review", "approve")).toBe("approved");
    expect(nextVersionStatus("in_review", "request_changes")).toBe("draft");
    expect(nextVersionStatus("approved", "supersede")).toBe("superseded");
    expect(nextVersionStatus("approved", "retire")).toBe("retired");
  });

  it("refuses every other move", () => {
    const allowed = new Set([
      "draft:submit",
      "in_review:approve",
      "in_review:request_changes",
      "approved:supersede",
      "approved:retire",
    ]);
    for (const status of documentVersionStatuses)
      for (const action of documentVersionActions) {
        const next = nextVersionStatus(status, action);
        expect(next === null, `${status}:${action}`).toBe(!allowed.has(`${status}:${action}`));
      }
  });

  it("never lets a person supersede by hand, and ends superseded and retired versions", () => {
    expect(allowedVersionActions("approved")).toEqual(["retire"]);
    expect(allowedVersionActions("in_review")).toEqual(["request_changes", "approve"]);
    expect(allowedVersionActions("superseded")).toEqual([]);
    expect(allowedVersionActions("retired")).toEqual([]);
  });

  it("lets only drafts be edited", () => {
    expect(documentVersionStatuses.filter(isVersionEditable)).toEqual(["draft"]);
  });

  it("derives the document status from the version in force first", () => {
    expect(deriveDocumentStatus({ hasVersionInForce: true, openVersionStatus: "draft" })).toBe("approved");
    expect(deriveDocumentStatus({ hasVersionInForce: false, openVersionStatus: "in_review" })).toBe("in_review");
    expect(deriveDocumentStatus({ hasVersionInForce: false, openVersionStatus: "draft" })).toBe("draft");
    expect(deriveDocumentStatus({ hasVersionInForce: false, openVersionStatus: null })).toBe("retired");
  });
});

describe("approval checks", () => {
  const hash = "a".repeat(64);
  const base = { submittedSha256: hash, currentSha256: hash, approverMemberIds: [], actorMemberId: "m1" };

  it("accepts the submitted body from anyone when no approver is named", () => {
    expect(checkApproval(base)).toBeNull();
  });
  it("refuses a body changed since submission", () => {
    expect(checkApproval({ ...base, currentSha256: "b".repeat(64) })).toBe("body_changed");
    expect(checkApproval({ ...base, submittedSha256: null })).toBe("body_changed");
  });
  it("refuses when the approver read another body", () => {
    expect(checkApproval({ ...base, reviewedSha256: "c".repeat(64) })).toBe("not_reviewed_body");
    expect(checkApproval({ ...base, reviewedSha256: hash })).toBeNull();
  });
  it("refuses someone who is not a named approver", () => {
    expect(checkApproval({ ...base, approverMemberIds: ["m2"] })).toBe("not_an_approver");
    expect(checkApproval({ ...base, approverMemberIds: ["m2", "m1"] })).toBeNull();
  });
});
