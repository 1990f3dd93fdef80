import type { ActionClass } from "@openaims/contracts";
import type { Database } from "@openaims/db";
import type { ExpressionBuilder, Kysely } from "kysely";
import { notFound } from "../http/app-error.js";
import { isUuid } from "../records/is-uuid.js";

/** The capability that makes an AI system an agent. */
export const AGENT_CAPABILITY = "agent_tools";

/** An AI system that is an agent, as the policy module reads it. */
export interface AgentSystem {
  id: string;
  slug: string;
  name: string;
  lifecycleStage: string;
  archived: boolean;
}

/** One tool an agent may call: an inventory asset of kind tool linked to the agent. */
export interface AgentTool {
  assetId: string;
  name: string;
  /** The name the agent calls the tool by: the asset's tool_name, else its name. */
  toolName: string;
  actionClass: ActionClass | null;
  dataCategories: string[];
}

/** The organisation's agent with this id; 404 for a system elsewhere, unknown, or without agent_tools. */
export async function findAgentSystem(db: Kysely<Database>, orgId: string, systemId: string): Promise<AgentSystem> {
  if (!isUuid(systemId)) throw notFound("Agent", systemId);
  const row = await db
    .selectFrom("ai_systems")
    .select(["id", "slug", "name", "lifecycle_stage", "capabilities", "archived_at"])
    .where("org_id", "=", orgId)
    .where("id", "=", systemId.toLowerCase())
    .executeTakeFirst();
  if (!row?.capabilities.includes(AGENT_CAPABILITY)) throw notFound("Agent", systemId);
  return presentAgentSystem(row);
}

/** Every agent of the organisation that is not archived, by name. */
export async function listAgentSystems(db: Kysely<Database>, orgId: string): Promise<AgentSystem[]> {
  const rows = await db
    .selectFrom("ai_systems")
    .select(["id", "slug", "name", "lifecycle_stage", "capabilities", "archived_at"])
    .where("org_id", "=", orgId)
    .where("archived_at", "is", null)
    .where((eb) => eb("capabilities", "@>", JSON.stringify([AGENT_CAPABILITY]) as never))
    .orderBy("name")
    .orderBy("id")
    .limit(5_000)
    .execute();
  return rows.map(presentAgentSystem);
}

function presentAgentSystem(row: {
  id: string;
  slug: string;
  name: string;
  lifecycle_stage: string;
  archived_at: Date | null;
}): AgentSystem {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    lifecycleStage: row.lifecycle_stage,
    archived: row.archived_at !== null,
  };
}

/**
 * The tool assets linked to these systems (live links, live assets), by system id. With `systemIds`
 * null, every tool asset of the organisation under the key "*" (what an organisation default may name).
 */
export async function findAgentTools(
  db: Kysely<Database>,
  orgId: string,
  systemIds: string[] | null,
): Promise<Map<string, AgentTool[]>> {
  const byKey = new Map<string, AgentTool[]>();
  if (systemIds !== null && systemIds.length === 0) return byKey;
  const query = db
    .selectFrom("ai_assets as asset")
    .select(toolColumns)
    .where((eb) => isLiveTool(eb, orgId));
  if (systemIds === null) {
    const rows = await query.orderBy("asset.name").orderBy("asset.id").limit(10_000).execute();
    byKey.set("*", rows.map(presentTool));
    return byKey;
  }
  const rows = await query
    .innerJoin("ai_system_assets as link", "link.asset_id", "asset.id")
    .select("link.system_id")
    .where((eb) => isLiveLink(eb, orgId))
    .where("link.system_id", "in", systemIds)
    .orderBy("asset.name")
    .orderBy("asset.id")
    .limit(10_000)
    .execute();
  for (const row of rows) {
    const list = byKey.get(row.system_id) ?? [];
    list.push(presentTool(row));
    byKey.set(row.system_id, list);
  }
  return byKey;
}

/** The columns of a tool asset that presentTool reads. */
export const toolColumns = [
  "asset.id",
  "asset.name",
  "asset.tool_name",
  "asset.action_class",
  "asset.data_categories",
] as const;

/** An asset aliased `asset` that is one of the organisation's tools and not archived. */
export function isLiveTool(eb: ExpressionBuilder<ToolTables, "asset">, orgId: string) {
  return eb.and([eb("asset.org_id", "=", orgId), eb("asset.kind", "=", "tool"), eb("asset.archived_at", "is", null)]);
}

/** A system–asset link aliased `link` of the organisation that is not archived. */
export function isLiveLink(eb: ExpressionBuilder<ToolTables, "link">, orgId: string) {
  return eb.and([eb("link.org_id", "=", orgId), eb("link.archived_at", "is", null)]);
}

type ToolTables = Database & { asset: Database["ai_assets"]; link: Database["ai_system_assets"] };

/** A tool asset row as the policy module presents it. */
export function presentTool(row: {
  id: string;
  name: string;
  tool_name: string | null;
  action_class: string | null;
  data_categories: string[];
}): AgentTool {
  return {
    assetId: row.id,
    name: row.name,
    toolName: row.tool_name ?? row.name,
    actionClass: (row.action_class as ActionClass | null) ?? null,
    dataCategories: row.data_categories,
  };
}

/** Tool call name → action class, for the tools whose class is recorded. */
export function toolClassesOf(tools: AgentTool[]): Record<string, ActionClass> {
  const classes: Record<string, ActionClass> = {};
  for (const tool of tools) if (tool.actionClass) classes[tool.toolName] = tool.actionClass;
  return classes;
}
