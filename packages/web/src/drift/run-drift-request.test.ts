import { describe, expect, it } from "vitest";
import { checkRunDrift, emptyRunDriftValues, runDriftBody } from "./run-drift-request";

const file = (name: string, size = 10) => new File(["x".repeat(size)], name);

describe("run drift request", () => {
  it("asks for a dataset and both samples", () => {
    expect(checkRunDrift(emptyRunDriftValues)).toEqual({
      assetId: "Choose the dataset",
      referenceFile: "Upload a reference file or choose a stored reference sample",
      currentFile: "Upload a current file or choose a stored current sample",
    });
  });

  it("refuses a file that is not a sample format or is empty", () => {
    const errors = checkRunDrift({
      ...emptyRunDriftValues,
      assetId: "a",
      referenceFile: file("data.xlsx"),
      currentFile: file("current.csv", 0),
    });
    expect(errors).toEqual({
      referenceFile: "Must be a .csv, .parquet, .jsonl or .ndjson file",
      currentFile: "Is empty",
    });
  });

  it("needs a system and a window that ends after it starts for telemetry", () => {
    const errors = checkRunDrift({
      ...emptyRunDriftValues,
      assetId: "a",
      referenceSampleId: "r",
      currentSource: "telemetry",
      from: "2026-12-07T10:00",
      to: "2026-12-07T09:00",
    });
    expect(errors).toEqual({
      systemId: "Choose the AI system whose telemetry to read",
      to: "Must end after it starts",
    });
  });

  it("sends the current sample, or the window, and the columns", () => {
    const values = { ...emptyRunDriftValues, assetId: "a", systemId: "s", columns: " age, income ,," };
    expect(runDriftBody(values, "r", "c")).toEqual({
      assetId: "a",
      systemId: "s",
      referenceSampleId: "r",
      currentSampleId: "c",
      columns: ["age", "income"],
    });
    const window = runDriftBody(
      { ...values, currentSource: "telemetry", from: "2026-12-07T09:00Z", to: "2026-12-07T10:00Z", columns: "" },
      "r",
      null,
    );
    expect(window).toEqual({
      assetId: "a",
      systemId: "s",
      referenceSampleId: "r",
      window: { systemId: "s", from: "2026-12-07T09:00:00.000Z", to: "2026-12-07T10:00:00.000Z" },
    });
  });
});
