import { scanSummarySchema } from "@openaims/redteam/summary";
import { z } from "zod";
import { idSchema, reasonSchema, timestampSchema, versionSchema } from "../common.js";
import {
  redteamCategorySchema,
  redteamFindingStatusSchema,
  redteamScanOriginSchema,
  redteamScanStatusSchema,
  redteamSeveritySchema,
} from "./redteam-attributes.js";

const sha256Schema = z.string();
const systemRefSchema = z.object({ id: idSchema, slug: z.string(), name: z.string() });
/** An AI system named by its id or its slug. */
export const systemSelectorSchema = z.string().trim().min(1, "name the AI system by its id or slug").max(120);

export const redteamCountsSchema = z.object({
  cases: z.number().int(),
  vulnerable: z.number().int(),
  /** Cases whose harmful action a policy (the MCP gateway or the runtime guard) stopped. */
  blocked: z.number().int(),
  notObserved: z.number().int(),
  inconclusive: z.number().int(),
  error: z.number().int(),
});
export type RedteamCounts = z.infer<typeof redteamCountsSchema>;

/** Vulnerable cases per severity. */
export const severityCountsSchema = z.object({
  info: z.number().int(),
  low: z.number().int(),
  medium: z.number().int(),
  high: z.number().int(),
  critical: z.number().int(),
});
export type SeverityCounts = z.infer<typeof severityCountsSchema>;

export const redteamScanSchema = z
  .object({
    id: idSchema,
    ref: z.string(),
    system: systemRefSchema,
    status: redteamScanStatusSchema,
    origin: redteamScanOriginSchema,
    target: z.object({ kind: z.string(), endpoint: z.string(), model: z.string().nullable() }),
    /** Null until a server-side scan has finished. */
    pack: z.object({ id: z.string(), version: z.string(), sha256: sha256Schema }).nullable(),
    configSha256: sha256Schema.nullable(),
    scannerVersion: z.string().nullable(),
    seed: z.number().int(),
    startedAt: timestampSchema,
    finishedAt: timestampSchema.nullable(),
    durationMs: z.number().int().nullable(),
    /** Cases done of planned, while a server-side scan runs. */
    progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
    totals: redteamCountsSchema,
    vulnerableBySeverity: severityCountsSchema,
    problems: z.array(z.string()),
    /** SHA-256 of the canonical JSON (keys sorted) of the summary as stored. */
    summarySha256: sha256Schema.nullable(),
    transcriptSha256: sha256Schema.nullable(),
    /** The HTML report, once uploaded (or written by a server-side scan). */
    report: z.object({ sha256: sha256Schema, size: z.number().int() }).nullable(),
    /** The evidence record the scan produced. */
    evidence: z.object({ id: idSchema, ref: z.string() }).nullable(),
    createdBy: z.object({ memberId: idSchema, name: z.string() }).nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "RedteamScan" });
export type RedteamScan = z.infer<typeof redteamScanSchema>;

export const redteamFindingSchema = z
  .object({
    id: idSchema,
    scanId: idSchema,
    caseId: z.string(),
    probeId: z.string(),
    variant: z.string(),
    title: z.string(),
    category: redteamCategorySchema,
    severity: redteamSeveritySchema,
    tags: z.object({
      owaspLlm: z.array(z.string()),
      owaspAgentic: z.array(z.string()),
      atlas: z.array(z.string()),
      isoControls: z.array(z.string()),
    }),
    /** What the detectors saw. */
    detail: z.string(),
    status: redteamFindingStatusSchema,
    risk: z.object({ id: idSchema, ref: z.string() }).nullable(),
    nonconformity: z.object({ id: idSchema, ref: z.string() }).nullable(),
    dismissalReason: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "RedteamFinding" });
export type RedteamFinding = z.infer<typeof redteamFindingSchema>;

/** A scan with its verdict counts per category and its findings (one per vulnerable case), most severe first. */
export const redteamScanDetailSchema = redteamScanSchema
  .extend({
    byCategory: z.record(redteamCategorySchema, redteamCountsSchema),
    findings: z.array(redteamFindingSchema),
  })
  .meta({ id: "RedteamScanDetail" });
export type RedteamScanDetail = z.infer<typeof redteamScanDetailSchema>;

/** A scan summary as validated on upload. */
export type UploadedScanSummary = z.output<typeof scanSummarySchema>;

/** A summary written by `aims redteam`, for one AI system. */
export const uploadRedteamScanRequestSchema = z.object({
  system: systemSelectorSchema,
  summary: scanSummarySchema,
});

export const redteamScanListQuerySchema = z.object({
  /** Only scans of this AI system (id or slug). */
  system: systemSelectorSchema.optional(),
  status: redteamScanStatusSchema.optional(),
});

export const redteamTrendQuerySchema = z.object({
  /** How many of the latest finished scans. */
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const redteamTrendSchema = z
  .object({
    system: systemRefSchema,
    /** Finished scans, oldest first. */
    points: z.array(
      z.object({
        scanId: idSchema,
        ref: z.string(),
        status: redteamScanStatusSchema,
        at: timestampSchema,
        cases: z.number().int(),
        vulnerable: z.number().int(),
        vulnerableBySeverity: severityCountsSchema,
      }),
    ),
  })
  .meta({ id: "RedteamTrend" });
export type RedteamTrend = z.infer<typeof redteamTrendSchema>;

export const raiseRiskRequestSchema = z.object({
  /** Defaults to the finding's title and the scan's reference. */
  title: z.string().trim().min(1).max(200).optional(),
  version: versionSchema,
});

export const raiseNonconformityRequestSchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(5000).optional(),
  version: versionSchema,
});

export const dismissFindingRequestSchema = z.object({ reason: reasonSchema, version: versionSchema });

/** Whether this server runs scans itself, and against which origins its administrator allowed. */
export const redteamSettingsSchema = z
  .object({
    serverScans: z.object({
      enabled: z.boolean(),
      allowedOrigins: z.array(z.string()),
      /** Environment variables must start with this to be used as a target's API key. */
      apiKeyEnvPrefix: z.string(),
      /** The key variables this organisation may name, each with the origins it may be sent to. */
      apiKeys: z.array(z.object({ name: z.string(), origins: z.array(z.string()) })),
    }),
  })
  .meta({ id: "RedteamSettings" });
export type RedteamSettings = z.infer<typeof redteamSettingsSchema>;

/** Prefix of the server environment variables a server-side scan may read a target's key from. */
export const REDTEAM_KEY_ENV_PREFIX = "AIMS_REDTEAM_KEY_";

/** The scan row and audit trail keep this address: credentials belong in apiKeyEnv, never in the URL. */
const targetUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, message: "must be an http or https address" }))
  .refine((value) => {
    // Zod runs this refinement even when the checks above failed; such a value has its issue already.
    if (!URL.canParse(value)) return true;
    const url = new URL(value);
    return url.username === "" && url.password === "" && url.search === "" && url.hash === "";
  }, "must not carry a user name, password, query or fragment; name a key with apiKeyEnv instead");
const keyEnvSchema = z
  .string()
  .trim()
  .regex(
    /^AIMS_REDTEAM_KEY_[A-Z0-9_]{1,64}$/,
    `must name a server environment variable starting with ${REDTEAM_KEY_ENV_PREFIX}`,
  );

/** The application to test; only network targets, never a command on the server. */
export const serverScanTargetSchema = z.discriminatedUnion(
  "type",
  [
    z.object({
      type: z.literal("openai"),
      /** Base URL such as http://127.0.0.1:8000/v1. */
      url: targetUrlSchema,
      model: z.string().trim().min(1, "name the model").max(200),
      apiKeyEnv: keyEnvSchema.optional(),
    }),
    z.object({
      type: z.literal("http"),
      url: targetUrlSchema,
      /** Where the reply text is in the JSON answer, e.g. reply or choices.0.message.content. */
      reply: z
        .string()
        .trim()
        .max(256)
        .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, "must be a dotted path such as data.reply")
        .optional(),
      apiKeyEnv: keyEnvSchema.optional(),
    }),
  ],
  { message: "must be openai or http (command targets never run on the server)" },
);
export type ServerScanTarget = z.infer<typeof serverScanTargetSchema>;

export const runRedteamScanRequestSchema = z.object({
  system: systemSelectorSchema,
  target: serverScanTargetSchema,
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
  /** Cases in flight at once; kept small so a scan does not starve the server. */
  concurrency: z.number().int().min(1).max(8).optional(),
});
export type RunRedteamScanRequest = z.input<typeof runRedteamScanRequestSchema>;
