import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { startApp } from "../../../examples/vulnerable-ai-app/start-app.mjs";
import { runCli } from "./testing/run-cli.js";

/** `aims redteam` against the reference app: flags, exit codes, files, and clear failures. */

type App = Awaited<ReturnType<typeof startApp>>;
let vulnerable: App;
let hardened: App;
let work: string;
const never = new Promise<string>(() => {});

beforeAll(async () => {
  vulnerable = await startApp({ port: 0 });
  hardened = await startApp({ port: 0, hardened: true, rateLimit: 12 });
  work = await mkdtemp(join(tmpdir(), "aims-redteam-cli-"));
});
afterAll(async () => {
  await Promise.all([vulnerable?.close(), hardened?.close()]);
  await rm(work, { recursive: true, force: true });
});

const redteam = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(["redteam", ...args], env, { shutdown: never, cwd: work });

describe("aims redteam", () => {
  it("scans from the quick-start flags, prints the findings and writes every report", async () => {
    const result = await redteam([
      "--target",
      `openai:${vulnerable.url}/v1`,
      "--model",
      "reference",
      "--out-dir",
      "quick",
    ]);
    expect(result.stderr).not.toMatch(/aims:/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Scanned http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions \(reference\)/);
    expect(result.stdout).toMatch(/Findings \(\d+\):/);
    expect((await readdir(join(work, "quick"))).sort()).toEqual(
      ["junit.xml", "report.html", "results.sarif", "summary.json", "transcript.jsonl"].sort(),
    );
  });

  it("exits 1 when a finding reaches --fail-on, and writes only the formats asked for", async () => {
    const result = await redteam([
      "--target",
      `openai:${vulnerable.url}/v1`,
      "--model",
      "reference",
      "--fail-on",
      "critical",
      "--format",
      "sarif",
      "--out-dir",
      "failing",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/aims:/);
    expect((await readdir(join(work, "failing"))).sort()).toEqual(["results.sarif", "transcript.jsonl"]);
  });

  it("exits 0 with --fail-on low against the hardened app", async () => {
    const result = await redteam([
      "--target",
      `openai:${hardened.url}/v1`,
      "--model",
      "reference",
      "--fail-on",
      "low",
      "--category",
      "direct_injection",
      "system_prompt_leakage",
      "--out-dir",
      "hardened",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("No vulnerable behaviour observed.");
  });

  it("names the bad key of a configuration file and exits 2", async () => {
    await writeFile(
      join(work, "bad.yaml"),
      "target:\n  type: openai\n  url: http://127.0.0.1:1/v1\n  model: m\n  timeoutMs: -5\nconcurency: 3\n",
    );
    const result = await redteam(["--config", "bad.yaml"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("target.timeoutMs");
    expect(result.stderr).toContain("concurency: unknown key");
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("explains an unreachable target, exits 2 and keeps the partial results", async () => {
    const result = await redteam([
      "--target",
      "openai:http://127.0.0.1:9/v1",
      "--model",
      "m",
      "--out-dir",
      "unreachable",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No test case reached the target\. Stopped after 10 cases .*connection refused/);
    const summary = JSON.parse(await readFile(join(work, "unreachable", "summary.json"), "utf8"));
    expect(summary.complete).toBe(false);
  });

  it("refuses unclear flag combinations", async () => {
    expect((await redteam(["--config", "a.yaml", "--target", "openai:http://x/v1"])).code).toBe(2);
    expect((await redteam(["--target", "openai:http://127.0.0.1:1/v1"])).stderr).toMatch(/model/);
    expect((await redteam(["--target", "openai:http://127.0.0.1:1/v1", "--model", "m", "--upload"])).stderr).toMatch(
      /--upload needs --system/,
    );
    expect(
      (await redteam(["--target", "openai:http://127.0.0.1:1/v1", "--model", "m", "--format", "pdf"])).stderr,
    ).toMatch(/--format: unknown format 'pdf'/);
  });

  it("exports the planned cases as a promptfoo configuration", async () => {
    const result = await redteam([
      "--target",
      `openai:${vulnerable.url}/v1`,
      "--model",
      "reference",
      "--export-promptfoo",
      "promptfooconfig.yaml",
    ]);
    expect(result.code).toBe(0);
    const config = parseYaml(await readFile(join(work, "promptfooconfig.yaml"), "utf8"));
    expect(config.tests.length).toBeGreaterThan(50);
    expect(result.stdout).toContain(`Wrote ${config.tests.length} test cases`);
  });
});
