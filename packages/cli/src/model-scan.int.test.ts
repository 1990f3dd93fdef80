import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { modelScanReportSchema } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PickleWriter } from "../../modelscan/src/pickle/testing/pickle-writer.js";
import { sarifValidator } from "../../redteam/src/reports/testing/sarif-validator.js";
import { runCli } from "./testing/run-cli.js";

describe("aims model scan", () => {
  let dir: string;
  const cli = (args: string[]) => runCli(["model", "scan", ...args], {}, { cwd: dir });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "aims-model-scan-"));
    await mkdir(join(dir, "clean", "nested"), { recursive: true });
    // A plain container pickle and a model card: nothing to report.
    const clean = new PickleWriter().proto(2).global("collections", "OrderedDict").emptyTuple().reduce().stop();
    await writeFile(join(dir, "clean", "nested", "weights.pkl"), clean.toBytes());
    await writeFile(join(dir, "clean", "notes.txt"), "Trained on public data.\n");
    await mkdir(join(dir, "bad"));
    const evil = new PickleWriter().proto(4).stackGlobal("os", "system").unicode("id").tuple1().reduce().stop();
    await writeFile(join(dir, "bad", "model.pkl"), evil.toBytes());
    const custom = new PickleWriter().proto(2).global("mypkg", "Thing").emptyTuple().reduce().stop();
    await writeFile(join(dir, "bad", "custom.pkl"), custom.toBytes());
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("exits 0 with a text summary when nothing is found", async () => {
    const result = await cli(["clean", "--fail-on", "low"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("nested/weights.pkl (pickle, ");
    expect(result.stdout).toContain("notes.txt (text, 24 bytes) no findings");
    expect(result.stdout).toContain("2 files: 2 scanned, 0 failed, 0 skipped");
  });

  it("exits 1 when a finding reaches --fail-on, and 0 when none does", async () => {
    const critical = await cli(["bad", "--fail-on", "critical"]);
    expect(critical.code).toBe(1);
    expect(critical.stderr).toContain("1 finding at or above critical");
    expect(critical.stdout).toMatch(/CRITICAL +pickle\.code-execution-global \[offset \d+\]: Loading calls os\.system/);
    const high = await cli(["bad", "--fail-on", "high"]);
    expect(high.code).toBe(1);
    expect(high.stderr).toContain("2 findings at or above high");
    expect((await cli(["clean", "--fail-on", "info"])).code).toBe(0);
    expect((await cli(["bad"])).code).toBe(0);
  });

  it("writes the published JSON report, the same for the same input", async () => {
    const first = await cli(["bad", "clean", "--format", "json"]);
    expect(first.code).toBe(0);
    const report = modelScanReportSchema.parse(JSON.parse(first.stdout));
    expect(report.roots).toEqual(["bad", "clean"]);
    expect(report.files.map((file) => file.path)).toEqual([
      "bad/custom.pkl",
      "bad/model.pkl",
      "clean/nested/weights.pkl",
      "clean/notes.txt",
    ]);
    expect(report.findings.map((finding) => [finding.file, finding.ruleId, finding.severity])).toEqual([
      ["bad/custom.pkl", "pickle.unsafe-call", "high"],
      ["bad/model.pkl", "pickle.code-execution-global", "critical"],
    ]);
    expect((await cli(["bad", "clean", "--format", "json"])).stdout).toBe(first.stdout);
  });

  it("writes valid SARIF to --out", async () => {
    const result = await cli(["bad", "--format", "sarif", "--out", "scan.sarif"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Scanned 2 files: 2 findings, highest critical. Wrote scan.sarif\n");
    const validate = await sarifValidator();
    const log = JSON.parse(await readFile(join(dir, "scan.sarif"), "utf8")) as unknown;
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it("exits 2 for usage errors, naming what is wrong", async () => {
    const missing = await cli(["nowhere.pt"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("'nowhere.pt' does not exist");
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Name at least one file or folder");
    const format = await cli(["bad", "--format", "xml"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("xml");
    const failOn = await cli(["bad", "--fail-on", "severe"]);
    expect(failOn.code).toBe(2);
    expect((await cli(["bad", "--frobnicate"])).code).toBe(2);
  });

  it("lists the exit codes in its help", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Exit codes:");
    expect(help.stdout).toContain("1   a finding at or above --fail-on");
  });
});
