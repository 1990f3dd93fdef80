import {
  fieldMessages,
  plainParseOptions,
  type RunRedteamScanRequest,
  runRedteamScanRequestSchema,
  validationDetailsSchema,
} from "@openaims/contracts";
import { ApiError } from "../api/api-error";
import { type FieldErrors, sentence } from "../api/form-errors";

/** What the "Run a scan" form holds; numbers stay text until sent. */
export interface RunScanValues {
  system: string | null;
  type: "openai" | "http";
  url: string;
  model: string;
  reply: string;
  apiKeyEnv: string;
  seed: string;
  concurrency: string;
}

export const emptyRunScanValues: RunScanValues = {
  system: null,
  type: "openai",
  url: "",
  model: "",
  reply: "",
  apiKeyEnv: "",
  seed: "",
  concurrency: "2",
};

const optional = (text: string) => (text.trim() ? text.trim() : undefined);
const optionalNumber = (text: string) => (text.trim() ? Number(text) : undefined);

/** The request body the form's values make; empty fields are left out. */
export function runScanBody(values: RunScanValues): RunRedteamScanRequest {
  const common = { url: values.url.trim(), apiKeyEnv: optional(values.apiKeyEnv) };
  return {
    system: values.system ?? "",
    target:
      values.type === "openai"
        ? { type: "openai", model: values.model.trim(), ...common }
        : { type: "http", reply: optional(values.reply), ...common },
    seed: optionalNumber(values.seed),
    concurrency: optionalNumber(values.concurrency),
  };
}

/** The form field a request path names: the last segment ("body.target.url" → "url"). */
export function fieldOf(path: string): string {
  return path.split(".").at(-1) ?? path;
}

/** Checks the body before sending it; messages keyed by form field. */
export function checkRunScan(values: RunScanValues): FieldErrors {
  const result = runRedteamScanRequestSchema.safeParse(runScanBody(values), plainParseOptions);
  if (result.success) return {};
  const errors: FieldErrors = values.system ? {} : { system: "Choose the AI system to test" };
  for (const item of fieldMessages(result.error.issues, runRedteamScanRequestSchema)) {
    errors[fieldOf(item.field) || "form"] ??= sentence(item.message);
  }
  return errors;
}

/** Field messages from a refused request, keyed by form field. */
export function serverRunScanErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== "validation_failed") return {};
  const details = validationDetailsSchema.safeParse(error.details);
  if (!details.success) return {};
  const errors: FieldErrors = {};
  for (const item of details.data.fields) errors[fieldOf(item.field)] ??= sentence(item.message);
  return errors;
}
