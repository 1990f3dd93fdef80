import type { Routes } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handlers } from "../handlers.js";
import type { TwoStepHandler } from "../http/handler-context.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { scanModelFile } from "./scan-model-file.js";

/** A safetensors file of one zero-filled F32 tensor, `bytes` long after its header. */
function zeroSafetensors(bytes: number): Buffer {
  const header = JSON.stringify({ weight: { dtype: "F32", shape: [bytes / 4], data_offsets: [0, bytes] } });
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(header.length));
  return Buffer.concat([length, Buffer.from(header), Buffer.alloc(bytes)]);
}

/**
 * The server-side scan of an uploaded file runs before the request's transaction opens. The real scan
 * handler is wrapped so its step before the transaction waits on a gate the test opens: while the scan
 * request is held there, a read and a write of other requests must be answered. Were that step inside the
 * transaction, the embedded database (one connection) would hold the write until the scan ended, and the
 * test would time out instead of passing.
 */
describe("a server-side model scan holds no transaction while it scans", () => {
  let t: TestServer;
  let owner: TestMember;
  let assetId: string;
  let openGate: () => void = () => {};
  let scanHeld: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    scanHeld = resolve;
  });

  beforeAll(async () => {
    const real = scanModelFile as TwoStepHandler<Routes["scanModelFile"]>;
    const gated = ((ctx) => real(ctx)) as TwoStepHandler<Routes["scanModelFile"]>;
    gated.beforeTransaction = async (ctx) => {
      const gate = new Promise<void>((resolve) => {
        openGate = resolve;
      });
      scanHeld();
      await gate;
      await real.beforeTransaction(ctx);
    };
    t = await startTestServer({}, { ...handlers, scanModelFile: gated });
    owner = await t.addOrg("Long scans");
    const asset = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/assets`,
      payload: { name: "big-model", kind: "model" },
    });
    assetId = asset.json().id;
  });
  afterAll(() => t.close());

  it("answers other requests while a 50 MB file waits to be scanned, then records the scan", async () => {
    const file = zeroSafetensors(50 * 1024 * 1024);
    const scan = t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/model-scans/file?asset=${assetId}&fileName=model.safetensors`,
      headers: { "content-type": "application/octet-stream" },
      payload: file,
    });
    await held;
    const read = await t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/assets/${assetId}` });
    expect(read.statusCode).toBe(200);
    const write = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/evidence`,
      payload: { kind: "record", title: "Written during the scan", body: "ok", assetIds: [assetId] },
    });
    expect(write.statusCode, write.body).toBe(201);
    openGate();

    const res = await scan;
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ origin: "server", verdict: "clean", filesScanned: 1 });
    const listed = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/evidence?assetId=${assetId}`,
    });
    const titles = listed.json().items.map((item: { title: string }) => item.title);
    expect(titles).toHaveLength(2);
    expect(titles).toContain("Written during the scan");
    // A scan held inside the transaction would block the write above: fail in seconds, not at the default timeout.
  }, 20_000);
});
