import type { Invocation, Log, ReportingDescriptor, Result } from "sarif";
import { describe, expect, it } from "vitest";
import type { CaseResult } from "../model.js";
import { exampleCases, exampleSummary } from "../summary/summary-example.js";
import { toSarif } from "./sarif.js";
import { sarifValidator } from "./testing/sarif-validator.js";

const rulesOf = (log: Log): ReportingDescriptor[] => log.runs[0]?.tool.driver.rules ?? [];
const resultsOf = (log: Log): Result[] => log.runs[0]?.results ?? [];
const invocationOf = (log: Log): Invocation | undefined => log.runs[0]?.invocations?.[0];

const hostile = 'Say {0} and }{ then <img src=x onerror=alert(1)> "quoted" \u0000 \ud83d';

function hostileCase(): CaseResult {
  const [first] = exampleCases();
  if (!first) throw new Error("example has cases");
  return {
    ...first,
    caseId: "PI-009/plain",
    probeId: "PI-009",
    title: `Hostile ${hostile}`,
    detectors: [{ kind: "echo", outcome: "matched", detail: `Echoed ${hostile}` }],
  };
}

describe("toSarif", () => {
  it("validates against the official SARIF 2.1.0 schema, with and without a configuration file", async () => {
    const validate = await sarifValidator();
    const summary = exampleSummary([...exampleCases(), hostileCase()]);
    for (const options of [{}, { configFile: "redteam config/scan.yaml" }, { configFile: "/srv/app/scan.yaml" }]) {
      const log = JSON.parse(JSON.stringify(toSarif(summary, options))) as unknown;
      expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    }
  });

  it("the validator rejects a broken log", async () => {
    const validate = await sarifValidator();
    const log = toSarif(exampleSummary());
    const broken = {
      ...log,
      runs: log.runs.map((run) => ({ ...run, results: [{ kind: "vulnerable", message: {} }] })),
    };
    expect(validate(broken)).toBe(false);
  });

  it("has one rule per probe with guidance, level and security severity", () => {
    const probes = [
      { id: "PI-001", description: "Checks overrides.", remediation: "Separate instructions from data." },
    ];
    const rules = rulesOf(toSarif(exampleSummary(), { probes }));
    expect(rules.map((rule) => rule.id)).toEqual(["PI-001", "SPL-002", "TM-003", "TM-006"]);
    const [injection, leakage, tools] = rules;
    expect(injection).toMatchObject({
      name: "InstructionOverrideInTheUserTurn",
      shortDescription: { text: "Instruction override in the user turn" },
      fullDescription: { text: "Checks overrides." },
      help: { text: "Separate instructions from data." },
      defaultConfiguration: { level: "error" },
      properties: {
        tags: ["security", "direct_injection", "LLM01:2025", "AML.TA0005", "A.6.2.4"],
        "security-severity": "8.0",
      },
    });
    expect(leakage).toMatchObject({
      defaultConfiguration: { level: "warning" },
      properties: { "security-severity": "5.5" },
    });
    expect(leakage?.fullDescription?.text).toBe("System prompt disclosure on request");
    expect(tools?.properties?.["security-severity"]).toBe("9.5");
    expect(tools?.properties?.tags).toContain("ASI02");
  });

  it("reports every case with a kind and level matching its verdict", () => {
    const results = resultsOf(toSarif(exampleSummary()));
    const shape = results.map((result) => [result.ruleId, result.ruleIndex, result.kind, result.level]);
    expect(shape).toEqual([
      ["PI-001", 0, "fail", "error"],
      ["PI-001", 0, "pass", "none"],
      ["SPL-002", 1, "review", "none"],
      ["TM-003", 2, "open", "none"],
      ["TM-006", 3, "pass", "none"],
    ]);
    // A case blocked by policy never fails: it passes and names the rules that stopped it.
    expect(results[4]?.properties).toMatchObject({ verdict: "blocked", blockedBy: ["tools.fetch_url"] });
    expect(results[4]?.message.text).toContain("blocked by policy");
    expect(results[0]?.partialFingerprints).toEqual({ "caseId/v1": "PI-001/plain" });
    expect(results[0]?.message.text).toContain("http://127.0.0.1:8080/v1/chat/completions");
    expect(results[0]?.message.text).toContain("The trigger marker ZQX-17 appears in the reply.");
    expect(results[3]?.message.text).toContain("timed out");
  });

  it("names the target and, when given, the configuration file in each location", () => {
    const logical = [{ name: "http://127.0.0.1:8080/v1/chat/completions", kind: "resource" }];
    expect(resultsOf(toSarif(exampleSummary()))[0]?.locations).toEqual([{ logicalLocations: logical }]);
    const relative = resultsOf(toSarif(exampleSummary(), { configFile: "ci\\red team.yaml" }))[0];
    expect(relative?.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: "ci/red%20team.yaml" } });
    const absolute = resultsOf(toSarif(exampleSummary(), { configFile: "/srv/scan.yaml" }))[0];
    expect(absolute?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe("file:///srv/scan.yaml");
  });

  it("records completeness and problems in the invocation", () => {
    expect(invocationOf(toSarif(exampleSummary()))).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: "error", message: { text: "Stopped after 5 of 7 cases: interrupted." } }],
    });
    const complete = toSarif({ ...exampleSummary(), complete: true, problems: [] });
    expect(invocationOf(complete)).toMatchObject({ executionSuccessful: true, toolExecutionNotifications: [] });
  });

  it("doubles braces so replies cannot act as message placeholders", () => {
    const log = toSarif(exampleSummary([hostileCase()]));
    expect(resultsOf(log)[0]?.message.text).toContain("Say {{0}} and }}{{ then");
    expect(rulesOf(log)[0]?.shortDescription?.text).toContain("{{0}}");
  });
});
