/**
 * The agent decision function at the speed it must keep on every tool call: a 50-rule policy
 * (argument schemas, whole-argument schemas, rates, budgets, class rules, flow rules), decided for
 * 200,000 varied calls against sessions with history (untrusted reads, earlier calls of many
 * classes). Reports p50/p99 per decision (target p99 < 0.1 ms) and decisions per second, one core.
 *
 * Alone: `node --import tsx bench/agent-decisions.ts` (AIMS_BENCH_AGENT_DECISIONS, default 200,000).
 */
import { fileURLToPath } from "node:url";
import type { ActionClass, DecisionOutcome } from "@openaims/contracts";
import {
  type ActionCall,
  type CompiledPolicy,
  compilePolicy,
  decideAction,
  emptySessionState,
  markUntrusted,
  parsePolicySource,
  recordStep,
  type SessionState,
  UsageTracker,
} from "@openaims/core";

export interface AgentDecisionBenchResult {
  rules: number;
  decisions: number;
  sessions: number;
  compileMs: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
  decisionsPerSecond: number;
  outcomes: Record<DecisionOutcome, number>;
}

/** 32 tool rules, 6 class rules, 11 flow rules and the default: 50 rules. */
function policySource(): string {
  const lines = ["default: deny", "limits: { max_argument_bytes: 16384 }", "tools:"];
  for (let i = 0; i < 8; i++)
    lines.push(`  lookup_${i}: { class: read, arguments: { id: { type: string, pattern: "^[A-Z]-[0-9]+$" } } }`);
  for (let i = 0; i < 6; i++) {
    lines.push(
      `  refund_${i}:`,
      "    class: financial",
      "    approval: { role: approver, count: 1 }",
      `    arguments: { amount: { type: number, minimum: 0, maximum: ${100 * (i + 1)} }, currency: { enum: [EUR, USD, GBP] } }`,
      "    rate: { per_minute: 30, per_hour: 500 }",
      `    budget: { argument: amount, per_day: ${5000 * (i + 1)}, currency: EUR }`,
    );
  }
  for (let i = 0; i < 6; i++) {
    lines.push(
      `  email_${i}:`,
      "    class: external_communication",
      '    arguments: { to: { type: string, format: email, pattern: "@(example\\\\.com|example\\\\.org)$" } }',
      "    schema: { type: object, properties: { to: { type: string }, subject: { type: string, maxLength: 200 }, body: { type: string, maxLength: 8000 } }, additionalProperties: false }",
      "    rate: { per_minute: 10 }",
    );
  }
  for (let i = 0; i < 4; i++)
    lines.push(`  browse_${i}: { class: read, untrusted: true, arguments: { url: { type: string, format: uri } } }`);
  for (let i = 0; i < 4; i++)
    lines.push(`  update_${i}: { class: write, arguments: { fields: { type: object, maxProperties: 10 } } }`);
  for (let i = 0; i < 4; i++) lines.push(`  drop_${i}: deny`);
  lines.push(
    "classes:",
    "  read: allow",
    "  write: { approval: { role: admin } }",
    "  financial: { approval: { role: approver, count: 2 } }",
    "  external_communication: allow",
    "  code_execution: deny",
    "  data_export: { approval: { role: compliance_manager } }",
    "flows:",
    "  - after_untrusted: true",
    "    require_approval: [class:external_communication, class:financial]",
    "    deny: [class:code_execution]",
  );
  for (let i = 0; i < 4; i++) lines.push(`  - after: [browse_${i}]`, `    require_approval: [email_${i}, update_${i}]`);
  for (let i = 0; i < 4; i++)
    lines.push(`  - after: [refund_${i}, class:data_export]`, `    deny: [drop_${i}, export_${i}]`);
  lines.push("  - after: [class:write]", "    require_approval: [class:data_export]");
  lines.push("  - after: [lookup_7, lookup_6]", "    require_approval: [email_5]");
  return `${lines.join("\n")}\n`;
}

function compileBenchPolicy(toolClasses: Record<string, ActionClass>): { policy: CompiledPolicy; ms: number } {
  const started = performance.now();
  const parsed = parsePolicySource(policySource());
  if (!parsed.ok) throw new Error(`bench policy does not parse: ${JSON.stringify(parsed.errors)}`);
  const compiled = compilePolicy(parsed.document, { toolClasses });
  if (!compiled.ok) throw new Error(`bench policy does not compile: ${JSON.stringify(compiled.errors)}`);
  return { policy: compiled.policy, ms: performance.now() - started };
}

/** A varied stream: allowed reads, refunds in and over limits, e-mails in and out of domain, unlisted tools. */
function makeCalls(count: number): ActionCall[] {
  const calls: ActionCall[] = [];
  for (let i = 0; i < count; i++) {
    const k = i % 16;
    const n = (i * 7) % 8;
    let call: ActionCall;
    if (k < 4) call = { kind: "tool", name: `lookup_${n}`, arguments: { id: k === 3 ? "bad id" : `C-${i}` } };
    else if (k < 7)
      call = { kind: "tool", name: `refund_${n % 6}`, arguments: { amount: (i % 13) * 17, currency: "EUR" } };
    else if (k < 10) {
      const to = k === 9 ? `x${i}@evil.test` : `user${i}@example.com`;
      call = {
        kind: "tool",
        name: `email_${n % 6}`,
        arguments: { to, subject: "Your order", body: "Hello, your order has shipped. ".repeat(4) },
      };
    } else if (k < 11)
      call = { kind: "tool", name: `browse_${n % 4}`, arguments: { url: `https://news.example.com/a/${i}` } };
    else if (k < 12)
      call = { kind: "tool", name: `update_${n % 4}`, arguments: { fields: { status: "closed", note: `n${i}` } } };
    else if (k < 13) call = { kind: "tool", name: `drop_${n % 4}`, arguments: {} };
    else if (k < 14) call = { kind: "tool", name: `run_${n}`, arguments: { code: "print(1)" } };
    else if (k < 15) call = { kind: "tool", name: `export_${n % 4}`, arguments: { table: "orders" } };
    else call = { kind: "tool", name: `unknown_${n}`, arguments: { q: i } };
    calls.push(call);
  }
  return calls;
}

function makeSessions(count: number, policy: CompiledPolicy, toolClasses: Record<string, ActionClass>): SessionState[] {
  const history = makeCalls(64);
  const sessions: SessionState[] = [];
  for (let s = 0; s < count; s++) {
    let session = emptySessionState();
    const steps = s % 40;
    for (let i = 0; i < steps; i++) {
      const call = history[(s * 3 + i) % history.length] as ActionCall;
      session = recordStep(
        session,
        call,
        i % 5 === 4 ? "deny" : "allow",
        policy,
        Date.UTC(2026, 0, 1, 9, 0, i),
        toolClasses,
      );
    }
    if (s % 3 === 0) session = markUntrusted(session, "inbox");
    sessions.push(session);
  }
  return sessions;
}

export function benchAgentDecisions(decisions: number): AgentDecisionBenchResult {
  const toolClasses: Record<string, ActionClass> = {};
  for (let i = 0; i < 8; i++) {
    toolClasses[`run_${i}`] = "code_execution";
    toolClasses[`export_${i}`] = "data_export";
  }
  const { policy, ms } = compileBenchPolicy(toolClasses);
  const sessionCount = 256;
  const sessions = makeSessions(sessionCount, policy, toolClasses);
  const calls = makeCalls(4096);
  const trackers = sessions.map(() => new UsageTracker(64));
  const start = Date.UTC(2026, 0, 1, 10);
  const usages = calls.map(
    (call, i) =>
      trackers[i % sessionCount]?.usage(call.name, start) ?? { callsLastMinute: 0, callsLastHour: 0, spentToday: 0 },
  );
  for (let i = 0; i < usages.length; i++) {
    const usage = usages[i];
    if (usage) Object.assign(usage, { callsLastMinute: i % 12, callsLastHour: i % 600, spentToday: (i * 37) % 30_000 });
  }

  const decideAt = (i: number) => {
    const c = i % calls.length;
    return decideAction(policy, calls[c] as ActionCall, {
      session: sessions[i % sessionCount] as SessionState,
      usage: usages[c],
    });
  };
  for (let i = 0; i < 20_000; i++) decideAt(i);

  const outcomes: Record<DecisionOutcome, number> = { allow: 0, deny: 0, approval_required: 0 };
  const times = new Float64Array(decisions);
  for (let i = 0; i < decisions; i++) {
    const t = process.hrtime.bigint();
    const decision = decideAt(i);
    times[i] = Number(process.hrtime.bigint() - t) / 1e6;
    outcomes[decision.outcome]++;
  }
  // Throughput without the per-decision clock reads.
  const started = process.hrtime.bigint();
  for (let i = 0; i < decisions; i++) decideAt(i);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  times.sort();
  const at = (q: number) => round4(times[Math.min(decisions - 1, Math.floor(q * decisions))] ?? 0);
  return {
    rules: countRules(policy),
    decisions,
    sessions: sessionCount,
    compileMs: Math.round(ms * 10) / 10,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    p999Ms: at(0.999),
    maxMs: round4(times[decisions - 1] ?? 0),
    decisionsPerSecond: Math.round(decisions / seconds),
    outcomes,
  };
}

function countRules(policy: CompiledPolicy): number {
  return policy.tools.size + policy.classes.size + policy.flows.length + 1;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

export function formatAgentDecisionsTable(result: AgentDecisionBenchResult): string {
  const o = result.outcomes;
  return [
    "| agent decisions | rules | decisions | sessions | compile ms | p50 ms | p99 ms (target < 0.1) | p99.9 ms | decisions/s (one core) | allow / approval / deny |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    `| decideAction | ${result.rules} | ${result.decisions.toLocaleString("en")} | ${result.sessions} | ${result.compileMs} | ${result.p50Ms} | ${result.p99Ms} | ${result.p999Ms} | ${result.decisionsPerSecond.toLocaleString("en")} | ${o.allow} / ${o.approval_required} / ${o.deny} |`,
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const decisions = Number(process.env.AIMS_BENCH_AGENT_DECISIONS ?? 200_000);
  process.stdout.write(`${formatAgentDecisionsTable(benchAgentDecisions(decisions))}\n`);
}
