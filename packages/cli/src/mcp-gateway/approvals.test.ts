import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { ServerNotification, ServerRequest } from "@modelcontextprotocol/sdk/types.js";
import { type ApprovalRequirement, approvalRequirementSchema } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { type ApprovalRequest, askForApproval, NO_WAY_TO_ASK, needsTheQueue } from "./approvals.js";

/** A refund that needs approval as the requirement says, from a client that can show forms. */
function refundRequest(requirement: Partial<ApprovalRequirement>, asked: unknown[]): ApprovalRequest {
  const extra = {
    signal: new AbortController().signal,
    sendRequest: async (request: unknown) => {
      asked.push(request);
      return { action: "accept", content: { approve: true } };
    },
  } as unknown as RequestHandlerExtra<ServerRequest, ServerNotification>;
  return {
    call: { kind: "tool", name: "issue_refund", arguments: { amount: 50 } },
    decision: {
      outcome: "approval_required",
      rule: "tools.issue_refund.approval",
      reason: "issue_refund needs approval",
      approval: approvalRequirementSchema.parse(requirement),
    },
    sessionId: "s1",
    clientDecisionId: "d1",
    clientCapabilities: { elicitation: { form: {} } },
    extra,
  };
}

describe("asking for approval", () => {
  it("asks the person at the client when one unnamed approver is enough", async () => {
    const asked: unknown[] = [];
    const answer = await askForApproval(
      refundRequest({ role: "approver" }, asked),
      { via: "auto", timeoutMs: 1000 },
      null,
    );
    expect(answer).toMatchObject({ status: "approved", via: "elicitation" });
    expect(asked).toHaveLength(1);
  });

  it.each([
    [{ count: 2 }, "it needs 2 different approvers"],
    [{ members: ["ana@example.com"] }, "only named members may approve it"],
    [{ not_from: ["eve@example.com"] }, "some members may not approve it"],
  ])("never lets one answer in the client meet %j; without a queue the call is refused", async (requirement, why) => {
    expect(needsTheQueue(approvalRequirementSchema.parse(requirement))).toBe(why);
    for (const via of ["auto", "elicitation"] as const) {
      const asked: unknown[] = [];
      const answer = await askForApproval(refundRequest(requirement, asked), { via, timeoutMs: 1000 }, null);
      expect(answer).toEqual({
        status: "unavailable",
        reason: `${NO_WAY_TO_ASK} (${why}, which only the approval queue can check)`,
        via: null,
      });
      expect(asked).toEqual([]);
    }
  });
});
