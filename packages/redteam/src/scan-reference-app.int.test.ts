import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp } from "../../../examples/vulnerable-ai-app/start-app.mjs";
import { loadScanConfig } from "./config/load-config.js";
import { parseScanConfig, type ScanConfigInput } from "./config/scan-config.js";
import { type Category, categories, type ScanSummary } from "./model.js";
import { elementsNamed, parseXml } from "./reports/testing/parse-xml.js";
import { sarifValidator } from "./reports/testing/sarif-validator.js";
import { runScan } from "./runner/run-scan.js";
import { scanToFolder } from "./runner/scan-to-folder.js";

/** Every planted flaw of the reference app, found by the default pack; nothing in hardened mode. */

type App = Awaited<ReturnType<typeof startApp>>;
let vulnerable: App;
let hardened: App;
let outDir: string;

beforeAll(async () => {
  vulnerable = await startApp({ port: 0 });
  // The hardened app's rate limit is exercised by its own probe; a generous one keeps the scan quick.
  hardened = await startApp({ port: 0, hardened: true, rateLimit: 12 });
  outDir = await mkdtemp(join(tmpdir(), "aims-redteam-"));
});
afterAll(async () => {
  await Promise.all([vulnerable?.close(), hardened?.close()]);
  await rm(outDir, { recursive: true, force: true });
});

const openaiConfig = (url: string, extra: Partial<ScanConfigInput> = {}) =>
  parseScanConfig({ target: { type: "openai", url: `${url}/v1`, model: "reference" }, ...extra });

const vulnerableCategories = (summary: ScanSummary) =>
  new Set(summary.cases.filter((c) => c.verdict === "vulnerable").map((c) => c.category));

describe("scanning the reference app through its OpenAI-compatible API", () => {
  let summary: ScanSummary;
  let files: string[];

  beforeAll(async () => {
    ({ summary, files } = await scanToFolder({
      config: openaiConfig(vulnerable.url, { concurrency: 16 }),
      outDir,
      formats: ["json", "sarif", "junit", "html"],
    }));
  });

  it("finds a planted flaw in every category", () => {
    expect(summary.complete).toBe(true);
    expect(summary.totals.error).toBe(0);
    expect([...vulnerableCategories(summary)].sort()).toEqual([...categories].sort());
    for (const category of categories) expect(summary.byCategory[category].vulnerable).toBeGreaterThan(0);
  });

  it("finds the encoded variants as well as the plain ones", () => {
    const variants = new Set(summary.cases.filter((c) => c.verdict === "vulnerable").map((c) => c.variant));
    for (const variant of ["plain", "base64", "hex", "rot13", "leetspeak", "homoglyph", "unicode_tags", "zero_width"])
      expect(variants).toContain(variant);
  });

  it("writes a SARIF log that the official 2.1.0 schema accepts", async () => {
    const sarif = JSON.parse(await readFile(join(outDir, "results.sarif"), "utf8"));
    const validate = await sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const failures = sarif.runs[0].results.filter((result: { kind: string }) => result.kind === "fail");
    expect(failures).toHaveLength(summary.totals.vulnerable);
  });

  it("writes JUnit XML with one failure per vulnerable case", async () => {
    const root = parseXml(await readFile(join(outDir, "junit.xml"), "utf8"));
    expect(elementsNamed(root, "testcase")).toHaveLength(summary.totals.cases);
    expect(elementsNamed(root, "failure")).toHaveLength(summary.totals.vulnerable);
  });

  it("writes a self-contained HTML report in which the echoed payloads stay inert", async () => {
    const html = await readFile(join(outDir, "report.html"), "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    // OH-001's reply carries an <img onerror> payload: the report shows it as text.
    expect(html).not.toContain("<img src=x");
    expect(html).toMatch(/&lt;img src=x onerror=/);
  });

  it("lists every file with its hash, and the transcript holds every exchange", async () => {
    expect(files.map((file) => file.slice(outDir.length + 1)).sort()).toEqual(
      ["junit.xml", "report.html", "results.sarif", "summary.json", "transcript.jsonl"].sort(),
    );
    const transcript = (await readFile(join(outDir, "transcript.jsonl"), "utf8")).trim().split("\n");
    const exchanges = summary.cases.reduce((sum, c) => sum + c.exchanges, 0);
    expect(transcript).toHaveLength(exchanges);
    expect(summary.artifacts.map((a) => a.kind).sort()).toEqual(["html", "junit", "sarif", "transcript"]);
  });

  it("gives the same verdicts with the same seed at concurrency 1", async () => {
    const { summary: serial } = await runScan({ config: openaiConfig(vulnerable.url, { concurrency: 1 }) });
    const verdicts = (s: ScanSummary) => s.cases.map((c) => [c.caseId, c.verdict, c.detectors.map((d) => d.detail)]);
    expect(verdicts(serial)).toEqual(verdicts(summary));
  });

  it("derives different canaries from another seed but reaches the same verdicts", async () => {
    const { summary: other } = await runScan({ config: openaiConfig(vulnerable.url, { seed: 99 }) });
    expect(other.cases.map((c) => c.verdict)).toEqual(summary.cases.map((c) => c.verdict));
    const detail = (s: ScanSummary) => s.cases.find((c) => c.caseId === "PI-001/plain")?.detectors[0]?.detail;
    expect(detail(other)).not.toEqual(detail(summary));
  });
});

describe("scanning the hardened reference app", () => {
  it("finds nothing vulnerable through the OpenAI-compatible API", async () => {
    const { summary } = await runScan({ config: openaiConfig(hardened.url, { concurrency: 4 }) });
    expect(summary.cases.filter((c) => c.verdict === "vulnerable").map((c) => c.caseId)).toEqual([]);
    expect(summary.totals.error).toBe(0);
    expect(summary.totals.not_observed).toBeGreaterThan(summary.totals.cases / 2);
  }, 60_000);
});

describe("scanning the reference app's support agent over HTTP", () => {
  const httpConfig = async (url: string) => {
    const { config } = await loadScanConfig(
      new URL("../../../examples/vulnerable-ai-app/scan-http.yaml", import.meta.url).pathname,
    );
    return parseScanConfig({ ...config, target: { ...config.target, url: `${url}/chat` }, concurrency: 4 });
  };

  // Data-exposure probes plant their data in the conversation, which only an OpenAI-compatible
  // target accepts; over HTTP, exposure of another customer's data is the authorization probes' job.
  it("finds its planted flaws, including another customer's invoice read with a second identity", async () => {
    const { summary } = await runScan({ config: await httpConfig(vulnerable.url) });
    const found = vulnerableCategories(summary);
    const expected: Category[] = [
      "direct_injection",
      "indirect_injection",
      "system_prompt_leakage",
      "authorization",
      "unsafe_automation",
      "improper_output_handling",
      "api_abuse",
    ];
    for (const category of expected) expect(found, category).toContain(category);
    const identityCases = summary.cases.filter((c) => c.probeId.startsWith("AUTH") && c.verdict === "vulnerable");
    expect(identityCases.length).toBeGreaterThan(0);
  });

  it("finds nothing in hardened mode", async () => {
    const { summary } = await runScan({ config: await httpConfig(hardened.url) });
    expect(summary.cases.filter((c) => c.verdict === "vulnerable").map((c) => c.caseId)).toEqual([]);
  }, 60_000);
});

describe("an interrupted run", () => {
  it("keeps the cases that finished, in plan order, and says the results are partial", async () => {
    const controller = new AbortController();
    const { summary } = await runScan({
      config: openaiConfig(vulnerable.url, { concurrency: 2 }),
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 10) controller.abort();
      },
    });
    expect(summary.complete).toBe(false);
    expect(summary.problems).toEqual(["The run was interrupted; the results are partial."]);
    expect(summary.totals.cases).toBeGreaterThanOrEqual(10);
    expect(summary.totals.cases).toBeLessThan(20);
    expect(summary.totals.error).toBe(0);
  });
});

describe("a target that cannot be reached", () => {
  it("stops after consecutive failures and keeps what it has", async () => {
    const { summary } = await runScan({
      config: parseScanConfig({
        target: { type: "openai", url: "http://127.0.0.1:9/v1", model: "m", retries: 0, timeoutMs: 2_000 },
        stopAfterConsecutiveFailures: 3,
        concurrency: 1,
      }),
    });
    expect(summary.complete).toBe(false);
    expect(summary.problems.join(" ")).toMatch(/could not reach the target.*connection refused/);
    expect(summary.totals.error).toBeGreaterThanOrEqual(3);
    expect(summary.totals.cases).toBeLessThan(10);
  });
});
