import { z } from "zod";
import { idSchema, timestampSchema, versionSchema } from "../common.js";

/** Largest OTLP request body accepted by default (after gzip is undone), in bytes. */
export const OTLP_DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

const systemRefSchema = z.object({ id: idSchema, slug: z.string(), name: z.string() });

/** An OpenTelemetry attribute key such as `service.name` or `enduser.id`. */
const attributeKeySchema = z
  .string()
  .trim()
  .min(1, "must name an attribute")
  .max(200, "must be 200 characters or fewer")
  .regex(/^[A-Za-z0-9_.\-/:]+$/, "may hold letters, digits and _ . - / : only");

/** How an organisation's telemetry is read. */
export const telemetrySettingsSchema = z
  .object({
    /** Resource attribute that names the AI system (default `service.name`). */
    systemAttribute: z.string(),
    /** Span attribute that names the caller (default `enduser.id`). */
    callerAttribute: z.string(),
    /** Hours raw spans are kept before the retention job deletes them. */
    spanRetentionHours: z.number().int(),
    updatedAt: timestampSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: "TelemetrySettings" });
export type TelemetrySettings = z.infer<typeof telemetrySettingsSchema>;

export const updateTelemetrySettingsRequestSchema = z.object({
  systemAttribute: attributeKeySchema,
  callerAttribute: attributeKeySchema,
  spanRetentionHours: z.number().int().min(1, "must be at least 1 hour").max(8760, "must be at most 8,760 hours"),
  version: versionSchema,
});
export type UpdateTelemetrySettingsRequest = z.infer<typeof updateTelemetrySettingsRequestSchema>;

/** One AI system's telemetry settings. */
export const systemTelemetrySettingsSchema = z
  .object({
    system: systemRefSchema,
    /** The system attribute's value that names this system; null means its slug. */
    serviceName: z.string().nullable(),
    /** The value spans must carry to land on this system: serviceName, else the slug. */
    effectiveServiceName: z.string(),
    /** Prompt and completion text is stored (redacted) only when on; off by default. */
    captureContent: z.boolean(),
    contentRetentionDays: z.number().int(),
    /** When this system's latest span arrived; null before any. */
    lastSpanAt: timestampSchema.nullable(),
    updatedAt: timestampSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: "SystemTelemetrySettings" });
export type SystemTelemetrySettings = z.infer<typeof systemTelemetrySettingsSchema>;

export const updateSystemTelemetrySettingsRequestSchema = z.object({
  serviceName: z
    .string()
    .trim()
    .min(1, "must not be empty; send null to use the system's slug")
    .max(200, "must be 200 characters or fewer")
    .nullable(),
  captureContent: z.boolean(),
  contentRetentionDays: z.number().int().min(1, "must be at least 1 day").max(3650, "must be at most 3,650 days"),
  version: versionSchema,
});
export type UpdateSystemTelemetrySettingsRequest = z.infer<typeof updateSystemTelemetrySettingsRequestSchema>;

/** A token price: an exact model name, or a prefix ending in `*` (the longest matching prefix wins). */
export const telemetryPriceSchema = z
  .object({
    id: idSchema,
    model: z.string(),
    inputPerMillion: z.number(),
    outputPerMillion: z.number(),
    currency: z.string(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
    version: z.number().int(),
  })
  .meta({ id: "TelemetryPrice" });
export type TelemetryPrice = z.infer<typeof telemetryPriceSchema>;

const priceFields = {
  model: z
    .string()
    .trim()
    .min(1, "must name a model or a prefix ending in *")
    .max(200, "must be 200 characters or fewer")
    .refine((m) => !m.slice(0, -1).includes("*"), "may hold * only at the end"),
  inputPerMillion: z.number().min(0, "must be 0 or more").max(1_000_000),
  outputPerMillion: z.number().min(0, "must be 0 or more").max(1_000_000),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, "must be a three-letter currency code such as USD")
    .default("USD"),
};
export const createTelemetryPriceRequestSchema = z.object(priceFields);
export type CreateTelemetryPriceRequest = z.input<typeof createTelemetryPriceRequestSchema>;
export const updateTelemetryPriceRequestSchema = z.object({ ...priceFields, version: versionSchema });
export type UpdateTelemetryPriceRequest = z.input<typeof updateTelemetryPriceRequestSchema>;
export const deleteTelemetryPriceRequestSchema = z.object({ version: versionSchema });

/** A time window; the last 24 hours unless given. */
export const telemetryWindowQuerySchema = z.object({
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
});

/** One minute of a system's telemetry, for charts. */
export const telemetryMinuteSchema = z.object({
  minute: timestampSchema,
  requests: z.number().int(),
  errors: z.number().int(),
  latencyP50Ms: z.number().nullable(),
  latencyP95Ms: z.number().nullable(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  cost: z.number(),
  refusals: z.number().int(),
  guardFindings: z.number().int(),
});
export type TelemetryMinute = z.infer<typeof telemetryMinuteSchema>;

/** What a system's spans add up to over a window, with a per-minute series (at most 1,440 points). */
export const telemetrySummarySchema = z
  .object({
    system: systemRefSchema,
    from: timestampSchema,
    to: timestampSchema,
    requests: z.number().int(),
    errors: z.number().int(),
    /** errors / requests; null with no requests. */
    errorRate: z.number().nullable(),
    latencyP50Ms: z.number().nullable(),
    latencyP95Ms: z.number().nullable(),
    inputTokens: z.number(),
    outputTokens: z.number(),
    cost: z.number(),
    refusals: z.number().int(),
    refusalRate: z.number().nullable(),
    toolCalls: z.array(z.object({ tool: z.string(), count: z.number().int() })),
    guardFindings: z.number().int(),
    injectionMarkers: z.number().int(),
    exfiltrationMarkers: z.number().int(),
    /** Minutes are summed into buckets of this many minutes so the series has at most 1,440 points. */
    bucketMinutes: z.number().int(),
    series: z.array(telemetryMinuteSchema),
  })
  .meta({ id: "TelemetrySummary" });
export type TelemetrySummary = z.infer<typeof telemetrySummarySchema>;

export const telemetrySpanListQuerySchema = z.object({
  caller: z.string().trim().max(200).optional(),
});

/** A stored span, newest first in lists. */
export const telemetrySpanSchema = z
  .object({
    traceId: z.string(),
    spanId: z.string(),
    parentSpanId: z.string().nullable(),
    name: z.string(),
    operation: z.string().nullable(),
    provider: z.string().nullable(),
    requestModel: z.string().nullable(),
    responseModel: z.string().nullable(),
    startedAt: timestampSchema,
    durationMs: z.number(),
    error: z.boolean(),
    inputTokens: z.number().int().nullable(),
    outputTokens: z.number().int().nullable(),
    finishReasons: z.string().nullable(),
    caller: z.string().nullable(),
    toolName: z.string().nullable(),
    refused: z.boolean(),
    guardFindings: z.number().int(),
    cost: z.number().nullable(),
  })
  .meta({ id: "TelemetrySpan" });
export type TelemetrySpan = z.infer<typeof telemetrySpanSchema>;

/** Captured prompt and completion text of one span, after redaction. */
export const telemetryContentSchema = z
  .object({
    traceId: z.string(),
    spanId: z.string(),
    startedAt: timestampSchema,
    caller: z.string().nullable(),
    inputText: z.string().nullable(),
    outputText: z.string().nullable(),
    /** What was redacted: detector kind and how many times, never the text. */
    redactions: z.array(z.object({ kind: z.string(), count: z.number().int() })),
    expiresAt: timestampSchema,
  })
  .meta({ id: "TelemetryContent" });
export type TelemetryContent = z.infer<typeof telemetryContentSchema>;

/** A system with telemetry settings or spans, for the telemetry overview. */
export const telemetrySystemSchema = z
  .object({
    system: systemRefSchema,
    effectiveServiceName: z.string(),
    captureContent: z.boolean(),
    lastSpanAt: timestampSchema.nullable(),
    /** Requests in the last 24 hours. */
    requests24h: z.number().int(),
    errors24h: z.number().int(),
  })
  .meta({ id: "TelemetrySystem" });
export type TelemetrySystem = z.infer<typeof telemetrySystemSchema>;

/**
 * OTLP's Export{Trace,Metrics}ServiceResponse as JSON: partialSuccess is present when some spans or
 * data points were rejected (for example spans naming no known AI system) and the rest kept.
 */
export const otlpExportResponseSchema = z
  .object({
    partialSuccess: z
      .object({
        rejectedSpans: z.union([z.string(), z.number()]).optional(),
        rejectedDataPoints: z.union([z.string(), z.number()]).optional(),
        errorMessage: z.string().optional(),
      })
      .optional(),
  })
  .meta({ id: "OtlpExportResponse" });
export type OtlpExportResponse = z.infer<typeof otlpExportResponseSchema>;
