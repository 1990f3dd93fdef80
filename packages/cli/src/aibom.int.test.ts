import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RemoteTarget, startRemoteTarget } from "./testing/remote-target.js";
import { runCli } from "./testing/run-cli.js";

describe("aims aibom", () => {
  let remote: RemoteTarget;
  let dir: string;

  const env = (token = remote.writeToken) => ({ AIMS_URL: remote.server.url, AIMS_TOKEN: token });
  async function api(path: string, body: unknown) {
    const response = await fetch(`${remote.server.url}/api/v1/orgs/${remote.orgId}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${remote.writeToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; slug: string };
  }

  beforeAll(async () => {
    remote = await startRemoteTarget("BOM Co");
    dir = await mkdtemp(join(tmpdir(), "aims-aibom-"));
    const system = await api("/systems", {
      name: "Support bot",
      slug: "support-bot",
      ourRole: "deployer",
      impactTier: "low",
      autonomy: "advisory",
    });
    const model = await api("/assets", {
      name: "Support model",
      kind: "model",
      licenceExpression: "Apache-2.0",
      modelCard: { modelParameters: { task: "question answering" } },
    });
    await api(`/systems/${system.id}/asset-links`, { assetId: model.id });
  });
  afterAll(async () => {
    await remote?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("exports a system's BOM, which validates offline; a broken one fails naming the path", async () => {
    const out = join(dir, "bom.cdx.json");
    const exported = await runCli(["aibom", "export", "--system", "support-bot", "--out", out], env(remote.readToken));
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toBe(`Wrote ${out}: 1 components and 0 services (CycloneDX 1.6).\n`);
    const valid = await runCli(["aibom", "validate", out], {});
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stdout).toBe(`${out} is a valid CycloneDX 1.6 BOM.\n`);

    const bom = JSON.parse(await readFile(out, "utf8"));
    bom.components[0].type = "robot";
    bom.metadata.timestamp = "yesterday";
    const broken = join(dir, "broken.cdx.json");
    await writeFile(broken, JSON.stringify(bom));
    const invalid = await runCli(["aibom", "validate", broken], {});
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("$.components[0].type: must be equal to one of the allowed values");
    expect(invalid.stderr).toContain('$.metadata.timestamp: must match format "date-time"');
  });

  it("imports with a dry run that changes nothing, and refuses usage errors with 2", async () => {
    const out = join(dir, "all.cdx.json");
    expect((await runCli(["aibom", "export", "--all", "--out", out], env())).code).toBe(0);
    const dry = await runCli(["aibom", "import", out, "--dry-run"], env());
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toBe(
      "Would create 0, update 0, left 1 unchanged, 0 new system links, 0 components skipped. Nothing was changed (dry run).\n",
    );
    const both = await runCli(["aibom", "export", "--all", "--system", "support-bot", "--out", out], env());
    expect(both.code).toBe(2);
    const missing = await runCli(["aibom", "validate", join(dir, "nope.json")], {});
    expect(missing.code).toBe(2);
  });
});
