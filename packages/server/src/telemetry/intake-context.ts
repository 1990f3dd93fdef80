import type { TokenPrice } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { defaultTelemetrySettings } from "./settings-handlers.js";

/** An AI system as the intake sees it: found by the value of the system attribute. */
export interface IntakeSystem {
  id: string;
  captureContent: boolean;
  contentRetentionDays: number;
}

/** What the intake needs to read an organisation's spans. */
export interface IntakeContext {
  systemAttribute: string;
  callerAttribute: string;
  /** Systems by service name (telemetry_systems.service_name, else the slug). */
  systems: Map<string, IntakeSystem>;
  prices: TokenPrice[];
}

/** How long a server reuses an organisation's intake context: settings changed on another server apply within this time. */
const CONTEXT_TTL_MS = 5_000;
const cache = new Map<string, { at: number; context: Promise<IntakeContext> }>();

async function loadContext(db: Kysely<Database>, orgId: string): Promise<IntakeContext> {
  const [settings, systems, prices] = await Promise.all([
    db.selectFrom("telemetry_settings").selectAll().where("org_id", "=", orgId).executeTakeFirst(),
    db
      .selectFrom("ai_systems as s")
      .leftJoin("telemetry_systems as t", "t.system_id", "s.id")
      .select(["s.id", "s.slug", "t.service_name", "t.capture_content", "t.content_retention_days"])
      .where("s.org_id", "=", orgId)
      .where("s.archived_at", "is", null)
      .execute(),
    db
      .selectFrom("telemetry_prices")
      .select(["model", "input_per_million", "output_per_million"])
      .where("org_id", "=", orgId)
      .execute(),
  ]);
  const byName = new Map<string, IntakeSystem>();
  // Slugs first, then explicit service names, so an explicit name wins over another system's slug.
  for (const s of systems) if (s.service_name === null) byName.set(s.slug, entryOf(s));
  for (const s of systems) if (s.service_name !== null) byName.set(s.service_name, entryOf(s));
  return {
    systemAttribute: settings?.system_attribute ?? defaultTelemetrySettings.system_attribute,
    callerAttribute: settings?.caller_attribute ?? defaultTelemetrySettings.caller_attribute,
    systems: byName,
    prices: prices.map((p) => ({
      model: p.model,
      inputPerMillion: p.input_per_million,
      outputPerMillion: p.output_per_million,
    })),
  };
}

function entryOf(s: {
  id: string;
  capture_content: boolean | null;
  content_retention_days: number | null;
}): IntakeSystem {
  return { id: s.id, captureContent: s.capture_content ?? false, contentRetentionDays: s.content_retention_days ?? 30 };
}

/** The organisation's intake context, cached for a few seconds. */
export function intakeContext(db: Kysely<Database>, orgId: string, now = Date.now()): Promise<IntakeContext> {
  const cached = cache.get(orgId);
  if (cached && now - cached.at < CONTEXT_TTL_MS) return cached.context;
  const context = loadContext(db, orgId);
  cache.set(orgId, { at: now, context });
  context.catch(() => cache.delete(orgId));
  if (cache.size > 10_000) cache.delete(cache.keys().next().value as string);
  return context;
}

/** Forgets an organisation's cached context on this server, after its settings, systems or prices changed. */
export function forgetIntakeContext(orgId: string): void {
  cache.delete(orgId);
}
