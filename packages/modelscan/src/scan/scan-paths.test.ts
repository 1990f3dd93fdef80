import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { modelScanReportSchema } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Bytes } from "../hashing/sha256-file.js";
import { PickleWriter } from "../pickle/testing/pickle-writer.js";
import { fingerprint } from "./report-builder.js";
import { scanBytes, scanPaths } from "./scan-paths.js";

const evil = new PickleWriter().proto(2).call("os", "system", "id").stop().toBytes();
const isRoot = process.getuid?.() === 0;

describe("scanPaths", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "aims-scan-paths-"));
    await mkdir(join(dir, "model", "sub"), { recursive: true });
    await writeFile(join(dir, "model", "sub", "evil.pkl"), evil);
    await writeFile(join(dir, "model", "config.json"), '{"hidden_size": 8}\n');
    await writeFile(join(dir, "model", "blob.bin"), Uint8Array.of(0, 159, 146, 150, 0, 1));
    await writeFile(join(dir, "model", "empty"), "");
    await symlink("/etc/passwd", join(dir, "model", "link"));
    await writeFile(join(dir, "single.pkl"), evil);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("walks folders, hashes every file, reports unknown content and links, in a stable order", async () => {
    const report = modelScanReportSchema.parse(await scanPaths([join(dir, "model")]));
    expect(report.files.map((f) => [f.path, f.format, f.status])).toEqual([
      ["blob.bin", "unknown", "scanned"],
      ["config.json", "text", "scanned"],
      ["empty", "text", "scanned"],
      ["link", "unknown", "skipped"],
      ["sub/evil.pkl", "pickle", "scanned"],
    ]);
    expect(report.files.find((f) => f.path === "sub/evil.pkl")?.sha256).toBe(sha256Bytes(evil));
    expect(report.findings.map((f) => [f.file, f.ruleId, f.severity])).toEqual([
      ["blob.bin", "format.unknown", "low"],
      ["link", "scan.symlink", "low"],
      ["sub/evil.pkl", "pickle.code-execution-global", "critical"],
    ]);
    const finding = report.findings[2];
    expect(finding?.fingerprint).toBe(fingerprint("pickle.code-execution-global", "sub/evil.pkl", "offset 2"));
    expect(finding?.cwe).toEqual(["CWE-502"]);
    expect(finding?.owaspAgentic).toEqual(["ASI04"]);
    expect(report.summary).toEqual({
      files: 5,
      scanned: 4,
      failed: 0,
      skipped: 1,
      bySeverity: { info: 0, low: 2, medium: 0, high: 0, critical: 1 },
      highestSeverity: "critical",
    });
    expect(JSON.stringify([report.files, report.findings])).not.toContain(dir);
  });

  it("gives the same report for the same input, whatever the concurrency", async () => {
    const one = await scanPaths([join(dir, "model")], { concurrency: 1 });
    const many = await scanPaths([join(dir, "model")], { concurrency: 16 });
    expect(JSON.stringify(many)).toBe(JSON.stringify(one));
  });

  it("names a file root by its base name, and prefixes each root's files when there are several", async () => {
    const single = await scanPaths([join(dir, "single.pkl")]);
    expect(single.files.map((f) => f.path)).toEqual(["single.pkl"]);
    const several = await scanPaths([join(dir, "single.pkl"), join(dir, "model", "sub")]);
    expect(several.files.map((f) => f.path)).toEqual(["single.pkl", "sub/evil.pkl"]);
  });

  it("reports a path that cannot be read as failed and still scans the rest", async () => {
    const report = await scanPaths([join(dir, "missing.pt"), join(dir, "single.pkl")]);
    expect(report.files.map((f) => [f.path, f.status, f.sha256 === null])).toEqual([
      ["missing.pt", "failed", true],
      ["single.pkl", "scanned", false],
    ]);
    expect(report.files[0]?.error).toContain("ENOENT");
    expect(report.findings.map((f) => [f.file, f.ruleId])).toEqual([
      ["missing.pt", "scan.read-failed"],
      ["single.pkl", "pickle.code-execution-global"],
    ]);
    expect(report.summary.failed).toBe(1);
  });

  it.skipIf(isRoot)("reports a file without read permission as failed", async () => {
    const locked = join(dir, "locked");
    await mkdir(locked);
    await writeFile(join(locked, "a.pkl"), evil);
    await writeFile(join(locked, "b.pkl"), evil);
    await chmod(join(locked, "a.pkl"), 0);
    const report = await scanPaths([locked]);
    expect(report.files.map((f) => [f.path, f.status])).toEqual([
      ["a.pkl", "failed"],
      ["b.pkl", "scanned"],
    ]);
  });
});

describe("scanBytes", () => {
  it("scans bytes in memory under the given name", async () => {
    const report = await scanBytes("upload.pkl", evil);
    expect(report.roots).toEqual(["upload.pkl"]);
    expect(report.files).toEqual([
      { path: "upload.pkl", format: "pickle", size: evil.byteLength, sha256: sha256Bytes(evil), status: "scanned" },
    ]);
    expect(report.findings.map((f) => f.ruleId)).toEqual(["pickle.code-execution-global"]);
  });
});
