import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { driftReportSchema } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./testing/run-cli.js";

/** `aims drift report` on the drift engine's fixtures: files written, summary printed, exit codes. */

const fixtures = fileURLToPath(new URL("../../drift/fixtures/data/", import.meta.url));
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "aims-drift-cli-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const drift = (args: string[]) => runCli(["drift", "report", ...args], {}, { cwd: work });
const demo = ["--reference", `${fixtures}demo.reference.csv`, "--current", `${fixtures}demo.current.csv`];

describe("aims drift report", () => {
  it("writes the HTML and JSON reports, prints what drifted, and exits 0", async () => {
    const result = await drift([...demo, "--target", "label", "--prediction", "score", "--out", "demo"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Drift report: 2 of 7 columns drifted/);
    expect(result.stdout).toMatch(/DRIFT {3}income \(numeric\): KS D = 0\.1163, p = 2\.61e-8/);
    expect(result.stdout).toMatch(/DRIFT {3}segment \(categorical\): chi-square 107\.4/);
    expect(result.stdout).toMatch(/ok {6}age \(numeric\)/);
    expect(result.stdout).toMatch(/model quality \(current\): accuracy/);
    expect((await readdir(join(work, "demo"))).sort()).toEqual(["drift-report.html", "drift-report.json"]);
    const report = driftReportSchema.parse(JSON.parse(await readFile(join(work, "demo", "drift-report.json"), "utf8")));
    expect(report.summary.drifted).toEqual(["income", "segment"]);
    expect(await readFile(join(work, "demo", "drift-report.html"), "utf8")).toMatch(/^<!doctype html>/);
  });

  it("writes only the formats asked for, compares only the named columns, and exits 1 on drift with --fail-on-drift", async () => {
    const json = await drift([...demo, "--columns", "age,channel", "--format", "json", "--out", "json-only"]);
    expect(json.code).toBe(0);
    expect(await readdir(join(work, "json-only"))).toEqual(["drift-report.json"]);
    expect(json.stdout).toMatch(/0 of 2 columns drifted/);
    const failing = await drift([...demo, "--columns", "income", "--fail-on-drift", "--out", "fail"]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/1 column\(s\) drifted \(--fail-on-drift\)/);
    const quiet = await drift([...demo, "--columns", "age", "--fail-on-drift", "--out", "quiet"]);
    expect(quiet.code).toBe(0);
  });

  it("exits 2 with the column named for bad input and bad flags", async () => {
    const missing = await drift([...demo, "--columns", "age,height", "--out", "x"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Column 'height' is in neither the reference nor the current data/);
    const mismatch = await drift([
      "--reference",
      `${fixtures}demo.reference.csv`,
      "--current",
      `${fixtures}two-categories.reference.csv`,
      "--out",
      "x",
    ]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toMatch(/Column 'age' is in the reference data but missing from the current data/);
    const format = await drift([...demo, "--format", "pdf", "--out", "x"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format: expected html, json or both/);
    const kind = await drift([...demo, "--kind", "age=ordinal", "--out", "x"]);
    expect(kind.code).toBe(2);
    const sample = await drift([...demo, "--sample", "0", "--out", "x"]);
    expect(sample.code).toBe(2);
    expect(sample.stderr).toMatch(/--sample: expected a whole number of rows above 0/);
  });
});
