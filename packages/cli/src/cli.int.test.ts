import { hashSecret } from "@openaims/core";
import { configFromEnv, startServer } from "@openaims/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliTarget, createCliTarget, openTargetDatabase } from "./testing/run-cli.js";

const PASSWORD = "correct horse battery staple";

describe("aims init, token and user", () => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await createCliTarget();
    const init = await target.cli(["init", "--org", "Acme AI", "--email", "Owner@Example.com", "--json"], {
      AIMS_INIT_PASSWORD: PASSWORD,
    });
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);
  });
  afterAll(() => target.dispose());

  it("refuses a second account with the same e-mail and a missing password", async () => {
    const again = await target.cli(["init", "--org", "Other", "--email", "owner@example.com"], {
      AIMS_INIT_PASSWORD: PASSWORD,
    });
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/already exists/);
    const noPassword = await target.cli(["init", "--org", "Other", "--email", "new@example.com"]);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toMatch(/set AIMS_INIT_PASSWORD/);
    const weak = await target.cli(["init", "--org", "Other", "--email", "new@example.com"], {
      AIMS_INIT_PASSWORD: "short",
    });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/at least 12 characters/);
  });

  it("issues a token that the API accepts, and revokes it", async () => {
    const created = await target.cli(["token", "create", "--email", "owner@example.com", "--scope", "read", "--json"]);
    expect(created.code).toBe(0);
    const token = JSON.parse(created.stdout) as {
      id: string;
      secret: string;
      orgId: string;
      scope: string;
      expiresAt: string;
    };
    expect(token).toMatchObject({ scope: "read", secret: expect.stringMatching(/^aims_pat_/) });
    expect(new Date(token.expiresAt).getTime()).toBeGreaterThan(Date.now() + 89 * 86_400_000);

    const database = await openTargetDatabase(target);
    const server = await startServer(
      configFromEnv({}, { host: "127.0.0.1", port: 0, dataDir: target.dataDir, logLevel: "silent" }),
      database,
    );
    try {
      const stored = await database.db
        .selectFrom("api_tokens")
        .select(["id", "org_id"])
        .where("secret_hash", "=", hashSecret(token.secret))
        .executeTakeFirst();
      expect(stored).toEqual({ id: token.id, org_id: token.orgId });
      const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token.secret}` } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { user: { email: string } }).user.email).toBe("owner@example.com");
    } finally {
      await server.close();
      await database.close();
    }

    expect((await target.cli(["token", "revoke", token.id])).code).toBe(0);
    const twice = await target.cli(["token", "revoke", token.id]);
    expect(twice.code).toBe(5);
    const list = await target.cli(["token", "list", "--email", "owner@example.com", "--json"]);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: token.id, status: "revoked" })]);
  });

  it("explains what is missing or wrong when issuing a token", async () => {
    const unknownUser = await target.cli(["token", "create", "--email", "nobody@example.com", "--scope", "read"]);
    expect(unknownUser.code).toBe(4);
    const badScope = await target.cli(["token", "create", "--email", "owner@example.com", "--scope", "admin"]);
    expect(badScope.code).toBe(2);
    const both = await target.cli([
      "token",
      "create",
      "--email",
      "owner@example.com",
      "--scope",
      "read",
      "--no-expiry",
      "--expires-days",
      "3",
    ]);
    expect(both.code).toBe(2);
    const tooLong = await target.cli([
      "token",
      "create",
      "--email",
      "owner@example.com",
      "--scope",
      "read",
      "--expires-days",
      "9999",
    ]);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toMatch(/--expires-days/);
    const unknownOrg = await target.cli([
      "token",
      "create",
      "--email",
      "owner@example.com",
      "--scope",
      "read",
      "--org",
      "no-such-org",
    ]);
    expect(unknownOrg.code).toBe(4);
    const unknownToken = await target.cli(["token", "revoke", "7d3c7a3e-8d6a-4c8b-9d9b-5b1f8e7c6a50"]);
    expect(unknownToken.code).toBe(4);
  });

  it("manages accounts and records each change in the organisation's audit trail", async () => {
    const users = JSON.parse((await target.cli(["user", "list", "--json"])).stdout) as Array<{
      organizations: Array<{ slug: string }>;
    }>;
    const slug = users[0]?.organizations[0]?.slug ?? "";
    const created = await target.cli(
      ["user", "create", "--email", "ada@example.com", "--name", "Ada", "--org", slug, "--role", "auditor"],
      {
        AIMS_USER_PASSWORD: PASSWORD,
      },
    );
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);

    const database = await openTargetDatabase(target);
    try {
      await database.db
        .updateTable("users")
        .set({ failed_signins: 5, locked_until: new Date(Date.now() + 60_000) })
        .where("email", "=", "ada@example.com")
        .execute();
    } finally {
      await database.close();
    }
    const listed = JSON.parse((await target.cli(["user", "list", "--json"])).stdout) as Array<{
      email: string;
      locked: boolean;
      organizations: unknown[];
    }>;
    expect(listed.find((u) => u.email === "ada@example.com")).toMatchObject({
      locked: true,
      organizations: [{ slug, role: "auditor" }],
    });
    expect((await target.cli(["user", "unlock", "--email", "ada@example.com"])).code).toBe(0);
    expect(
      (
        await target.cli(["user", "set-password", "--email", "ada@example.com"], {
          AIMS_USER_PASSWORD: "another long password",
        })
      ).code,
    ).toBe(0);
    expect((await target.cli(["user", "unlock", "--email", "nobody@example.com"])).code).toBe(4);

    const check = await openTargetDatabase(target);
    try {
      const actions = await check.db
        .selectFrom("audit_entries")
        .select(["action", "actor_label"])
        .orderBy("seq")
        .execute();
      expect(actions.map((a) => a.action)).toEqual(
        expect.arrayContaining([
          "organization.created",
          "member.added",
          "token.created",
          "token.revoked",
          "user.unlocked",
          "user.password_reset",
        ]),
      );
      expect(actions.every((a) => a.actor_label === "aims CLI")).toBe(true);
      const ada = await check.db
        .selectFrom("users")
        .select(["failed_signins", "locked_until"])
        .where("email", "=", "ada@example.com")
        .executeTakeFirstOrThrow();
      expect(ada).toEqual({ failed_signins: 0, locked_until: null });
    } finally {
      await check.close();
    }
    const verify = await target.cli(["audit", "verify", "--json"]);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, organizations: [{ ok: true, entriesChecked: 9 }] });
  });
});
