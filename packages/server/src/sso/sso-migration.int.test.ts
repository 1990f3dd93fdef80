import { randomUUID } from "node:crypto";
import { type AimsDatabase, migrations, openDatabase } from "@openaims/db";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSsoConfigByDomain } from "./sso-configs.js";
import { admittedDomains } from "./sso-domains.js";

const TARGET = "0011-sso-account-binding";

describe(`migration ${TARGET}`, () => {
  let database: AimsDatabase;
  const orgId = randomUUID();

  beforeAll(async () => {
    database = await openDatabase({});
    const index = migrations.findIndex((m) => m.id === TARGET);
    expect(index).toBeGreaterThan(0);
    await database.withSession(async (session) => {
      for (const migration of migrations.slice(0, index)) await session.exec(migration.sql);
    });
    // Data as earlier versions left it: domains listed without any proof, a sign-in under way.
    const { db } = database;
    await sql`insert into organizations (id, slug, name) values (${orgId}, 'acme', 'Acme')`.execute(db);
    await sql`insert into sso_configs (org_id, enabled, issuer, client_id, allowed_domains, default_role)
      values (${orgId}, true, 'https://idp.acme.test', 'openaims', ${["acme.test", "acme-labs.test"]}, 'viewer')`.execute(
      db,
    );
    await sql`insert into sso_logins (state_hash, org_id, code_verifier, nonce, expires_at)
      values ('legacy-state-hash', ${orgId}, 'verifier', 'nonce', now() + interval '5 minutes')`.execute(db);
    await database.withSession((session) => session.exec(migrations[index]?.sql as string));
  });
  afterAll(async () => {
    await database?.close();
  });

  it("turns listed domains into unverified claims that admit nobody until verified", async () => {
    const { db } = database;
    const claims = await db
      .selectFrom("sso_domain_claims")
      .select(["org_id", "domain", "verified_at", "revoked_at", "verification_token_hash"])
      .orderBy("domain")
      .execute();
    expect(claims).toEqual([
      { org_id: orgId, domain: "acme-labs.test", verified_at: null, revoked_at: null, verification_token_hash: null },
      { org_id: orgId, domain: "acme.test", verified_at: null, revoked_at: null, verification_token_hash: null },
    ]);
    // The configuration still lists them, so the administrator sees what to verify...
    const config = await db.selectFrom("sso_configs").selectAll().executeTakeFirstOrThrow();
    expect(config.allowed_domains).toEqual(["acme.test", "acme-labs.test"]);
    // ...but no sign-in is admitted through them.
    expect(await findSsoConfigByDomain(db, "acme.test")).toBeUndefined();
    expect(await admittedDomains(db, config)).toEqual([]);
  });

  it("drops sign-ins under way, which no browser is bound to", async () => {
    expect(await database.db.selectFrom("sso_logins").select("state_hash").execute()).toEqual([]);
  });
});
