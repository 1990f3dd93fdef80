import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compilePolicy } from "./compile-policy.js";
import type { CompiledPolicy } from "./compiled-policy.js";
import { decideAction } from "./decide-action.js";
import { compileSource, examplePolicyYaml, fixtureToolClasses, fullPolicy } from "./policy-test-fixtures.js";
import { type ActionCall, emptySessionState, markUntrusted, recordStep, type SessionState } from "./session-state.js";

const example = compileSource(examplePolicyYaml);
const now = Date.UTC(2026, 11, 7, 12);

const classes = fixtureToolClasses;
const ctx = (
  session: SessionState = emptySessionState(),
  usage = { callsLastMinute: 0, callsLastHour: 0, spentToday: 0 },
) => ({
  session,
  usage,
  toolClasses: classes,
});

const rank = { allow: 0, approval_required: 1, deny: 2 } as const;
const names = [
  "lookup_order",
  "issue_refund",
  "send_email",
  "delete_customer",
  "fetch_url",
  "send_wire",
  "browse",
  "wipe",
  "run_code",
];
const jsonValue = fc.jsonValue({ maxDepth: 3 });
const callArb = fc.record({
  kind: fc.constantFrom("tool", "tool", "tool", "resource", "prompt") as fc.Arbitrary<ActionCall["kind"]>,
  name: fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 20 })),
  arguments: fc.oneof(
    fc.dictionary(fc.constantFrom("amount", "to", "iban", "body", "x"), jsonValue, { maxKeys: 4 }),
    fc.record({ amount: fc.oneof(fc.double(), fc.integer({ min: -10, max: 1000 })) }),
    jsonValue,
  ),
});
const historyArb = fc.array(
  fc.record({ call: callArb, outcome: fc.constantFrom("allow", "approved", "deny", "refused", "expired" as const) }),
  { maxLength: 8 },
);
const usageArb = fc.record({
  callsLastMinute: fc.nat(5),
  callsLastHour: fc.nat(5),
  spentToday: fc.double({ min: 0, max: 2000, noNaN: true }),
});
const sessionOf = (
  history: { call: ActionCall; outcome: "allow" | "approved" | "deny" | "refused" | "expired" }[],
  untrusted: boolean,
) => {
  let session = emptySessionState();
  for (const step of history) session = recordStep(session, step.call, step.outcome, fullPolicy, now, classes);
  return untrusted ? markUntrusted(session, "page") : session;
};

describe("decideAction properties", () => {
  it("never throws and always names a rule and a reason", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(example, fullPolicy),
        callArb,
        historyArb,
        fc.boolean(),
        fc.option(usageArb),
        (policy, call, history, untrusted, usage) => {
          const decision = decideAction(policy, call, {
            session: sessionOf(history, untrusted),
            ...(usage ? { usage } : {}),
            toolClasses: classes,
          });
          expect(["allow", "deny", "approval_required"]).toContain(decision.outcome);
          expect(decision.rule.length).toBeGreaterThan(0);
          expect(decision.reason.length).toBeGreaterThan(0);
          expect(decision.outcome === "approval_required").toBe(decision.approval !== undefined);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("never throws on arbitrary calls, even malformed ones", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (kind, name, args) => {
        const decision = decideAction(fullPolicy, { kind, name, arguments: args } as ActionCall, ctx());
        expect(["allow", "deny", "approval_required"]).toContain(decision.outcome);
      }),
      { numRuns: 100 },
    );
  });

  it("with an extra deny rule never allows more", () => {
    const stricter = new Map(
      names.map((name) => [
        name,
        compileSource(
          examplePolicyYaml.includes(`  ${name}:`)
            ? examplePolicyYaml.replace(new RegExp(`  ${name}: .*`), `  ${name}: deny`)
            : examplePolicyYaml.replace("tools:\n", `tools:\n  ${name}: deny\n`),
        ),
      ]),
    );
    fc.assert(
      fc.property(fc.constantFrom(...names), callArb, historyArb, fc.boolean(), (denied, call, history, untrusted) => {
        const session = sessionOf(history, untrusted);
        const before = decideAction(example, call, { session });
        const after = decideAction(stricter.get(denied) as typeof example, call, { session });
        expect(rank[after.outcome]).toBeGreaterThanOrEqual(rank[before.outcome]);
      }),
      { numRuns: 100 },
    );
  });

  it("keeps a deny whatever history is added before the call", () => {
    fc.assert(
      fc.property(callArb, historyArb, historyArb, fc.boolean(), usageArb, (call, history, more, untrusted, usage) => {
        const session = sessionOf(history, untrusted);
        const before = decideAction(fullPolicy, call, ctx(session, usage));
        fc.pre(before.outcome === "deny");
        let longer = session;
        for (const step of more) longer = recordStep(longer, step.call, step.outcome, fullPolicy, now, classes);
        expect(decideAction(fullPolicy, call, ctx(longer, usage)).outcome).toBe("deny");
      }),
      { numRuns: 80 },
    );
  });

  it("on random policies, an added deny rule or denying flow never allows more", () => {
    const tools = ["t0", "t1", "t2", "t3", "t4"];
    const ruleArb = fc.oneof(
      fc.constantFrom("allow", "deny", "approval"),
      fc.record({ arguments: fc.record({ amount: fc.record({ maximum: fc.integer({ min: 0, max: 100 }) }) }) }),
      fc.record({ approval: fc.constant({ role: "admin" }), rate: fc.constant({ per_minute: 3 }) }),
      fc.record({ class: fc.constantFrom("read", "financial", "external_communication"), untrusted: fc.boolean() }),
    );
    const flowArb = fc.record({
      after: fc.subarray([...tools, "class:read", "class:financial"], { minLength: 1 }),
      require_approval: fc.subarray(tools.slice(0, 2), { minLength: 1 }),
      deny: fc.subarray(tools.slice(2)),
    });
    const policyArb = fc.record({
      default: fc.constantFrom("allow", "deny", "approval"),
      tools: fc.dictionary(fc.constantFrom(...tools), ruleArb, { maxKeys: 5 }),
      flows: fc.array(flowArb, { maxLength: 3 }),
    });
    const compile = (document: unknown): CompiledPolicy => {
      const result = compilePolicy(document);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return result.policy;
    };
    const toolCall = fc.record({
      kind: fc.constant("tool" as const),
      name: fc.constantFrom(...tools, "other"),
      arguments: fc.oneof(fc.constant({}), fc.record({ amount: fc.integer({ min: -5, max: 150 }) })),
    });
    fc.assert(
      fc.property(
        policyArb,
        fc.constantFrom(...tools),
        fc.constantFrom(...tools),
        fc.boolean(),
        fc.array(toolCall, { maxLength: 6 }),
        toolCall,
        usageArb,
        (document, denied, trigger, asFlow, history, call, usage) => {
          const base = compile(document);
          const stricter = compile(
            asFlow
              ? { ...document, flows: [...document.flows, { after: [trigger], deny: [denied] }] }
              : { ...document, tools: { ...document.tools, [denied]: "deny" } },
          );
          let session = emptySessionState();
          for (const step of history) session = recordStep(session, step, "allow", base, now);
          const before = decideAction(base, call, { session, usage });
          const after = decideAction(stricter, call, { session, usage });
          expect(rank[after.outcome]).toBeGreaterThanOrEqual(rank[before.outcome]);
        },
      ),
      { numRuns: 80 },
    );
  });
});
