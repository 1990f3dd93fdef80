import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { Actor } from "../http/handler-context.js";
import type { AssessmentRow } from "./impact-assessment-queries.js";

type ReviewAction = "submitted" | "returned" | "approved";

/** The review log with one more entry, as JSON text for the jsonb column. */
export function appendReviewEntry(
  row: AssessmentRow,
  action: ReviewAction,
  actor: Actor,
  at: Date,
  comment: string | null,
): string {
  const entry = { action, at: at.toISOString(), by: { id: actor.userId, name: actor.name }, comment };
  return JSON.stringify([...row.review_log, entry]);
}

/** The system's `material_changed_at`, copied by the database so no precision is lost on the way. */
export function systemMaterialChangedAt(db: Kysely<Database>, systemId: string) {
  return db.selectFrom("ai_systems").select("material_changed_at").where("id", "=", systemId);
}
