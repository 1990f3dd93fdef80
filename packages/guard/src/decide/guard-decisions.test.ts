import { examplePolicyYaml as examplePolicy } from "@openaims/core/testing";
import { describe, expect, it } from "vitest";
import { createGuard, type GuardEvent } from "../create-guard.js";

const refund = (amount: number) => ({ name: "issue_refund", arguments: { order: "A-1001", amount } });
const email = { name: "send_email", arguments: { to: "jane@example.com", body: "Your refund is on its way." } };

describe("decideToolCall with the issue's example policy", () => {
  it("asks for approval of a refund of 50, denies 500 naming the argument rule, and denies the unlisted", () => {
    const guard = createGuard({ policy: examplePolicy });
    expect(guard.policyErrors).toEqual([]);
    const fifty = guard.decideToolCall("s1", refund(50));
    expect(fifty).toMatchObject({ outcome: "approval_required", approval: { role: "approver", count: 1 } });
    expect(fifty.rule).toMatch(/^tools\.issue_refund/);
    const fiveHundred = guard.decideToolCall("s1", refund(500));
    expect(fiveHundred).toMatchObject({ outcome: "deny", rule: "tools.issue_refund.arguments.amount" });
    expect(fiveHundred.reason).toMatch(/100/);
    expect(guard.decideToolCall("s1", { name: "delete_customer", arguments: { id: "C-1" } })).toMatchObject({
      outcome: "deny",
      rule: "tools.delete_customer",
    });
    expect(guard.decideToolCall("s1", { name: "drop_database" })).toMatchObject({ outcome: "deny", rule: "default" });
    expect(guard.decideToolCall("s1", { name: "lookup_order", arguments: { id: "A-1001" } })).toMatchObject({
      outcome: "allow",
      rule: "tools.lookup_order",
      sessionId: "s1",
      policySha256: guard.policySha256,
    });
  });

  it("allows send_email until the session has tried fetch_url, then asks for approval by the flow rule", () => {
    const guard = createGuard({ policy: examplePolicy });
    expect(guard.decideToolCall("s2", email)).toMatchObject({ outcome: "allow", rule: "tools.send_email" });
    // fetch_url is not in the policy, so the guard denies it; the attempt still counts for the flow rule.
    expect(guard.decideToolCall("s2", { name: "fetch_url", arguments: { url: "https://x.example" } }).outcome).toBe(
      "deny",
    );
    const after = guard.decideToolCall("s2", email);
    expect(after).toMatchObject({ outcome: "approval_required", rule: "flows[0]" });
    expect(after.reason).toContain("fetch_url");
    // Another session has its own history.
    expect(guard.decideToolCall("s3", email).outcome).toBe("allow");
    expect(guard.session("s2")?.steps.map((step) => [step.name, step.outcome])).toEqual([["fetch_url", "deny"]]);
  });

  it("applies flow rules after untrusted content the application marks", () => {
    const guard = createGuard({
      policy: {
        tools: { send_email: "allow", fetch_url: { decision: "allow", untrusted: true } },
        flows: [{ after_untrusted: true, require_approval: ["class:external_communication", "send_email"] }],
      },
    });
    expect(guard.decideToolCall("a", email).outcome).toBe("allow");
    guard.markUntrusted("a", "https://reviews.example/page");
    expect(guard.decideToolCall("a", email)).toMatchObject({ outcome: "approval_required", rule: "flows[0]" });
    // A tool whose rule says untrusted: true marks the session when it runs.
    guard.recordToolResult("b", { name: "fetch_url", arguments: {} }, { executed: true });
    expect(guard.session("b")?.untrusted).toBe(true);
    expect(guard.decideToolCall("b", email).outcome).toBe("approval_required");
  });

  it("counts executed calls for rate limits and daily budgets, per agent, on the guard's clock", () => {
    let clock = Date.parse("2026-12-07T10:00:00Z");
    const guard = createGuard({
      now: () => clock,
      policy: {
        tools: {
          lookup_order: { rate: { per_minute: 2 } },
          issue_refund: { budget: { argument: "amount", per_day: 100, currency: "EUR" } },
        },
      },
    });
    const lookup = { name: "lookup_order", arguments: { id: "A-1" } };
    for (let i = 0; i < 2; i++) {
      expect(guard.decideToolCall(`s${i}`, lookup).outcome).toBe("allow");
      guard.recordToolResult(`s${i}`, lookup, { executed: true });
    }
    expect(guard.decideToolCall("s9", lookup)).toMatchObject({
      outcome: "deny",
      rule: "tools.lookup_order.rate.per_minute",
    });
    clock += 61_000;
    expect(guard.decideToolCall("s9", lookup).outcome).toBe("allow");

    guard.recordToolResult("s1", refund(60), { executed: true, approved: true });
    expect(guard.decideToolCall("s1", refund(50))).toMatchObject({
      outcome: "deny",
      rule: "tools.issue_refund.budget",
    });
    expect(guard.decideToolCall("s1", refund(40)).outcome).toBe("allow");
    clock = Date.parse("2026-12-08T00:00:01Z");
    expect(guard.decideToolCall("s1", refund(50)).outcome).toBe("allow");
  });

  it("keeps at most maxSessions sessions, forgetting the least recently used, and forgets idle ones", () => {
    let clock = 0;
    const guard = createGuard({ policy: examplePolicy, maxSessions: 2, sessionIdleMs: 60_000, now: () => clock });
    const fetched = (id: string) => guard.recordToolResult(id, { name: "fetch_url" }, { executed: true });
    fetched("one");
    fetched("two");
    expect(guard.decideToolCall("one", email).outcome).toBe("approval_required");
    fetched("three");
    expect(guard.stats()).toMatchObject({ sessions: 2, evictedSessions: 1 });
    expect(guard.session("two")).toBeNull();
    expect(guard.decideToolCall("two", email).outcome).toBe("allow");
    expect(guard.session("one")?.called).toEqual(["fetch_url"]);
    clock += 60_001;
    expect(guard.session("one")).toBeNull();
    expect(guard.decideToolCall("one", email).outcome).toBe("allow");
  });

  it("denies every call when the policy is broken, naming the path of the mistake", () => {
    const guard = createGuard({
      policy: "default: deny\ntools:\n  issue_refund: { arguments: { amount: { maximum: lots } } }\n",
    });
    expect(guard.policyErrors[0]?.path).toMatch(/^tools\.issue_refund\.arguments\.amount/);
    const decision = guard.decideToolCall("s", { name: "issue_refund", arguments: { amount: 1 } });
    expect(decision).toMatchObject({ outcome: "deny", policySha256: null });
    expect(decision.rule).toBe(`policy.${guard.policyErrors[0]?.path}`);
    expect(decision.reason).toMatch(/^the policy cannot be used \(tools\.issue_refund\.arguments\.amount/);
    expect(guard.decideToolCall("s", { name: "lookup_order" }).outcome).toBe("deny");
  });

  it("denies every call when the policy text does not parse, or when there is no policy", () => {
    const unparsable = createGuard({ policy: "tools: [lookup_order: allow\n" });
    expect(unparsable.decideToolCall("s", { name: "lookup_order" })).toMatchObject({ outcome: "deny", rule: "policy" });
    expect(unparsable.policyErrors[0]?.message).toMatch(/line \d+/);
    const none = createGuard();
    expect(none.decideToolCall("s", { name: "lookup_order" })).toMatchObject({
      outcome: "deny",
      rule: "policy",
      reason: "the policy cannot be used (the guard was given no policy), so every call is denied",
    });
    const unknownKey = createGuard({ policy: { tools: { lookup_order: "allow" }, defualt: "allow" } as never });
    expect(unknownKey.decideToolCall("s", { name: "lookup_order" }).outcome).toBe("deny");
  });

  it("denies a call of the wrong shape without deciding it, and survives an observer that throws", () => {
    const events: GuardEvent["type"][] = [];
    const guard = createGuard({
      policy: examplePolicy,
      onEvent: (event) => {
        events.push(event.type);
        throw new Error("observer failed");
      },
    });
    expect(guard.decideToolCall("s", { name: "bad name!" })).toMatchObject({ outcome: "deny", rule: "call" });
    expect(guard.decideToolCall("", { name: "lookup_order" })).toMatchObject({ outcome: "deny", rule: "call" });
    expect(
      guard.decideToolCall("s", { name: "lookup_order", arguments: [1, 2] as unknown as Record<string, unknown> }),
    ).toMatchObject({ outcome: "deny", rule: "call" });
    expect(guard.decideToolCall("s", { name: "lookup_order", arguments: { blob: "x".repeat(70_000) } })).toMatchObject({
      outcome: "deny",
      rule: "limits.max_argument_bytes",
    });
    expect(events).toEqual(["decided", "decided", "decided", "decided"]);
  });
});
