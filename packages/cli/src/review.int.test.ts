import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reviewInputKeys } from "@openaims/contracts";
import { canonicalJson } from "@openaims/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RemoteTarget, startRemoteTarget } from "./testing/remote-target.js";
import { runCli } from "./testing/run-cli.js";

describe("aims review pack", () => {
  let remote: RemoteTarget;
  let dir: string;

  beforeAll(async () => {
    remote = await startRemoteTarget("Review Co");
    dir = await mkdtemp(join(tmpdir(), "aims-review-pack-"));
    const api = (path: string, body: object) =>
      fetch(`${remote.server.url}/api/v1/orgs/${remote.orgId}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${remote.writeToken}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then((res) => res.json());
    const system = await api("/systems", {
      name: "Support bot",
      slug: "support-bot",
      ourRole: "provider",
      impactTier: "medium",
      autonomy: "advisory",
    });
    await api("/incidents", { title: "Bot promised a refund", severity: "medium", systemIds: [system.id] });
  });
  afterAll(async () => {
    await remote?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const pack = (args: string[], env: Record<string, string> = {}) =>
    runCli(
      ["review", "pack", ...args],
      { AIMS_URL: remote.server.url, AIMS_TOKEN: remote.readToken, ...env },
      { cwd: dir },
    );

  it("writes the JSON as the API returns it, one top-level key per 9.3.2 input, with a read token", async () => {
    const result = await pack(["--out", "pack.json", "--format", "json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const text = await readFile(join(dir, "pack.json"), "utf8");
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(reviewInputKeys);
    expect(json.incidents.incidents.items.map((i: { title: string }) => i.title)).toEqual(["Bot promised a refund"]);
    const hash = createHash("sha256").update(canonicalJson(json)).digest("hex");
    expect(result.stdout).toContain(
      `Wrote the management review input pack (as of now, json, ${Buffer.byteLength(text)} bytes)`,
    );
    expect(result.stdout).toContain(`Content SHA-256: ${hash}`);
  });

  it("writes the PDF with the hash the server states, and reads the records as of a date", async () => {
    const result = await pack(["--out", "pack.pdf", "--format", "pdf", "--as-of", "2001-01-01"]);
    expect(result.code, result.stderr).toBe(0);
    const pdf = await readFile(join(dir, "pack.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(result.stdout).toMatch(/as of 2001-01-01, pdf, \d+ bytes\)[\s\S]*Content SHA-256: [0-9a-f]{64}/);
    const old = await pack(["--out", "old.json", "--format", "json", "--as-of", "2001-01-01T12:00:00Z"]);
    expect(old.code).toBe(0);
    const json = JSON.parse(await readFile(join(dir, "old.json"), "utf8"));
    expect(json.incidents.asOf).toBe("2001-01-01T12:00:00.000Z");
    expect(json.incidents.incidents.total).toBe(0);
  });

  it("exits 2 with a message for a date that is not one, a future instant or a missing option", async () => {
    const bad = await pack(["--out", "x.json", "--format", "json", "--as-of", "31/12/2026"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--as-of: '31/12/2026' is not a date. Give a date as YYYY-MM-DD");
    const impossible = await pack(["--out", "x.json", "--format", "json", "--as-of", "2026-02-30"]);
    expect(impossible.code).toBe(2);
    expect(impossible.stderr).toContain("is not a calendar date");
    const future = await pack(["--out", "x.json", "--format", "json", "--as-of", "2999-01-01T00:00:00Z"]);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain("must not be in the future");
    const noFormat = await pack(["--out", "x.json"]);
    expect(noFormat.code).toBe(2);
    const noUrl = await runCli(["review", "pack", "--out", "x.json", "--format", "json"], {
      AIMS_TOKEN: remote.readToken,
    });
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain("Set AIMS_URL");
  });
});
