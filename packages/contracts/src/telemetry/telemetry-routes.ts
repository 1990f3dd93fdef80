import { z } from "zod";
import { idSchema, pageQuerySchema, pageSchema } from "../common.js";
import { defineRoute } from "../route.js";
import {
  createTelemetryPriceRequestSchema,
  deleteTelemetryPriceRequestSchema,
  systemTelemetrySettingsSchema,
  telemetryContentSchema,
  telemetryPriceSchema,
  telemetrySettingsSchema,
  telemetrySpanListQuerySchema,
  telemetrySpanSchema,
  telemetrySummarySchema,
  telemetrySystemSchema,
  telemetryWindowQuerySchema,
  updateSystemTelemetrySettingsRequestSchema,
  updateTelemetryPriceRequestSchema,
  updateTelemetrySettingsRequestSchema,
} from "./telemetry-schemas.js";

const base = "/api/v1/orgs/:orgId";
const orgParams = z.object({ orgId: idSchema });
const systemParams = z.object({ orgId: idSchema, systemId: idSchema });
const priceParams = z.object({ orgId: idSchema, priceId: idSchema });
const read = { kind: "org", permission: "governance.read" } as const;
const write = { kind: "org", permission: "governance.write" } as const;
const tag = "telemetry";

/**
 * Routes of the OpenTelemetry intake's settings and what it collected. The intake itself
 * (`POST /v1/traces`, `POST /v1/metrics` at the server root, as OTLP/HTTP exporters expect) is
 * registered beside this table, since its organisation comes from the API token, not the path.
 */
export const telemetryRoutes = {
  getTelemetrySettings: defineRoute({
    method: "GET",
    path: `${base}/telemetry/settings`,
    summary: "Read how telemetry is read: the attributes naming the AI system and the caller, and span retention",
    tag,
    access: read,
    write: false,
    params: orgParams,
    response: telemetrySettingsSchema,
  }),
  updateTelemetrySettings: defineRoute({
    method: "PUT",
    path: `${base}/telemetry/settings`,
    summary: "Change the attributes naming the AI system and the caller, and how long raw spans are kept",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: updateTelemetrySettingsRequestSchema,
    response: telemetrySettingsSchema,
  }),
  listTelemetrySystems: defineRoute({
    method: "GET",
    path: `${base}/telemetry/systems`,
    summary: "List AI systems with their telemetry name, content capture, latest span and last day's requests",
    tag,
    access: read,
    write: false,
    params: orgParams,
    response: z.object({ items: z.array(telemetrySystemSchema) }),
  }),
  getSystemTelemetrySettings: defineRoute({
    method: "GET",
    path: `${base}/systems/:systemId/telemetry/settings`,
    summary: "Read an AI system's telemetry settings: its service name, content capture and content retention",
    tag,
    access: read,
    write: false,
    params: systemParams,
    response: systemTelemetrySettingsSchema,
  }),
  updateSystemTelemetrySettings: defineRoute({
    method: "PUT",
    path: `${base}/systems/:systemId/telemetry/settings`,
    summary:
      "Change an AI system's service name, and whether prompt and completion text is captured (redacted) and for how long",
    tag,
    access: write,
    write: true,
    params: systemParams,
    body: updateSystemTelemetrySettingsRequestSchema,
    response: systemTelemetrySettingsSchema,
  }),
  listTelemetryPrices: defineRoute({
    method: "GET",
    path: `${base}/telemetry/prices`,
    summary: "List token prices per model, which the cost metric is computed from",
    tag,
    access: read,
    write: false,
    params: orgParams,
    response: z.object({ items: z.array(telemetryPriceSchema) }),
  }),
  createTelemetryPrice: defineRoute({
    method: "POST",
    path: `${base}/telemetry/prices`,
    summary: "Add a token price for a model, or for models by a prefix ending in *",
    tag,
    access: write,
    write: true,
    params: orgParams,
    body: createTelemetryPriceRequestSchema,
    response: telemetryPriceSchema,
    status: 201,
  }),
  updateTelemetryPrice: defineRoute({
    method: "PUT",
    path: `${base}/telemetry/prices/:priceId`,
    summary: "Change a token price; spans received from now on use it",
    tag,
    access: write,
    write: true,
    params: priceParams,
    body: updateTelemetryPriceRequestSchema,
    response: telemetryPriceSchema,
  }),
  deleteTelemetryPrice: defineRoute({
    method: "POST",
    path: `${base}/telemetry/prices/:priceId/remove`,
    summary: "Remove a token price; costs already computed stay",
    tag,
    access: write,
    write: true,
    params: priceParams,
    body: deleteTelemetryPriceRequestSchema,
    response: z.object({ ok: z.literal(true) }),
  }),
  getSystemTelemetrySummary: defineRoute({
    method: "GET",
    path: `${base}/systems/:systemId/telemetry/summary`,
    summary:
      "What an AI system's spans add up to over a window (the last 24 hours unless given): requests, error rate, latency p50/p95, tokens, cost, refusals, tool calls, guard findings, and a per-minute series",
    tag,
    access: read,
    write: false,
    params: systemParams,
    query: telemetryWindowQuerySchema,
    response: telemetrySummarySchema,
  }),
  listSystemSpans: defineRoute({
    method: "GET",
    path: `${base}/systems/:systemId/telemetry/spans`,
    summary: "List an AI system's recent spans, newest first, optionally of one caller",
    tag,
    access: read,
    write: false,
    params: systemParams,
    query: pageQuerySchema.extend(telemetrySpanListQuerySchema.shape),
    response: pageSchema(telemetrySpanSchema),
  }),
  listSystemContent: defineRoute({
    method: "GET",
    path: `${base}/systems/:systemId/telemetry/content`,
    summary:
      "List captured prompt and completion text (redacted), newest first; needs audit_trail.read, as the text may be sensitive",
    tag,
    access: { kind: "org", permission: "audit_trail.read" },
    write: false,
    params: systemParams,
    query: pageQuerySchema.extend(telemetrySpanListQuerySchema.shape),
    response: pageSchema(telemetryContentSchema),
  }),
} as const;
