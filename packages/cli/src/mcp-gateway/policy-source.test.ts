import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gatewayLog } from "./gateway-log.js";
import { PolicySource } from "./policy-source.js";

describe("a policy read from a file", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0)) await step();
  });

  async function watchedPolicy(text: string) {
    const dir = await mkdtemp(join(tmpdir(), "aims-policy-source-"));
    const path = join(dir, "policy.yaml");
    await writeFile(path, text);
    const lines: string[] = [];
    const source = new PolicySource(
      { kind: "file", path },
      dir,
      null,
      gatewayLog((line) => lines.push(line), true),
      60_000,
      20,
    );
    let changes = 0;
    source.onChange = () => {
      changes++;
    };
    await source.start();
    changes = 0; // counted from here: the first load is a change too
    cleanup.push(async () => {
      source.stop();
      await rm(dir, { recursive: true, force: true });
    });
    return { dir, path, source, lines, changes: () => changes };
  }
  /** Saves as editors do, a new file renamed over the old, so no half-written file is ever seen. */
  const save = async (path: string, text: string) => {
    await writeFile(`${path}.tmp`, text);
    await rename(`${path}.tmp`, path);
  };
  const toolsOf = (source: PolicySource) => (source.state.ok ? [...source.state.policy.tools.keys()].sort() : []);

  it("reads the file again when it changes: a broken edit denies everything until it is mended", async () => {
    const { path, source, lines, changes } = await watchedPolicy("default: deny\ntools:\n  lookup_order: allow\n");
    expect(toolsOf(source)).toEqual(["lookup_order"]);

    await save(path, "default: deny\ntools:\n  lookup_order: allow\n  send_email: allow\n");
    await expect.poll(() => toolsOf(source), { timeout: 5000, interval: 20 }).toEqual(["lookup_order", "send_email"]);
    expect(changes()).toBe(1);

    await save(path, "default: deny\ntools:\n  issue_refund: { arguments: { amount: { maximum: lots } } }\n");
    await expect.poll(() => source.state.ok, { timeout: 5000, interval: 20 }).toBe(false);
    expect(source.state).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^policy file policy\.yaml: tools\.issue_refund\.arguments\.amount/),
    });
    expect(changes()).toBe(2);
    expect(lines.at(-1)).toContain("every call will be denied");

    await save(path, "default: deny\ntools:\n  issue_refund: { arguments: { amount: { maximum: 100 } } }\n");
    await expect.poll(() => toolsOf(source), { timeout: 5000, interval: 20 }).toEqual(["issue_refund"]);
    expect(changes()).toBe(3);
  });

  it("sees a file replaced by a new one, as editors save, and a file removed", async () => {
    const { dir, path, source } = await watchedPolicy("default: deny\ntools:\n  lookup_order: allow\n");
    const next = join(dir, "policy.yaml.tmp");
    await writeFile(next, "default: deny\ntools:\n  fetch_url: allow\n");
    await rename(next, path);
    await expect.poll(() => toolsOf(source), { timeout: 5000, interval: 20 }).toEqual(["fetch_url"]);
    await rm(path);
    await expect
      .poll(() => source.state, { timeout: 5000, interval: 20 })
      .toEqual({
        ok: false,
        reason: "policy file policy.yaml cannot be read",
      });
  });
});
