import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

/** An OpenAI-compatible chat endpoint on loopback that refuses everything, a little slowly. */
function startRefusingModel(authorizations: Set<string | undefined>): Promise<Server> {
  const server = createServer((request, response) => {
    authorizations.add(request.headers.authorization);
    request.resume();
    request.on("end", () => {
      setTimeout(() => {
        response.setHeader("content-type", "application/json");
        response.end(
          JSON.stringify({
            id: "chatcmpl-test",
            object: "chat.completion",
            model: "stub",
            choices: [
              {
                index: 0,
                message: { role: "assistant", content: "Sorry, I can't help with that." },
                finish_reason: "stop",
              },
            ],
          }),
        );
      }, 20);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

describe("a server-side scan run", () => {
  let t: TestServer;
  let owner: TestMember;
  let model: Server;
  let url: string;
  const authorizations = new Set<string | undefined>();

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Runs");
    await givenSystem(t.db, owner.orgId, "support-bot");
    model = await startRefusingModel(authorizations);
    const origin = `http://127.0.0.1:${(model.address() as AddressInfo).port}`;
    url = `${origin}/v1`;
    t.config.redteamTargets = [origin];
    // The administrator's AIMS_REDTEAM_KEY_RUNS, bound to this organisation and this origin.
    process.env.AIMS_REDTEAM_KEY_RUNS = "sk-runs-test-key";
    t.config.redteamKeys = [{ name: "AIMS_REDTEAM_KEY_RUNS", orgs: [owner.orgId], origins: [origin], keySet: true }];
  });
  afterAll(async () => {
    delete process.env.AIMS_REDTEAM_KEY_RUNS;
    await t.close();
    await new Promise((resolve) => model.close(resolve));
  });

  const base = () => `/api/v1/orgs/${owner.orgId}/redteam/scans`;
  const read = async (id: string) => (await t.call(owner.token, { method: "GET", url: `${base()}/${id}` })).json();

  it("runs in the background, then stores the results like an upload, with the report and transcript", async () => {
    const payload = {
      system: "support-bot",
      target: { type: "openai", url, model: "stub", apiKeyEnv: "AIMS_REDTEAM_KEY_RUNS" },
      seed: 7,
      concurrency: 8,
    };
    const started = await t.call(owner.token, { method: "POST", url: `${base()}/run`, payload });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json()).toMatchObject({ ref: "RT-1", status: "running", origin: "web", seed: 7, pack: null });
    const busy = await t.call(owner.token, { method: "POST", url: `${base()}/run`, payload });
    expect(busy.statusCode).toBe(409);

    const id = started.json().id as string;
    let scan = await read(id);
    for (let waited = 0; scan.status === "running" && waited < 50_000; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      scan = await read(id);
    }
    expect(scan, JSON.stringify(scan.problems)).toMatchObject({
      status: "completed",
      origin: "web",
      target: { kind: "openai", model: "stub" },
      evidence: { ref: "E-1" },
      progress: null,
    });
    expect(scan.totals.cases).toBeGreaterThan(0);
    expect([...authorizations]).toEqual(["Bearer sk-runs-test-key"]);
    expect(scan.transcriptSha256).toMatch(/^[0-9a-f]{64}$/);
    const report = await t.call(owner.token, { method: "GET", url: `${base()}/${id}/report` });
    expect(report.statusCode).toBe(200);
    expect(createHash("sha256").update(report.rawPayload).digest("hex")).toBe(scan.report.sha256);

    const audit = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/audit-trail?entityId=${id}&sort=seq`,
    });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual([
      "redteam_scan.started",
      "redteam_scan.recorded",
    ]);
  });
});
