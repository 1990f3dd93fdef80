import { describe, expect, it } from "vitest";
import { agentChecks } from "./agent-checks.js";
import { system } from "./test-facts.js";

describe("agent readiness", () => {
  it("asks for an approved policy for a live agent only", () => {
    expect(agentChecks(system())).toEqual([]);
    expect(agentChecks(system({ agent: { live: false, hasApprovedPolicy: false } }))).toEqual([]);
    expect(agentChecks(system({ agent: { live: true, hasApprovedPolicy: true } }))).toEqual([
      { key: "agent-policy", label: "Approved agent action policy", met: true },
    ]);
    const [gap] = agentChecks(system({ agent: { live: true, hasApprovedPolicy: false } }));
    expect(gap?.met).toBe(false);
    expect(gap?.gap).toMatchObject({ severity: "high", path: "agents/s1" });
  });
});
