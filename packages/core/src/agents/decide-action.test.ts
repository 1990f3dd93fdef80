import { describe, expect, it } from "vitest";
import { decideAction } from "./decide-action.js";
import { compileSource, examplePolicyYaml, fixtureToolClasses, fullPolicy } from "./policy-test-fixtures.js";
import { type ActionCall, emptySessionState, markUntrusted, recordStep, type SessionState } from "./session-state.js";

const example = compileSource(examplePolicyYaml);
const now = Date.UTC(2026, 11, 7, 12);
const tool = (name: string, args: unknown = {}): ActionCall => ({ kind: "tool", name, arguments: args });
const fresh = () => ({ session: emptySessionState() });

describe("decideAction on the issue's example policy", () => {
  it("allows lookup_order and send_email by their own rules", () => {
    expect(decideAction(example, tool("lookup_order", { id: "O-1" }), fresh())).toMatchObject({
      outcome: "allow",
      rule: "tools.lookup_order",
    });
    expect(decideAction(example, tool("send_email", { to: "a@b.test" }), fresh())).toMatchObject({
      outcome: "allow",
      rule: "tools.send_email",
    });
  });

  it("denies delete_customer by its rule and an unlisted tool by the default", () => {
    expect(decideAction(example, tool("delete_customer", { id: "C-1" }), fresh())).toMatchObject({
      outcome: "deny",
      rule: "tools.delete_customer",
    });
    expect(decideAction(example, tool("transfer_funds"), fresh())).toMatchObject({ outcome: "deny", rule: "default" });
  });

  it("asks an approver for a refund of 50 and denies one of 500 naming the argument rule", () => {
    const small = decideAction(example, tool("issue_refund", { amount: 50 }), fresh());
    expect(small).toMatchObject({ outcome: "approval_required", rule: "tools.issue_refund.approval" });
    expect(small.approval).toEqual({ role: "approver", count: 1, members: [], not_from: [], expires: "1h" });
    expect(decideAction(example, tool("issue_refund", { amount: 500 }), fresh())).toEqual({
      outcome: "deny",
      rule: "tools.issue_refund.arguments.amount",
      reason: "amount 500 is more than the maximum 100",
    });
  });

  it("denies a refund whose amount is missing or is not a number", () => {
    expect(decideAction(example, tool("issue_refund", {}), fresh())).toMatchObject({
      outcome: "deny",
      rule: "tools.issue_refund.arguments.amount",
    });
    expect(decideAction(example, tool("issue_refund", { amount: "500" }), fresh())).toMatchObject({
      outcome: "deny",
      rule: "tools.issue_refund.arguments.amount",
    });
  });

  it("asks for approval of send_email after fetch_url, executed or only tried", () => {
    const fetched = recordStep(emptySessionState(), tool("fetch_url"), "allow", example, now);
    expect(decideAction(example, tool("send_email"), { session: fetched })).toMatchObject({
      outcome: "approval_required",
      rule: "flows[0]",
      reason: "send_email comes after fetch_url in this session",
    });
    // The example lists no rule for fetch_url, so the default denies it; the attempt still counts.
    expect(decideAction(example, tool("fetch_url"), fresh())).toMatchObject({ outcome: "deny", rule: "default" });
    const refused = recordStep(emptySessionState(), tool("fetch_url"), "deny", example, now);
    expect(decideAction(example, tool("send_email"), { session: refused })).toMatchObject({
      outcome: "approval_required",
      rule: "flows[0]",
    });
    const other = recordStep(emptySessionState(), tool("lookup_order"), "deny", example, now);
    expect(decideAction(example, tool("send_email"), { session: other })).toMatchObject({ outcome: "allow" });
  });

  it("denies arguments that are not an object or are too large", () => {
    expect(decideAction(example, tool("lookup_order", [1, 2]), fresh())).toMatchObject({
      outcome: "deny",
      rule: "limits.max_argument_bytes",
    });
    const limited = compileSource(`${examplePolicyYaml}limits: { max_argument_bytes: 100 }\n`);
    expect(decideAction(limited, tool("lookup_order", { note: "é".repeat(45) }), fresh())).toMatchObject({
      outcome: "deny",
      rule: "limits.max_argument_bytes",
    });
    expect(decideAction(limited, tool("lookup_order", { note: "e".repeat(45) }), fresh()).outcome).toBe("allow");
  });

  it("fails closed on arguments JSON cannot carry", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(decideAction(example, tool("lookup_order", cyclic), fresh())).toMatchObject({
      outcome: "deny",
      rule: "error",
    });
    expect(decideAction(example, tool("lookup_order", { n: 10n }), fresh())).toMatchObject({
      outcome: "deny",
      rule: "error",
    });
  });

  it("leaves resources and prompts ungoverned when the policy has no section for them", () => {
    expect(decideAction(example, { kind: "resource", name: "file:///x", arguments: {} }, fresh())).toMatchObject({
      outcome: "allow",
      rule: "resources",
    });
    expect(decideAction(example, { kind: "prompt", name: "summary", arguments: {} }, fresh())).toMatchObject({
      outcome: "allow",
      rule: "prompts",
    });
  });
});

const classes = fixtureToolClasses;
const ctx = (
  session: SessionState = emptySessionState(),
  usage = { callsLastMinute: 0, callsLastHour: 0, spentToday: 0 },
) => ({
  session,
  usage,
  toolClasses: classes,
});

describe("decideAction on a policy using every rule", () => {
  it("checks argument patterns, the whole-arguments schema, rate and budget in that order", () => {
    const wire = (args: object) => tool("send_wire", args);
    expect(decideAction(fullPolicy, wire({ amount: 10, iban: "FR1" }), ctx())).toMatchObject({
      rule: "tools.send_wire.arguments.iban",
      reason: 'iban "FR1" does not match the pattern ^DE',
    });
    expect(decideAction(fullPolicy, wire({ amount: 10, iban: "DE1" }), ctx()).outcome).toBe("allow");
    expect(
      decideAction(
        fullPolicy,
        wire({ amount: 10, iban: "DE1" }),
        ctx(undefined, { callsLastMinute: 2, callsLastHour: 2, spentToday: 0 }),
      ),
    ).toMatchObject({ outcome: "deny", rule: "tools.send_wire.rate.per_minute" });
    expect(
      decideAction(
        fullPolicy,
        wire({ amount: 10, iban: "DE1" }),
        ctx(undefined, { callsLastMinute: 0, callsLastHour: 3, spentToday: 0 }),
      ),
    ).toMatchObject({ outcome: "deny", rule: "tools.send_wire.rate.per_hour" });
    expect(
      decideAction(
        fullPolicy,
        wire({ amount: 10, iban: "DE1" }),
        ctx(undefined, { callsLastMinute: 0, callsLastHour: 0, spentToday: 995 }),
      ),
    ).toEqual({
      outcome: "deny",
      rule: "tools.send_wire.budget",
      reason: "995 EUR spent today plus 10 EUR is more than the daily budget of 1000 EUR",
    });
    expect(decideAction(fullPolicy, wire({ amount: 10, iban: "DE1" }), { session: emptySessionState() })).toMatchObject(
      {
        outcome: "deny",
        rule: "tools.send_wire.rate",
      },
    );
    expect(decideAction(fullPolicy, tool("send_email", { to: "a@example.com", cc: "x" }), ctx())).toMatchObject({
      outcome: "deny",
      rule: "tools.send_email.schema",
      reason: "the arguments has cc, which the policy does not allow",
    });
  });

  it("uses class rules for unlisted tools of a known class and the default for the rest", () => {
    expect(decideAction(fullPolicy, tool("run_code"), ctx())).toMatchObject({
      outcome: "deny",
      rule: "classes.code_execution",
    });
    expect(decideAction(fullPolicy, tool("dump_db"), ctx())).toMatchObject({
      outcome: "approval_required",
      rule: "classes.data_export.approval",
      approval: { role: "compliance_manager" },
    });
    expect(decideAction(fullPolicy, tool("unheard_of"), ctx())).toMatchObject({
      outcome: "approval_required",
      rule: "default",
    });
  });

  it("applies flow rules by class and after untrusted content, the tool's own approval winning over a flow's", () => {
    const browsed = recordStep(emptySessionState(), tool("browse"), "allow", fullPolicy, now);
    expect(browsed.untrusted).toBe(true);
    expect(decideAction(fullPolicy, tool("send_email", { to: "a@example.com" }), ctx(browsed))).toMatchObject({
      outcome: "approval_required",
      rule: "flows[0]",
      reason: "untrusted content was read earlier",
    });
    const paid = recordStep(
      emptySessionState(),
      tool("send_wire", { amount: 1, iban: "DE" }),
      "approved",
      fullPolicy,
      now,
    );
    expect(paid.calledClasses).toEqual(["financial"]);
    expect(decideAction(fullPolicy, tool("wipe"), ctx(paid))).toMatchObject({ outcome: "deny", rule: "flows[1]" });
    const marked = markUntrusted(emptySessionState(), "inbox");
    expect(decideAction(fullPolicy, tool("wipe"), ctx(marked))).toMatchObject({
      outcome: "approval_required",
      rule: "tools.wipe.approval",
      approval: { role: "admin", count: 2 },
    });
  });

  it("matches resources by exact name, then the longest wildcard, then the default", () => {
    const resource = (name: string) => decideAction(fullPolicy, { kind: "resource", name, arguments: {} }, ctx());
    expect(resource("file:///public/readme")).toMatchObject({
      outcome: "approval_required",
      rule: "resources.file:///public/readme",
    });
    expect(resource("file:///public/secret/key")).toMatchObject({
      outcome: "deny",
      rule: "resources.file:///public/secret/*",
    });
    expect(resource("file:///public/index")).toMatchObject({ outcome: "allow", rule: "resources.file:///public/*" });
    expect(resource("file:///etc/passwd")).toMatchObject({ outcome: "approval_required", rule: "default" });
    expect(decideAction(fullPolicy, { kind: "prompt", name: "summary", arguments: {} }, ctx())).toMatchObject({
      outcome: "allow",
      rule: "prompts.summary",
    });
  });
});
