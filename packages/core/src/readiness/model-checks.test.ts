import { describe, expect, it } from "vitest";
import { computeReadiness } from "./compute-readiness.js";
import { modelChecks } from "./model-checks.js";
import { facts, system } from "./test-facts.js";

const models = (
  over: Partial<{ total: number; neverScanned: number; unresolvedSerious: number; unsigned: number }>,
) => ({
  total: 2,
  neverScanned: 0,
  unresolvedSerious: 0,
  unsigned: 0,
  ...over,
});

describe("model checks", () => {
  it("checks nothing for a system without model assets", () => {
    expect(modelChecks(system())).toEqual([]);
    expect(modelChecks(system({ models: models({ total: 0 }) }))).toEqual([]);
  });

  it("meets every check when each model is scanned, clean of open serious findings and verified", () => {
    const checks = modelChecks(system({ models: models({}) }));
    expect(checks.map((c) => `${c.key} ${c.met}`)).toEqual([
      "models-scanned true",
      "model-findings true",
      "models-signed true",
    ]);
  });

  it("names the shortfall of each check, most serious highest", () => {
    const checks = modelChecks(
      system({
        name: "Credit scorer",
        models: models({ total: 3, neverScanned: 1, unresolvedSerious: 2, unsigned: 3 }),
      }),
    );
    expect(checks.map((c) => [c.key, c.gap?.severity, c.gap?.action])).toEqual([
      ["models-scanned", "medium", "Scan the 1 model of Credit scorer never scanned"],
      ["model-findings", "high", "Raise or dismiss the high and critical findings of 2 models of Credit scorer"],
      ["models-signed", "low", "Sign and verify 3 models of Credit scorer (unsigned, or the check failed)"],
    ]);
  });

  it("counts into the system's coverage and groups the act across systems", () => {
    const readiness = computeReadiness(
      facts({
        systems: [
          system({ id: "s1", name: "A", models: models({ neverScanned: 1 }) }),
          system({ id: "s2", name: "B", models: models({ neverScanned: 2 }) }),
        ],
      }),
      { clauses: [], areas: [] },
    );
    expect(readiness.systems.map((s) => s.coverage.percent)).toEqual([87, 87]);
    const scan = readiness.actions.find((a) => a.key === "scan-models");
    expect(scan).toMatchObject({ gapsClosed: 2, systems: ["A", "B"], path: "model-scans" });
  });
});
