import { describe, expect, it } from "vitest";
import { compilePolicy } from "./compile-policy.js";
import { parsePolicySource } from "./parse-policy-source.js";
import { compileSource, examplePolicyYaml } from "./policy-test-fixtures.js";

function errorsOf(text: string, options?: Parameters<typeof compilePolicy>[1]) {
  const parsed = parsePolicySource(text);
  if (!parsed.ok) return parsed.errors;
  const compiled = compilePolicy(parsed.document, options);
  return compiled.ok ? [] : compiled.errors;
}

describe("parsePolicySource", () => {
  it("reads the issue's example YAML and the same policy as JSON", () => {
    const yaml = parsePolicySource(examplePolicyYaml);
    expect(yaml.ok).toBe(true);
    if (!yaml.ok) return;
    const json = parsePolicySource(JSON.stringify(yaml.document));
    expect(json).toEqual(yaml);
  });

  it("names the line and column of a syntax mistake", () => {
    const result = parsePolicySource("default: deny\ntools:\n  send_email: [allow\n  lookup_order: allow\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toMatch(/^line \d+, column \d+: /);
  });

  it("refuses a key written twice", () => {
    const result = parsePolicySource("default: deny\ndefault: allow\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.message).toMatch(/^line 2, column 1: .*unique/i);
  });
});

describe("compilePolicy", () => {
  it("compiles the example with defaults filled in and a stable hash", () => {
    const policy = compileSource(examplePolicyYaml);
    expect(policy.defaultDecision).toBe("deny");
    expect(policy.maxArgumentBytes).toBe(64 * 1024);
    expect(policy.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(compileSource(`${examplePolicyYaml}version: 1\n`).sha256).toBe(policy.sha256);
    expect(compileSource(examplePolicyYaml.replace("send_email: allow", "send_email: deny")).sha256).not.toBe(
      policy.sha256,
    );
  });

  it("names the path of a schema that does not compile", () => {
    expect(errorsOf("tools:\n  issue_refund: { arguments: { amount: { maximum: x } } }\n")).toEqual([
      { path: "tools.issue_refund.arguments.amount.maximum", message: "must be number" },
    ]);
  });

  it("treats a misspelt schema keyword as a mistake", () => {
    const errors = errorsOf("tools:\n  issue_refund: { arguments: { amount: { maximun: 100 } } }\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe("tools.issue_refund.arguments.amount");
    expect(errors[0]?.message).toContain("maximun");
  });

  it("reports contradictions with their paths", () => {
    const errors = errorsOf(`
tools:
  wipe: { decision: deny, approval: { role: admin }, rate: { per_minute: 3 } }
  pay: { decision: allow, approval: { role: approver } }
  notify: { rate: { per_minute: 100, per_hour: 10 } }
  refund:
    approval: { count: 2, members: [a@x.test, b@x.test], not_from: [b@x.test] }
    arguments: { reason: { type: string } }
    budget: { argument: reason, per_day: 100 }
flows:
  - after: [fetch_url]
    require_approval: [send_email, class:financial]
    deny: [run_code, send_email]
`);
    expect(errors.map((e) => e.path).sort()).toEqual(
      [
        "flows[0].deny[1]",
        "tools.notify.rate.per_minute",
        "tools.pay.approval",
        "tools.refund.approval.count",
        "tools.refund.budget.argument",
        "tools.wipe.approval",
        "tools.wipe.rate",
      ].sort(),
    );
  });

  it("names shape mistakes by path, short forms included", () => {
    const errors = errorsOf(`
default: maybe
tools:
  a: alow
  b: { decision: allow, colour: red }
flows:
  - require_approval: [a]
`);
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(["default", "tools.a", "tools.b.colour", "flows[0].after"]),
    );
    expect(errors.find((e) => e.path === "tools.a")?.message).toBe("must be allow, deny or approval");
    expect(errorsOf("tools:\n  bad name!: allow\n")).toEqual([
      { path: "tools.bad name!", message: "is not a usable name: must be letters, digits, _ . : / or -" },
    ]);
  });

  it("refuses tools the agent does not have, but not class targets", () => {
    const errors = errorsOf(
      "tools:\n  lookup_order: allow\n  launch_rocket: deny\nflows:\n  - after: [browse, class:read]\n    deny: [lookup_order]\n",
      { knownTools: ["lookup_order", "fetch_url"] },
    );
    expect(errors.map((e) => e.path)).toEqual(["tools.launch_rocket", "flows[0].after[0]"]);
  });

  it("refuses an unknown class in a flow target and a wildcard inside a resource name", () => {
    const errors = errorsOf("flows:\n  - after: [class:banking]\n    deny: [x]\nresources:\n  'file:///a*b': deny\n");
    expect(errors.map((e) => e.path)).toEqual(["flows[0].after[0]", "resources.file:///a*b"]);
  });

  it("warns about a budget argument without a schema and an untrusted tool no flow reads", () => {
    const parsed = parsePolicySource(
      "tools:\n  pay: { budget: { argument: amount, per_day: 10 } }\n  browse: { untrusted: true }\n",
    );
    if (!parsed.ok) throw new Error("parse");
    const compiled = compilePolicy(parsed.document);
    expect(compiled.ok).toBe(true);
    if (!compiled.ok) return;
    expect(compiled.warnings.map((w) => w.path)).toEqual(["tools.pay.budget.argument", "tools.browse.untrusted"]);
  });

  it("refuses values JSON cannot carry instead of throwing", () => {
    expect(errorsOf("tools:\n  pay: { arguments: { amount: { maximum: .inf } } }\n")).toEqual([
      { path: "tools.pay.arguments.amount.maximum", message: "Infinity is not a number JSON can carry" },
    ]);
    const cyclic: Record<string, unknown> = { default: "deny" };
    cyclic.tools = { a: { schema: cyclic } };
    expect(compilePolicy(cyclic).ok).toBe(false);
    expect(compilePolicy(null)).toMatchObject({ ok: false });
  });
});
