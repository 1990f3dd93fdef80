import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AimsDatabase } from "@openaims/db";
import { configFromEnv, type RunningServer, startServer } from "@openaims/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { startApp } from "../../../examples/vulnerable-ai-app/start-app.mjs";
import { type CliTarget, createCliTarget, openTargetDatabase, runCli } from "./testing/run-cli.js";

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

  it("writes to a new folder of its own outside the current folder when --out-dir is not given, and names it", async () => {
    const state = await mkdtemp(join(tmpdir(), "aims-redteam-state-"));
    try {
      const args = ["--target", `openai:${vulnerable.url}/v1`, "--model", "reference", "--format", "json"];
      const first = await redteam(args, { XDG_STATE_HOME: state });
      const second = await redteam(args, { XDG_STATE_HOME: state });
      expect([first.code, second.code]).toEqual([0, 0]);
      const root = join(state, "openaims", "redteam-results");
      const runs = (await readdir(root)).sort();
      expect(runs).toHaveLength(2);
      expect(first.stdout).toContain(`Wrote transcript.jsonl, summary.json to ${join(root, runs[0] ?? "")}\n`);
      expect(await readdir(join(root, runs[1] ?? ""))).toEqual(expect.arrayContaining(["summary.json"]));
      expect(await readdir(work)).not.toContain("redteam-results");
    } finally {
      await rm(state, { recursive: true, force: true });
    }
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

  it("stops on Ctrl-C with exit 130, writes the partial results and uploads nothing", async () => {
    const interrupt = new Promise<string>((resolve) => setTimeout(() => resolve("SIGINT"), 300));
    const result = await runCli(
      [
        "redteam",
        "--target",
        `openai:${hardened.url}/v1`,
        "--model",
        "reference",
        "--out-dir",
        "interrupted",
        "--upload",
        "--system",
        "anything",
      ],
      { AIMS_URL: "http://127.0.0.1:9", AIMS_TOKEN: "aims_pat_unused" },
      { shutdown: interrupt, cwd: work },
    );
    expect(result.code).toBe(130);
    expect(result.stderr).toContain("Interrupted: the partial results are written, and nothing was uploaded.");
    const summary = JSON.parse(await readFile(join(work, "interrupted", "summary.json"), "utf8"));
    expect(summary.complete).toBe(false);
    expect(summary.problems).toContain("The run was interrupted; the results are partial.");
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

describe("aims redteam --upload", () => {
  let target: CliTarget;
  let database: AimsDatabase;
  let server: RunningServer;
  let writeToken: string;
  let orgId: string;

  beforeAll(async () => {
    target = await createCliTarget();
    const init = await target.cli(["init", "--org", "Scan Co", "--email", "owner@example.com", "--json"], {
      AIMS_INIT_PASSWORD: "correct horse battery staple",
    });
    orgId = JSON.parse(init.stdout).orgId;
    const token = await target.cli(["token", "create", "--email", "owner@example.com", "--scope", "write", "--json"]);
    writeToken = JSON.parse(token.stdout).secret;
    database = await openTargetDatabase(target);
    server = await startServer(
      configFromEnv({}, { host: "127.0.0.1", port: 0, dataDir: target.dataDir, logLevel: "silent" }),
      database,
    );
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await target?.dispose();
  });

  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}/api/v1/orgs/${orgId}${path}`, {
      method,
      headers: { authorization: `Bearer ${writeToken}`, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return response.json();
  };

  it("files the results as evidence on the system, fresh on control A.6.2.4", async () => {
    await api("POST", "/systems", {
      name: "Support chatbot",
      slug: "support-chatbot",
      ourRole: "provider",
      impactTier: "medium",
      autonomy: "advisory",
    });
    const controls = await api("GET", "/controls?limit=100");
    const a624 = controls.items.find((control: { ref: string }) => control.ref === "A.6.2.4");
    expect((await api("GET", `/controls/${a624.id}`)).evidence.state).toBe("missing");

    const env = { AIMS_URL: server.url, AIMS_TOKEN: writeToken };
    const args = ["--target", `openai:${vulnerable.url}/v1`, "--model", "reference", "--out-dir", "upload"];
    const result = await redteam([...args, "--upload", "--system", "support-chatbot"], env);
    expect(result.stderr).not.toMatch(/aims:/);
    expect(result.code).toBe(0);
    const uploaded = result.stdout.match(
      /Uploaded to .* as scan (RT-\d+) \(evidence (E-\d+)\) of system 'support-chatbot'/,
    );
    expect(uploaded).not.toBeNull();

    const control = await api("GET", `/controls/${a624.id}`);
    expect(control.evidence).toMatchObject({ state: "current", refs: [uploaded?.[2]] });
    const scans = await api("GET", "/redteam/scans");
    expect(scans.items).toHaveLength(1);
    const summary = JSON.parse(await readFile(join(work, "upload", "summary.json"), "utf8"));
    expect(scans.items[0]).toMatchObject({ ref: uploaded?.[1], status: "completed" });
    expect(scans.items[0].totals.vulnerable).toBe(summary.totals.vulnerable);

    const again = await redteam([...args, "--upload", "--system", "no-such-system"], env);
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(/no-such-system/);
  });
});
