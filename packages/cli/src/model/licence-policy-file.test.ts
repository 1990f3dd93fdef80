import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../cli-error.js";
import { readLicencePolicyFile } from "./licence-policy-file.js";

describe("readLicencePolicyFile", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "aims-licence-policy-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads YAML with defaults for the fields left out, and a saved GET /licence-policy answer", async () => {
    await writeFile(join(dir, "policy.yaml"), "allowed: [MIT]\nforbiddenFlags:\n  - non_commercial\n");
    expect(await readLicencePolicyFile("policy.yaml", dir)).toEqual({
      allowed: ["MIT"],
      review: [],
      forbidden: [],
      forbiddenFlags: ["non_commercial"],
      reviewFlags: [],
      otherwise: "review",
    });
    await writeFile(
      join(dir, "saved.json"),
      JSON.stringify({
        policy: {
          allowed: [],
          review: [],
          forbidden: ["GPL-*"],
          forbiddenFlags: [],
          reviewFlags: [],
          otherwise: "allowed",
        },
        version: 2,
      }),
    );
    expect((await readLicencePolicyFile("saved.json", dir)).forbidden).toEqual(["GPL-*"]);
  });

  it("names what is wrong as a usage error", async () => {
    await writeFile(join(dir, "bad.yaml"), "forbiddenFlags: [expensive]\n");
    const error = await readLicencePolicyFile("bad.yaml", dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toContain("forbiddenFlags.0");
    await expect(readLicencePolicyFile("missing.yaml", dir)).rejects.toThrow(/cannot read missing.yaml/);
  });
});
