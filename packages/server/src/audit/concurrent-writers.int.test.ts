import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { verifyAuditTrail } from "./verify-audit-trail.js";

const onPostgres = Boolean(process.env.AIMS_TEST_DATABASE_URL);
/** Server processes sharing one PostgreSQL database must share one secret key. */
const SHARED_KEY = randomBytes(32).toString("base64");

describe("audit chain under concurrent writers", () => {
  let t: TestServer;
  let owner: TestMember;
  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Busy");
  });
  afterAll(() => t.close());

  it("stays one unbroken chain when many requests write at once", async () => {
    const writes = Array.from({ length: 40 }, (_, i) =>
      t.call(owner.token, {
        method: "POST",
        url: `/api/v1/orgs/${owner.orgId}/tokens`,
        payload: { name: `t${i}`, scope: "read" },
      }),
    );
    const results = await Promise.all(writes);
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const result = await verifyAuditTrail(t.db, owner.orgId);
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    // organisation, owner, risk method, Annex A controls; the member added; 40 writes
    expect(result.entriesChecked).toBe(4 + 1 + 40);
  });

  it.skipIf(!onPostgres)("stays one unbroken chain when two server processes share PostgreSQL", async () => {
    const script = fileURLToPath(new URL("../testing/serve-process.ts", import.meta.url));
    const children: ChildProcess[] = [];
    try {
      const urls: string[] = [];
      for (let i = 0; i < 2; i++) {
        const child = spawn(process.execPath, ["--import", "tsx", script], {
          env: { ...process.env, DATABASE_URL: t.database.url ?? "", AIMS_SECRET_KEY: SHARED_KEY },
          stdio: ["ignore", "pipe", "inherit"],
        });
        children.push(child);
        const [line] = (await once(createInterface({ input: child.stdout as NodeJS.ReadableStream }), "line")) as [
          string,
        ];
        urls.push(JSON.parse(line).url);
      }
      const before = (await verifyAuditTrail(t.db, owner.orgId)).entriesChecked;
      const requests = Array.from({ length: 60 }, (_, i) =>
        fetch(`${urls[i % 2]}/api/v1/orgs/${owner.orgId}/tokens`, {
          method: "POST",
          headers: { authorization: `Bearer ${owner.token}`, "content-type": "application/json" },
          body: JSON.stringify({ name: `p${i}`, scope: "read" }),
        }),
      );
      const statuses = (await Promise.all(requests)).map((r) => r.status);
      expect(statuses.every((s) => s === 201)).toBe(true);
      const result = await verifyAuditTrail(t.db, owner.orgId);
      expect(result).toMatchObject({ ok: true, entriesChecked: before + 60 });
    } finally {
      for (const child of children) child.kill("SIGTERM");
      await Promise.all(children.map((c) => (c.exitCode === null ? once(c, "exit") : null)));
    }
  });
});
