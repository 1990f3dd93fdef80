import { describe, expect, it } from "vitest";
import { findSelfApproval, segregationOfDutiesMessage } from "./segregation-of-duties.js";

const approver = { memberId: "m-1", userId: "u-1" };

describe("segregation of duties", () => {
  it("refuses the member who wrote or submitted what they approve, matched by membership or account", () => {
    expect(
      findSelfApproval({
        enabled: true,
        activeMembers: 2,
        approver,
        participants: [
          { involvement: "wrote", memberId: "m-2" },
          { involvement: "submitted", memberId: "m-1" },
        ],
      }),
    ).toEqual({ involvement: "submitted", memberId: "m-1" });
    expect(
      findSelfApproval({
        enabled: true,
        activeMembers: 3,
        approver,
        participants: [{ involvement: "wrote", userId: "u-1" }],
      }),
    ).toEqual({ involvement: "wrote", userId: "u-1" });
  });

  it("lets another member approve, and ignores unknown participants", () => {
    expect(
      findSelfApproval({
        enabled: true,
        activeMembers: 2,
        approver,
        participants: [
          { involvement: "wrote", memberId: "m-2", userId: "u-2" },
          { involvement: "submitted", memberId: null, userId: null },
        ],
      }),
    ).toBeNull();
  });

  it("does not bite in a one-member organisation or when switched off", () => {
    const participants = [{ involvement: "wrote" as const, memberId: "m-1" }];
    expect(findSelfApproval({ enabled: true, activeMembers: 1, approver, participants })).toBeNull();
    expect(findSelfApproval({ enabled: false, activeMembers: 5, approver, participants })).toBeNull();
  });

  it("explains the rule in plain words", () => {
    expect(segregationOfDutiesMessage("submitted", "version 2 of DOC-3")).toBe(
      "Segregation of duties: you submitted version 2 of DOC-3, so another member must approve it. An owner or admin can change this rule in Organisation settings.",
    );
    expect(segregationOfDutiesMessage("owns", "risk R-1", "accept")).toContain(
      "you own risk R-1, so another member must accept it.",
    );
  });
});
