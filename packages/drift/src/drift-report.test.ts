/** The engine's report end to end: the published schema, drift decisions, the HTML page, and bad input named clearly. */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { driftReportSchema } from "@openaims/contracts";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DriftInputError } from "./drift-input-error.js";
import { driftReportJsonSchema } from "./drift-report-json-schema.js";
import { runDriftReport } from "./run-drift-report.js";

const fixtures = fileURLToPath(new URL("../fixtures/data/", import.meta.url));
const publishedFile = new URL("../../../docs/schemas/drift-report.schema.json", import.meta.url);
const demo = { reference: `${fixtures}demo.reference.csv`, current: `${fixtures}demo.current.csv` };
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "aims-drift-test-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function file(name: string, text: string): Promise<string> {
  const path = join(work, name);
  await writeFile(path, text);
  return path;
}

async function expectInputError(promise: Promise<unknown>, message: RegExp, column?: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DriftInputError);
  expect((error as DriftInputError).message).toMatch(message);
  expect((error as DriftInputError).column).toBe(column);
}

describe("drift report", () => {
  it("flags exactly the shifted columns of the demo data, with model quality, and matches the published schema", async () => {
    const { report, html } = await runDriftReport({
      ...demo,
      target: "label",
      prediction: "score",
      now: new Date("2026-12-07T08:00:00Z"),
    });
    expect(report.summary.drifted).toEqual(["income", "segment"]);
    expect(report.columns.map((c) => [c.name, c.kind, c.role])).toEqual([
      ["age", "numeric", "feature"],
      ["income", "numeric", "feature"],
      ["segment", "categorical", "feature"],
      ["channel", "categorical", "feature"],
      ["comment", "text", "feature"],
      ["label", "categorical", "target"],
      ["score", "numeric", "prediction"],
    ]);
    expect(report.quality?.predictionKind).toBe("score");
    expect(report.quality?.positiveClass).toBe("1");
    expect(report.quality?.current?.rocAuc).toBeGreaterThan(0.7);
    expect(driftReportSchema.parse(report)).toEqual(report);

    const published = JSON.parse(await readFile(publishedFile, "utf8")) as unknown;
    expect(published, "regenerate with packages/drift/src/write-drift-report-schema.ts").toEqual(
      driftReportJsonSchema(),
    );
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(published as object);
    const asJson = JSON.parse(JSON.stringify(report)) as unknown;
    expect(validate(asJson), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...report, format: "other" })).toBe(false);

    expect(html).toContain("2 of 7 columns drifted");
    expect(html).toMatch(/<svg[^>]*aria-label="Distribution of income"/);
    expect(html).toMatch(/<svg[^>]*aria-label="Categories of segment"/);
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(html).not.toContain("<script");
  });

  it("escapes values from the data in the HTML page", async () => {
    const reference = await file("xss.reference.csv", `kind\n<script>alert(1)</script>\nsafe\n`);
    const current = await file(
      "xss.current.csv",
      `kind\n<script>alert(1)</script>\n<img src=x onerror=alert(2)>\n<img src=x onerror=alert(2)>\n`,
    );
    const { report, html } = await runDriftReport({ reference, current, thresholds: { psi: 0.01 } });
    expect(report.columns[0]?.drifted).toBe(true);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=alert(2)&gt;");
  });

  it("reads Parquet and JSON Lines as well as CSV, by extension or by content, and samples when asked", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const parquet = join(work, "reference.data");
    await connection.run(`COPY (SELECT * FROM read_csv('${demo.reference}')) TO '${parquet}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const jsonl = await file("current.log", `{"age": 30, "income": 1.5}\n{"age": 50, "income": null}\n`);
    const { report } = await runDriftReport({ reference: parquet, current: jsonl, columns: ["age", "income"] });
    expect([report.reference.format, report.current.format]).toEqual(["parquet", "jsonl"]);
    expect(report.columns[1]?.missing.current).toEqual({ count: 1, share: 0.5 });
    const sampled = await runDriftReport({ ...demo, columns: ["age"], sample: 100 });
    expect([sampled.report.reference.rowsUsed, sampled.report.current.rowsUsed, sampled.report.sample]).toEqual([
      100, 100, 100,
    ]);
    expect(sampled.report.reference.rows).toBe(1500);
  });

  it("names the column when it is missing on one side, of another type, requested but absent, or empty", async () => {
    const reference = await file("a.csv", "x,y\n1,a\n2,b\n");
    await expectInputError(
      runDriftReport({ reference, current: await file("b.csv", "x\n1\n2\n") }),
      /Column 'y' is in the reference data but missing from the current data 'b.csv'/,
      "y",
    );
    await expectInputError(
      runDriftReport({ reference, current: await file("c.csv", "x,y\nlow,a\nhigh,b\n") }),
      /Column 'x' is numeric \(BIGINT\) in the reference data but text \(VARCHAR\) in the current data/,
      "x",
    );
    await expectInputError(
      runDriftReport({ reference, current: reference, columns: ["x", "z"] }),
      /Column 'z' is in neither the reference nor the current data/,
      "z",
    );
    await expectInputError(
      runDriftReport({ reference, current: reference, target: "label" }),
      /target column 'label' is not in the reference/,
      "label",
    );
    await expectInputError(
      runDriftReport({ reference, current: await file("d.csv", "x,y\n,a\n,b\n"), columns: ["x"] }),
      /Column 'x' has no values in the current data/,
      "x",
    );
    // The next numeric column is being read ahead when the first one fails.
    const two = await file("two.csv", "x,z\n1,5\n2,6\n");
    await expectInputError(
      runDriftReport({ reference: two, current: await file("two-empty.csv", "x,z\n,5\n,6\n") }),
      /Column 'x' has no values in the current data/,
      "x",
    );
    await expectInputError(
      runDriftReport({ reference, current: await file("empty.csv", "") }),
      /The current data '.*empty.csv' is empty/,
    );
    await expectInputError(
      runDriftReport({ reference, current: await file("header.csv", "x,y\n") }),
      /The current data 'header.csv' has no rows/,
    );
    await expectInputError(runDriftReport({ reference, current: join(work, "nope.csv") }), /no such file/);
    await expectInputError(
      runDriftReport({ reference, current: await file("bad.parquet", "not parquet at all") }),
      /cannot be read as Parquet/,
    );
    await expectInputError(
      runDriftReport({ reference, current: reference, kinds: { y: "numeric" } }),
      /Column 'y' is set to numeric but the reference data holds 'a'/,
      "y",
    );
  });

  it("compares rows given in memory, as the server does for a window of samples", async () => {
    const rows = (shift: number) =>
      Array.from({ length: 200 }, (_, i) => ({ latency: (i % 50) + shift, model: i % 3 ? "a" : "b" }));
    const { report } = await runDriftReport({
      reference: { label: "last month", rows: rows(0) },
      current: { label: "this week", rows: rows(20) },
    });
    expect(report.reference.source).toBe("last month");
    expect(report.reference.format).toBe("jsonl");
    expect(report.summary.drifted).toEqual(["latency"]);
  });
});
