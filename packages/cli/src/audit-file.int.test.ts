import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliTarget, createCliTarget, runCli } from "./testing/run-cli.js";

const PASSWORD = "correct horse battery staple";

describe("aims audit export and verify --file", () => {
  let target: CliTarget;
  let exportFile: string;
  let lines: string[];
  beforeAll(async () => {
    target = await createCliTarget();
    for (const [org, email] of [
      ["First", "first@example.com"],
      ["Second", "second@example.com"],
    ] as const) {
      expect((await target.cli(["init", "--org", org, "--email", email], { AIMS_INIT_PASSWORD: PASSWORD })).code).toBe(
        0,
      );
      expect((await target.cli(["token", "create", "--email", email, "--scope", "write"])).code).toBe(0);
    }
    exportFile = join(target.dataDir, "export.jsonl");
    const exported = await target.cli(["audit", "export", "--out", exportFile]);
    expect(exported.code).toBe(0);
    lines = (await readFile(exportFile, "utf8")).trimEnd().split("\n");
  });
  afterAll(() => target.dispose());

  /** Verifies a changed copy of the export. */
  async function verifyVariant(name: string, changed: string[]) {
    const file = join(target.dataDir, name);
    await writeFile(file, `${changed.join("\n")}\n`);
    return runCli(["audit", "verify", "--file", file]);
  }

  it("exports every organisation's chain in the server's format and verifies it offline", async () => {
    // Two organisations × (created, owner, risk method, Annex A controls, token)
    expect(lines).toHaveLength(10);
    const first = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(Object.keys(first)).toEqual([
      "orgId",
      "seq",
      "id",
      "at",
      "actorType",
      "actorId",
      "actorLabel",
      "action",
      "entityType",
      "entityId",
      "changes",
      "requestId",
      "prevHash",
      "hash",
    ]);
    const verified = await runCli(["audit", "verify", "--file", exportFile, "--json"]);
    expect(verified.stderr).toBe("");
    expect(verified.code).toBe(0);
    const result = JSON.parse(verified.stdout) as { ok: boolean; organizations: Array<{ entriesChecked: number }> };
    expect(result.ok).toBe(true);
    expect(result.organizations.map((o) => o.entriesChecked)).toEqual([5, 5]);
  });

  it("names the altered entry when a field was changed", async () => {
    const entry = JSON.parse(lines[1] ?? "{}") as { seq: number; actorLabel: string; orgId: string };
    expect(entry.seq).toBe(2);
    const tampered = [...lines];
    tampered[1] = JSON.stringify({ ...entry, actorLabel: "someone else" });
    const result = await verifyVariant("tampered.jsonl", tampered);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`organisation ${entry.orgId} is broken at seq 2 .*line 2: content does not match its hash`),
    );
  });

  it("names the gap when an entry was deleted", async () => {
    const result = await verifyVariant(
      "deleted.jsonl",
      lines.filter((_, i) => i !== 1),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken at seq 3 .*sequence 3 found where 2 was expected/);
  });

  it("names the line that is not an audit entry", async () => {
    const garbled = [...lines];
    garbled[3] = "{not json";
    const notJson = await verifyVariant("garbled.jsonl", garbled);
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/Line 4 of .* is not an audit entry \(not valid JSON\)/);
    garbled[3] = JSON.stringify({ seq: 1 });
    const incomplete = await verifyVariant("incomplete.jsonl", garbled);
    expect(incomplete.code).toBe(1);
    expect(incomplete.stderr).toMatch(/Line 4 .*orgId/);
  });

  it("verifies one organisation of a file, and reports a missing file as a usage error", async () => {
    const entry = JSON.parse(lines[5] ?? "{}") as { orgId: string };
    const tampered = [...lines];
    tampered[1] = tampered[1]?.replace('"seq":2', '"seq":9') ?? "";
    const result = await verifyVariant("other-org.jsonl", tampered);
    expect(result.code).toBe(1);
    const onlyOther = await runCli([
      "audit",
      "verify",
      "--file",
      join(target.dataDir, "other-org.jsonl"),
      "--org",
      entry.orgId,
      "--json",
    ]);
    expect(onlyOther.code).toBe(0);
    expect((await runCli(["audit", "verify", "--file", join(target.dataDir, "missing.jsonl")])).code).toBe(2);
  });
});
