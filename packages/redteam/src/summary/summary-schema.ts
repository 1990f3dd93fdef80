/**
 * The summary.json format as a zod schema: the server validates uploads with it and the published
 * JSON Schema (schemas/summary.schema.json) is generated from it. Every string and array is bounded
 * so an upload cannot grow without limit. Imports only zod and the model, so the server can use it.
 */
import { z } from "zod";
import {
  categories,
  categorySchema,
  type DetectorKind,
  detectorSchema,
  probeTagsSchema,
  type ScanSummary,
  SUMMARY_FORMAT,
  severitySchema,
  type TargetKind,
  transformNames,
  type VerdictCounts,
  verdicts,
} from "../model.js";
import { countByCategory, countVerdicts } from "./count-verdicts.js";

/** Most cases one summary may hold. */
export const MAX_SUMMARY_CASES = 100_000;

const sha256Schema = z.string().regex(/^[a-f0-9]{64}$/, "must be a lowercase hex SHA-256");
/** Any text but NUL, which PostgreSQL cannot store (a reply may contain anything). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly the character refused here.
const plainString = () => z.string().regex(/^[^\u0000]*$/, "must not contain NUL characters");
const shortText = plainString().max(200);
const text = plainString().max(4_000);
const timestamp = z.iso.datetime({ offset: true }).refine((value) => {
  const year = new Date(value).getUTCFullYear();
  return year >= 1970 && year <= 9999;
}, "must be a time between 1970 and 9999");
const count = z.number().int().nonnegative();
const milliseconds = z.number().nonnegative();

const targetKinds = ["openai", "http", "command"] as const satisfies readonly TargetKind[];
const detectorKinds: DetectorKind[] = detectorSchema.options.map((option) => option.shape.kind.value);

// Tag ids keep the probe schema's patterns; only the bounds are added here.
const tagsSchema = z.object({
  owaspLlm: z.array(probeTagsSchema.shape.owaspLlm.element.max(20)).max(10),
  owaspAgentic: z.array(probeTagsSchema.shape.owaspAgentic.unwrap().element.max(20)).max(10),
  atlas: z.array(probeTagsSchema.shape.atlas.element.max(20)).max(20),
  isoControls: z.array(plainString().min(1).max(40)).max(40),
});

export const verdictCountsSchema = z.object({
  cases: count,
  vulnerable: count,
  /** Summaries written before the blocked verdict existed have no such count: it is 0. */
  blocked: count.default(0),
  not_observed: count,
  inconclusive: count,
  error: count,
});

export const detectorResultSchema = z.object({
  kind: z.enum(detectorKinds),
  outcome: z.enum(["matched", "blocked", "clear", "unknown"]),
  detail: text,
});

export const caseResultSchema = z.object({
  caseId: plainString().min(1).max(120),
  probeId: plainString().min(1).max(20),
  variant: z.enum(["plain", ...transformNames]),
  title: shortText,
  category: categorySchema,
  severity: severitySchema,
  tags: tagsSchema,
  verdict: z.enum(verdicts),
  detectors: z.array(detectorResultSchema).max(50),
  refused: z.boolean(),
  blockedBy: z.array(plainString().min(1).max(200)).max(10).optional(),
  note: text.optional(),
  exchanges: count,
  targetLatencyMs: milliseconds,
  judge: z
    .object({
      model: shortText,
      promptSha256: sha256Schema,
      rationale: text,
      answer: z.enum(["yes", "no", "unclear"]),
    })
    .optional(),
});

const targetSchema = z.object({
  kind: z.enum(targetKinds),
  endpoint: plainString().min(1).max(2_048),
  model: shortText.optional(),
  controlsSystemPrompt: z.boolean(),
  hasToolTrace: z.boolean(),
  identities: z.array(plainString().max(100)).max(10),
});

const byCategoryShape = Object.fromEntries(categories.map((category) => [category, verdictCountsSchema])) as Record<
  (typeof categories)[number],
  typeof verdictCountsSchema
>;

type SummaryShape = Pick<ScanSummary, "totals" | "byCategory" | "cases">;

/** Totals and per-category counts must agree with the cases, and case ids must be unique. */
function checkCounts(summary: SummaryShape, ctx: z.RefinementCtx): void {
  const totals = countVerdicts(summary.cases);
  if (!sameCounts(totals, summary.totals)) {
    ctx.addIssue({ code: "custom", path: ["totals"], message: "totals do not match the cases" });
  }
  const byCategory = countByCategory(summary.cases);
  for (const category of categories) {
    if (!sameCounts(byCategory[category], summary.byCategory[category])) {
      ctx.addIssue({ code: "custom", path: ["byCategory", category], message: "counts do not match the cases" });
    }
  }
  const seen = new Set<string>();
  for (const [index, result] of summary.cases.entries()) {
    if (seen.has(result.caseId)) {
      ctx.addIssue({ code: "custom", path: ["cases", index, "caseId"], message: "case id is repeated" });
    }
    seen.add(result.caseId);
  }
}

function sameCounts(a: VerdictCounts, b: VerdictCounts): boolean {
  return (Object.keys(a) as Array<keyof VerdictCounts>).every((key) => a[key] === b[key]);
}

export const scanSummarySchema = z
  .object({
    format: z.literal(SUMMARY_FORMAT),
    scanner: z.object({ name: z.literal("openaims-redteam"), version: plainString().min(1).max(50) }),
    pack: z.object({
      id: plainString().min(1).max(100),
      version: plainString().min(1).max(50),
      sha256: sha256Schema,
      probes: count,
    }),
    configSha256: sha256Schema,
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    target: targetSchema,
    concurrency: z.number().int().positive().max(1_000),
    startedAt: timestamp,
    finishedAt: timestamp,
    durationMs: milliseconds,
    complete: z.boolean(),
    problems: z.array(text).max(1_000),
    totals: verdictCountsSchema,
    byCategory: z.object(byCategoryShape),
    cases: z.array(caseResultSchema).max(MAX_SUMMARY_CASES),
    artifacts: z
      .array(
        z.object({
          kind: z.enum(["transcript", "sarif", "junit", "html"]),
          file: plainString().min(1).max(1_024),
          sha256: sha256Schema,
        }),
      )
      .max(20),
  })
  .superRefine(checkCounts)
  .meta({
    title: "OpenAIMS red-team scan summary",
    description: `The machine-readable result of one red-team scan (format "${SUMMARY_FORMAT}").`,
  });
