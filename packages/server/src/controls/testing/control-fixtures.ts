import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { TestMember, TestServer } from "../../testing/test-server.js";

/** A risk row written directly, as the risk module would have stored it. */
export async function insertRisk(
  t: TestServer,
  orgId: string,
  ref: string,
  status: "identified" | "closed" = "identified",
): Promise<string> {
  const id = randomUUID();
  await sql`insert into risks (id, org_id, ref, title, status) values (${id}, ${orgId}, ${ref}, ${`Risk ${ref}`}, ${status})`.execute(
    t.db,
  );
  return id;
}

/** A piece of evidence linked to a control, written as the evidence module would have stored it. */
export async function insertControlEvidence(
  t: TestServer,
  orgId: string,
  controlId: string,
  ref: string,
  validUntil: Date | null,
): Promise<string> {
  const id = randomUUID();
  await sql`insert into evidence (id, org_id, ref, title, kind, source, collected_at, valid_until)
    values (${id}, ${orgId}, ${ref}, ${`Evidence ${ref}`}, 'record', 'manual', ${new Date(Date.now() - 86_400_000)}, ${validUntil})`.execute(
    t.db,
  );
  await sql`insert into evidence_links (id, org_id, evidence_id, target_type, target_id)
    values (${randomUUID()}, ${orgId}, ${id}, 'control', ${controlId})`.execute(t.db);
  return id;
}

/** The control record with this ref. */
export async function controlByRef(t: TestServer, member: TestMember, ref: string) {
  const res = await t.call(member.token, {
    method: "GET",
    url: `/api/v1/orgs/${member.orgId}/controls?limit=200&q=${encodeURIComponent(ref)}`,
  });
  const control = (res.json().items as { ref: string; id: string; version: number }[]).find((c) => c.ref === ref);
  if (!control) throw new Error(`no control ${ref}`);
  return control;
}

/** PATCHes a control and returns the response. */
export function patchControl(t: TestServer, member: TestMember, controlId: string, body: Record<string, unknown>) {
  return t.call(member.token, {
    method: "PATCH",
    url: `/api/v1/orgs/${member.orgId}/controls/${controlId}`,
    payload: body,
  });
}
