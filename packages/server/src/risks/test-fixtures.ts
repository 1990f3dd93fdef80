import { randomUUID } from "node:crypto";
import type { TestMember, TestServer } from "../testing/test-server.js";

/** Inserts an AI system the way the inventory stores one; threat modelling reads these columns. */
export async function addSystem(
  t: TestServer,
  orgId: string,
  attributes: Partial<{
    name: string;
    capabilities: string[];
    dataCategories: string[];
    impactTier: string;
    autonomy: string;
    customerFacing: boolean;
    ownerMemberId: string | null;
    archived: boolean;
  }> = {},
): Promise<string> {
  const id = randomUUID();
  const name = attributes.name ?? `System ${id.slice(0, 6)}`;
  await t.db
    .insertInto("ai_systems")
    .values({
      id,
      org_id: orgId,
      slug: `system-${id.slice(0, 8)}`,
      name,
      our_role: "provider",
      lifecycle_stage: "operation",
      impact_tier: attributes.impactTier ?? "medium",
      high_impact_reasons: JSON.stringify([]),
      data_categories: JSON.stringify(attributes.dataCategories ?? []),
      capabilities: JSON.stringify(attributes.capabilities ?? ["llm"]),
      autonomy: attributes.autonomy ?? "human_in_the_loop",
      customer_facing: attributes.customerFacing ?? false,
      owner_member_id: attributes.ownerMemberId ?? null,
      material_changed_at: new Date(),
      archived_at: attributes.archived ? new Date() : null,
      archive_reason: attributes.archived ? "retired" : null,
    })
    .execute();
  return id;
}

/** The membership id of a test member, which owner fields point at. */
export async function membershipId(t: TestServer, member: TestMember): Promise<string> {
  const row = await t.db
    .selectFrom("memberships")
    .select("id")
    .where("user_id", "=", member.userId)
    .where("org_id", "=", member.orgId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Audit entries of one entity, oldest first. */
export async function auditOf(t: TestServer, orgId: string, entityId: string) {
  return t.db
    .selectFrom("audit_entries")
    .select(["action", "changes", "actor_label"])
    .where("org_id", "=", orgId)
    .where("entity_id", "=", entityId)
    .orderBy("seq")
    .execute();
}

/** Today plus `days`, as 'YYYY-MM-DD'. */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
