import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { AuditActor } from "../audit/append-audit-entry.js";
import { seedAnnexAControls } from "../controls/seed-annex-a-controls.js";
import { seedRiskMethod } from "../risks/seed-risk-method.js";

export interface SeedInput {
  orgId: string;
  actor: AuditActor;
  requestId: string | null;
}

/** What every new organisation starts with: the default risk method and the 38 Annex A control records. */
export async function seedOrganization(tx: Kysely<Database>, input: SeedInput): Promise<void> {
  await seedRiskMethod(tx, input);
  await seedAnnexAControls(tx, input);
}
