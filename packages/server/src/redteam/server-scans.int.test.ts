import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

describe("server-side red-team scans", () => {
  let t: TestServer;
  let owner: TestMember;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Server scans");
    await givenSystem(t.db, owner.orgId, "support-bot");
  });
  afterAll(() => t.close());
  /** The administrator's AIMS_REDTEAM_TARGETS, as the server read it at start. */
  const allow = (origins: string[]) => {
    t.config.redteamTargets = origins;
  };

  const run = (payload: object) =>
    t.call(owner.token, { method: "POST", url: `/api/v1/orgs/${owner.orgId}/redteam/scans/run`, payload });
  const settings = async () =>
    (await t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/redteam/settings` })).json();
  const openai = { type: "openai", url: "http://127.0.0.1:8000/v1", model: "bot" };
  const scanCount = async () =>
    Number(
      (
        await t.db
          .selectFrom("redteam_scans")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("refuses every scan when AIMS_REDTEAM_TARGETS is not set, and says so to the UI", async () => {
    allow([]);
    expect(await settings()).toEqual({
      serverScans: { enabled: false, allowedOrigins: [], apiKeyEnvPrefix: "AIMS_REDTEAM_KEY_", apiKeys: [] },
    });
    const res = await run({ system: "support-bot", target: openai });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain("AIMS_REDTEAM_TARGETS");
    expect(await scanCount()).toBe(0);
  });

  it("refuses origins that are not listed, command targets, and keys from arbitrary variables", async () => {
    allow(["http://127.0.0.1:8000"]);
    expect((await settings()).serverScans).toMatchObject({ enabled: true, allowedOrigins: ["http://127.0.0.1:8000"] });
    const elsewhere = await run({
      system: "support-bot",
      target: { ...openai, url: "http://127.0.0.1:8001/v1" },
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.message).toContain("http://127.0.0.1:8001 is not among");
    const command = await run({ system: "support-bot", target: { type: "command", command: "sh" } });
    expect(command.statusCode).toBe(400);
    expect(invalidFieldLines(command)).toContain("body.target");
    const key = await run({ system: "support-bot", target: { ...openai, apiKeyEnv: "DATABASE_URL" } });
    expect(key.statusCode).toBe(400);
    expect(key.json().error.details.fields[0].field).toBe("body.target.apiKeyEnv");
    for (const url of ["http://user:hunter2@127.0.0.1:8000/v1", "http://127.0.0.1:8000/v1?api_key=SECRET"]) {
      const withSecret = await run({ system: "support-bot", target: { ...openai, url } });
      expect(withSecret.statusCode).toBe(400);
      expect(withSecret.json().error.details.fields[0].field).toBe("body.target.url");
    }
    const trail = await t.db.selectFrom("audit_entries").select("changes").execute();
    expect(JSON.stringify(trail)).not.toMatch(/hunter2|SECRET/);
    expect(await scanCount()).toBe(0);
  });
  it("lets an organisation use only the keys bound to it, and only towards their origins", async () => {
    allow(["http://127.0.0.1:8000", "http://127.0.0.1:8001"]);
    const other = await t.addOrg("Other scans");
    await givenSystem(t.db, other.orgId, "other-bot");
    const { slug } = await t.db
      .selectFrom("organizations")
      .select("slug")
      .where("id", "=", owner.orgId)
      .executeTakeFirstOrThrow();
    // As the administrator bound it: AIMS_REDTEAM_KEY_OWNER_ORGS=<slug>, _ORIGINS=http://127.0.0.1:8000.
    t.config.redteamKeys = [
      { name: "AIMS_REDTEAM_KEY_OWNER", orgs: [slug], origins: ["http://127.0.0.1:8000"], keySet: true },
    ];
    const auditEntries = async () =>
      Number(
        (
          await t.db
            .selectFrom("audit_entries")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const entriesBefore = await auditEntries();

    const borrowed = await t.call(other.token, {
      method: "POST",
      url: `/api/v1/orgs/${other.orgId}/redteam/scans/run`,
      payload: { system: "other-bot", target: { ...openai, apiKeyEnv: "AIMS_REDTEAM_KEY_OWNER" } },
    });
    expect(borrowed.statusCode).toBe(400);
    expect(borrowed.json().error.details.fields).toMatchObject([
      {
        field: "body.target.apiKeyEnv",
        message: expect.stringMatching(/^AIMS_REDTEAM_KEY_OWNER is not a key this organisation may use/),
      },
    ]);
    const elsewhere = await run({
      system: "support-bot",
      target: { ...openai, url: "http://127.0.0.1:8001/v1", apiKeyEnv: "AIMS_REDTEAM_KEY_OWNER" },
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.details.fields).toMatchObject([
      {
        field: "body.target.apiKeyEnv",
        message: "AIMS_REDTEAM_KEY_OWNER may only be sent to http://127.0.0.1:8000, not to http://127.0.0.1:8001.",
      },
    ]);
    expect(await scanCount()).toBe(0);
    expect(await auditEntries()).toBe(entriesBefore);

    expect((await settings()).serverScans.apiKeys).toEqual([
      { name: "AIMS_REDTEAM_KEY_OWNER", origins: ["http://127.0.0.1:8000"] },
    ]);
    const otherSettings = await t.call(other.token, {
      method: "GET",
      url: `/api/v1/orgs/${other.orgId}/redteam/settings`,
    });
    expect(otherSettings.json().serverScans.apiKeys).toEqual([]);
  });

  it("runs one scan per organisation at a time, even across server processes", async () => {
    allow(["http://127.0.0.1:8000"]);
    const systemId = (
      await t.db
        .selectFrom("ai_systems")
        .select("id")
        .where("org_id", "=", owner.orgId)
        .where("slug", "=", "support-bot")
        .executeTakeFirstOrThrow()
    ).id;
    const running = (ref: string) => ({
      id: randomUUID(),
      org_id: owner.orgId,
      ref,
      system_id: systemId,
      status: "running",
      origin: "web",
      target_kind: "openai",
      target_endpoint: "http://127.0.0.1:8000/v1",
      seed: 1,
      started_at: new Date(),
    });
    // As another server process would have started it.
    await t.db.insertInto("redteam_scans").values(running("RT-90")).execute();
    const second = await run({ system: "support-bot", target: openai });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain("Scan RT-90 is still running");
    // The database refuses a second running scan even when two requests race past that check.
    await expect(t.db.insertInto("redteam_scans").values(running("RT-91")).execute()).rejects.toThrow();
    await t.db.deleteFrom("redteam_scans").where("ref", "=", "RT-90").execute();
  });
});
