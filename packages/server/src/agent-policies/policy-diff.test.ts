import { describe, expect, it } from "vitest";
import { diffLines, diffPolicyDocuments } from "./policy-diff.js";

describe("policy diff", () => {
  it("reports each tool, flow and the default added, removed or changed, with defaults filled in", () => {
    const before = {
      default: "deny",
      tools: { lookup_order: "allow", issue_refund: { approval: {} }, delete_customer: "deny" },
      flows: [{ after: ["fetch_url"], require_approval: ["send_email"] }],
    };
    const after = {
      default: "approval",
      tools: {
        lookup_order: "allow",
        // The full form of the same requirement is no change.
        issue_refund: { approval: { role: "approver", count: 1, members: [], not_from: [], expires: "1h" } },
        send_email: "allow",
      },
      flows: [],
    };
    const changes = diffPolicyDocuments(before, after);
    expect(changes.map((change) => [change.area, change.key, change.change])).toEqual([
      ["default", "default", "changed"],
      ["tools", "delete_customer", "removed"],
      ["tools", "send_email", "added"],
      ["flows", "0", "removed"],
    ]);
    expect(changes[0]).toMatchObject({ before: "deny", after: "approval" });
  });

  it("compares documents that do not parse key by key", () => {
    expect(diffPolicyDocuments({ tools: { a: "maybe" } }, { tools: { a: "maybe" } })).toEqual([]);
    expect(diffPolicyDocuments(null, { tools: { a: "allow" } })).toEqual([
      { area: "tools", key: "a", change: "added", after: "allow" },
    ]);
  });

  it("diffs lines by their longest common subsequence", () => {
    const lines = diffLines("a\nb\nc\nd", "a\nc\nx\nd");
    expect(lines).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "same", text: "c" },
      { kind: "added", text: "x" },
      { kind: "same", text: "d" },
    ]);
    expect(diffLines("same", "same")).toEqual([{ kind: "same", text: "same" }]);
  });
});
