import { describe, expect, it } from "vitest";
import { type ScanEvidenceFacts, scanEvidenceBody, scanEvidenceTitle } from "./scan-evidence-text.js";

const zero = { cases: 0, vulnerable: 0, blocked: 0, not_observed: 0, inconclusive: 0, error: 0 };
const summary: ScanEvidenceFacts["summary"] = {
  scanner: { name: "openaims-redteam", version: "0.1.0" },
  pack: { id: "default", version: "2026.11.0", sha256: "a".repeat(64), probes: 12 },
  configSha256: "b".repeat(64),
  seed: 7,
  target: {
    kind: "openai",
    endpoint: "http://127.0.0.1:9/v1",
    model: "bot`x",
    controlsSystemPrompt: true,
    hasToolTrace: true,
    identities: [],
  },
  startedAt: "2026-01-01T00:00:00.000Z",
  finishedAt: "2026-01-01T00:00:04.000Z",
  durationMs: 4000,
  complete: false,
  problems: ["interrupted | by user"],
  totals: { cases: 3, vulnerable: 2, blocked: 0, not_observed: 1, inconclusive: 0, error: 0 },
  byCategory: {
    direct_injection: { cases: 3, vulnerable: 2, blocked: 0, not_observed: 1, inconclusive: 0, error: 0 },
    indirect_injection: zero,
    system_prompt_leakage: zero,
    sensitive_data_exposure: zero,
    tool_misuse: zero,
    authorization: zero,
    unsafe_automation: zero,
    improper_output_handling: zero,
    api_abuse: zero,
  },
  artifacts: [{ kind: "transcript", file: "t.jsonl", sha256: "c".repeat(64) }],
};

const facts = {
  ref: "RT-3",
  system: { name: "Support | bot", slug: "support-bot" },
  origin: "cli" as const,
  summary,
  summarySha256: "d".repeat(64),
  vulnerableBySeverity: { info: 0, low: 0, medium: 0, high: 2, critical: 0 },
};

describe("scan evidence text", () => {
  it("titles the record with the counts and marks a partial run", () => {
    expect(scanEvidenceTitle(facts)).toBe("Red-team scan RT-3 of Support | bot: 2 vulnerable of 3 (partial)");
    const long = scanEvidenceTitle({ ...facts, system: { name: "n".repeat(300), slug: "x" } });
    expect(long.length).toBe(200);
    expect(long.endsWith(": 2 vulnerable of 3 (partial)")).toBe(true);
  });

  it("lists pack, seed, hashes and the categories that ran, escaping table breakers", () => {
    const body = scanEvidenceBody(facts);
    expect(body).toContain(`| Probe pack | default 2026.11.0, 12 probes, SHA-256 \`${"a".repeat(64)}`);
    expect(body).toContain("| Seed | 7 |");
    expect(body).toContain(`\`${"c".repeat(64)}\``);
    expect(body).toContain("| HTML report SHA-256 | not recorded |");
    expect(body).toContain("**Support \\| bot**");
    expect(body).toContain("model `bot'x`");
    expect(body).toContain("| direct_injection | 3 | 2 | 0 | 1 | 0 | 0 |");
    expect(body).not.toContain("blocked by policy (the MCP gateway");
    expect(body).not.toContain("| tool_misuse |");
    expect(body).toContain("high 2");
    expect(body).toContain("- interrupted \\| by user");
  });

  it("says how many harmful actions a policy blocked", () => {
    const blockedCounts = { cases: 2, vulnerable: 0, blocked: 2, not_observed: 0, inconclusive: 0, error: 0 };
    const blockedSummary = {
      ...summary,
      totals: blockedCounts,
      byCategory: { ...summary.byCategory, direct_injection: zero, tool_misuse: blockedCounts },
    };
    const body = scanEvidenceBody({ ...facts, summary: blockedSummary });
    expect(body).toContain("0 vulnerable of 2 cases; 2 harmful actions were blocked by policy");
    expect(body).toContain("| tool_misuse | 2 | 0 | 2 | 0 | 0 | 0 |");
  });
});
