import { describe, expect, it } from "vitest";
import { raisedDescription, raisedTitle } from "./finding-text.js";

const facts = {
  title: "Instruction override",
  probeId: "PI-001",
  caseId: "PI-001.base64",
  variant: "base64",
  category: "direct_injection",
  severity: "high",
  detail: "marker: the marker came back",
  tags: { owaspLlm: ["LLM01:2025"], owaspAgentic: [], atlas: ["AML.TA0005"] },
  scanRef: "RT-3",
  scanFinishedAt: new Date("2026-02-03T10:00:00Z"),
  systemName: "Support bot",
};

describe("text raised from a finding", () => {
  it("names the probe and scan in the title, bounded", () => {
    expect(raisedTitle(facts)).toBe("Instruction override (PI-001, RT-3)");
    const long = raisedTitle({ ...facts, title: "x".repeat(400) });
    expect(long).toHaveLength(200);
    expect(long.endsWith("… (PI-001, RT-3)")).toBe(true);
  });

  it("describes what was found, with framework ids", () => {
    const text = raisedDescription(facts);
    expect(text).toContain("Red-team scan RT-3 on 2026-02-03 found Support bot vulnerable to probe PI-001");
    expect(text).toContain("(direct_injection, severity high, base64 variant; case PI-001.base64)");
    expect(text).toContain("What the scanner saw: marker: the marker came back");
    expect(text).toContain("OWASP LLM: LLM01:2025; MITRE ATLAS: AML.TA0005");
    expect(raisedDescription({ ...facts, detail: "y".repeat(9000) })).toHaveLength(5000);
  });
});
