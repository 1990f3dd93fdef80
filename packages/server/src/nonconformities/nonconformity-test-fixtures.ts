import { randomUUID } from "node:crypto";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";

/** An incident as the incidents module stores it, for raising nonconformities from it. */
export async function givenIncident(db: Kysely<Database>, orgId: string, ref: string): Promise<string> {
  const id = randomUUID();
  await sql`insert into incidents (id, org_id, ref, title, severity, detected_at)
    values (${id}, ${orgId}, ${ref}, 'Chatbot leaked an order number', 'high', now())`.execute(db);
  return id;
}

/** An open critical alert on a metric of the system, as monitoring stores it. */
export async function givenAlert(db: Kysely<Database>, orgId: string, systemId: string, ref: string): Promise<string> {
  const metricId = randomUUID();
  await sql`insert into metrics (id, org_id, system_id, name, direction, critical_threshold)
    values (${metricId}, ${orgId}, ${systemId}, ${`toxicity-${ref}`}, 'lower_is_better', 0.1)`.execute(db);
  const id = randomUUID();
  await sql`insert into metric_alerts (id, org_id, ref, metric_id, system_id, kind, level, first_seen_at, last_seen_at, observed_value, observed_at)
    values (${id}, ${orgId}, ${ref}, ${metricId}, ${systemId}, 'breach', 'critical', now(), now(), 0.4, now())`.execute(
    db,
  );
  return id;
}
