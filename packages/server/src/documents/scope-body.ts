import type { ScopeContent } from "@openaims/contracts";
import { renderScopeMarkdown } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";

/** The Markdown body of a scope version, with the names the inventory gives its systems now. */
export async function renderScopeBody(
  db: Kysely<Database>,
  orgId: string,
  title: string,
  content: ScopeContent,
): Promise<string> {
  const systems =
    content.systemIds.length === 0
      ? []
      : await db
          .selectFrom("ai_systems")
          .select(["id", "name"])
          .where("org_id", "=", orgId)
          .where("id", "in", content.systemIds)
          .execute();
  return renderScopeMarkdown(title, content, systems);
}
