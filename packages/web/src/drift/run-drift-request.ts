import { type runDriftReportRequestSchema, validationDetailsSchema } from "@openaims/contracts";
import type { z } from "zod";
import { ApiError } from "../api/api-error";
import { errorsByPath, type FieldErrors } from "../api/form-errors";

export type CurrentSource = "sample" | "telemetry";

/** What the form holds: a dataset, an optional system, a reference and a current sample (new files or stored ones) or a telemetry window. */
export interface RunDriftValues {
  assetId: string | null;
  systemId: string | null;
  referenceSampleId: string | null;
  referenceFile: File | null;
  currentSource: CurrentSource;
  currentSampleId: string | null;
  currentFile: File | null;
  /** datetime-local values, in the browser's time zone. */
  from: string;
  to: string;
  columns: string;
}

export const emptyRunDriftValues: RunDriftValues = {
  assetId: null,
  systemId: null,
  referenceSampleId: null,
  referenceFile: null,
  currentSource: "sample",
  currentSampleId: null,
  currentFile: null,
  from: "",
  to: "",
  columns: "",
};

/** Largest sample the server takes (256 MiB). */
export const SAMPLE_MAX_BYTES = 256 * 1024 * 1024;
const SAMPLE_NAME = /\.(csv|parquet|jsonl|ndjson)$/i;

function checkFile(file: File | null): string | null {
  if (!file) return null;
  if (!SAMPLE_NAME.test(file.name)) return "Must be a .csv, .parquet, .jsonl or .ndjson file";
  if (file.size === 0) return "Is empty";
  if (file.size > SAMPLE_MAX_BYTES) return "Must be at most 256 MiB; compare larger data with aims drift report";
  return null;
}

/** Problems the form can see before sending anything, by field. */
export function checkRunDrift(values: RunDriftValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.assetId) errors.assetId = "Choose the dataset";
  if (!values.referenceFile && !values.referenceSampleId)
    errors.referenceFile = "Upload a reference file or choose a stored reference sample";
  const referenceProblem = checkFile(values.referenceFile);
  if (referenceProblem) errors.referenceFile = referenceProblem;
  if (values.currentSource === "sample") {
    if (!values.currentFile && !values.currentSampleId)
      errors.currentFile = "Upload a current file or choose a stored current sample";
    const currentProblem = checkFile(values.currentFile);
    if (currentProblem) errors.currentFile = currentProblem;
  } else {
    if (!values.systemId) errors.systemId = "Choose the AI system whose telemetry to read";
    if (!values.from) errors.from = "Give the start of the window";
    if (!values.to) errors.to = "Give the end of the window";
    if (values.from && values.to && new Date(values.from) >= new Date(values.to))
      errors.to = "Must end after it starts";
  }
  return errors;
}

/** The run request once the samples are stored. */
export function runDriftBody(
  values: RunDriftValues,
  referenceSampleId: string,
  currentSampleId: string | null,
): z.input<typeof runDriftReportRequestSchema> {
  const columns = values.columns
    .split(",")
    .map((c) => c.trim())
    .filter(Boolean);
  return {
    assetId: values.assetId ?? "",
    ...(values.systemId ? { systemId: values.systemId } : {}),
    referenceSampleId,
    ...(values.currentSource === "sample" && currentSampleId
      ? { currentSampleId }
      : {
          window: {
            systemId: values.systemId ?? "",
            from: new Date(values.from).toISOString(),
            to: new Date(values.to).toISOString(),
          },
        }),
    ...(columns.length > 0 ? { columns } : {}),
  };
}

/** The server's 400 by form field: `window.from` shows under From, a sample's body under its file. */
export function serverRunDriftErrors(error: unknown, field?: "referenceFile" | "currentFile"): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== "validation_failed") return {};
  const details = validationDetailsSchema.safeParse(error.details);
  if (!details.success) return {};
  const errors = errorsByPath(details.data.fields);
  const mapped: FieldErrors = { ...errors };
  if (errors["window.from"]) mapped.from = errors["window.from"];
  if (errors["window.to"]) mapped.to = errors["window.to"];
  if (errors.window && !mapped.from && !mapped.to) mapped.from = errors.window;
  // A refused sample file: the server names the body (what the file holds) or the file's name.
  const fileProblem = errors.form ?? errors.fileName;
  if (field && fileProblem) mapped[field] = fileProblem;
  return mapped;
}
