import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { verifyAuditTrail } from "./verify-audit-trail.js";

/** Someone with direct database access edits the trail: verification must name the entry. */
describe("audit trail tamper detection", () => {
  let t: TestServer;
  let owner: TestMember;
  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Tamper");
    for (let i = 0; i < 5; i++) {
      await t.call(owner.token, {
        method: "POST",
        url: `/api/v1/orgs/${owner.orgId}/tokens`,
        payload: { name: `t${i}`, scope: "read" },
      });
    }
  });
  afterAll(() => t.close());

  async function asSuperuser(statement: ReturnType<typeof sql>) {
    await t.db.transaction().execute(async (tx) => {
      await sql`alter table audit_entries disable trigger audit_entries_append_only`.execute(tx);
      await statement.execute(tx);
      await sql`alter table audit_entries enable trigger audit_entries_append_only`.execute(tx);
    });
  }

  it("names an edited entry", async () => {
    expect((await verifyAuditTrail(t.db, owner.orgId)).ok).toBe(true);
    await asSuperuser(
      sql`update audit_entries set actor_label = 'Someone else' where org_id = ${owner.orgId} and seq = 4`,
    );
    const result = await verifyAuditTrail(t.db, owner.orgId);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: 4, reason: expect.stringContaining("altered") });
    const api = await t.call(owner.token, { method: "POST", url: `/api/v1/orgs/${owner.orgId}/audit-trail/verify` });
    expect(api.json().firstBroken.seq).toBe(4);
  });

  it("names removed newest entries", async () => {
    const victim = await t.addOrg("Truncated");
    await t.call(victim.token, {
      method: "POST",
      url: `/api/v1/orgs/${victim.orgId}/tokens`,
      payload: { name: "x", scope: "read" },
    });
    expect((await verifyAuditTrail(t.db, victim.orgId)).ok).toBe(true);
    const head = await t.db
      .selectFrom("audit_heads")
      .select("seq")
      .where("org_id", "=", victim.orgId)
      .executeTakeFirstOrThrow();
    await asSuperuser(sql`delete from audit_entries where org_id = ${victim.orgId} and seq = ${head.seq}`);
    const result = await verifyAuditTrail(t.db, victim.orgId);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: head.seq, reason: expect.stringContaining("removed") });
  });
});
