import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compareManifestNames, hashModel, ModelHashError, manifestRootDigest } from "./model-manifest.js";
import { sha256FileRange } from "./stream-hash.js";

const sha = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "aims-hash-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(path: string, content: string | Buffer) {
  await mkdir(join(dir, path, ".."), { recursive: true });
  await writeFile(join(dir, path), content);
}

describe("hashModel", () => {
  it("lists every nested file with its SHA-256, relative POSIX names in path-component order", async () => {
    await put("config.json", "{}");
    await put("weights/a-b.bin", "x");
    await put("weights/a/b.bin", "yy");
    await put("weights/Z.bin", "");
    const manifest = await hashModel(dir);
    expect(manifest.items.map((item) => item.name)).toEqual([
      "config.json",
      "weights/Z.bin",
      // "a" < "a-b" component by component, although "a-b.bin" < "a/b.bin" as plain strings.
      "weights/a/b.bin",
      "weights/a-b.bin",
    ]);
    expect(manifest.items.find((item) => item.name === "weights/a/b.bin")).toEqual({
      name: "weights/a/b.bin",
      sha256: sha("yy"),
      size: 2,
    });
    expect(manifest.rootDigest).toBe(manifestRootDigest(manifest.items.map((item) => item.sha256)));
    expect(manifest.serialization).toEqual({
      method: "files",
      hash_type: "sha256",
      allow_symlinks: false,
      ignore_paths: [".git", ".gitattributes", ".github", ".gitignore"],
    });
  });

  it("names a single-file model '.' as the reference tool does", async () => {
    await put("model.safetensors", "abc");
    const manifest = await hashModel(join(dir, "model.safetensors"));
    expect(manifest.items).toEqual([{ name: ".", sha256: sha("abc"), size: 3 }]);
    expect(manifest.modelName).toBe("model.safetensors");
  });

  it("leaves out git paths by default, and given paths (a folder leaves out everything below it)", async () => {
    await put(".git/HEAD", "ref");
    await put(".gitattributes", "*.bin lfs");
    await put("model.sig", "{}");
    await put("logs/run1/a.txt", "a");
    await put("logs-keep.txt", "k");
    await put("model.bin", "m");
    const manifest = await hashModel(dir, { ignorePaths: ["model.sig", join(dir, "logs")] });
    expect(manifest.items.map((item) => item.name)).toEqual(["logs-keep.txt", "model.bin"]);
    expect(manifest.serialization.ignore_paths).toContain("logs");
    const withGit = await hashModel(dir, { ignoreGitPaths: false });
    expect(withGit.items.map((item) => item.name)).toContain(".git/HEAD");
  });

  it("refuses a symbolic link, naming it, unless symlinks are allowed", async () => {
    await put("real.bin", "r");
    await symlink(join(dir, "real.bin"), join(dir, "link.bin"));
    await expect(hashModel(dir)).rejects.toThrow(ModelHashError);
    await expect(hashModel(dir)).rejects.toThrow(/'link\.bin' is a symbolic link/);
    const allowed = await hashModel(dir, { allowSymlinks: true });
    expect(allowed.items).toEqual([
      { name: "link.bin", sha256: sha("r"), size: 1 },
      { name: "real.bin", sha256: sha("r"), size: 1 },
    ]);
    expect(allowed.serialization.allow_symlinks).toBe(true);
  });

  it("reports a missing model path", async () => {
    await expect(hashModel(join(dir, "nope"))).rejects.toThrow(/Cannot read .*nope.*ENOENT/);
  });

  it("hashes shards as path:start:end, the last shard ending at the file's size, an empty file as 0:0", async () => {
    const bytes = Buffer.from("0123456789");
    await put("a.bin", bytes);
    await put("empty.bin", "");
    const manifest = await hashModel(dir, { shardSize: 4 });
    expect(manifest.items).toEqual([
      { name: "a.bin:0:4", sha256: sha(bytes.subarray(0, 4)), size: 4 },
      { name: "a.bin:4:8", sha256: sha(bytes.subarray(4, 8)), size: 4 },
      { name: "a.bin:8:10", sha256: sha(bytes.subarray(8, 10)), size: 2 },
      { name: "empty.bin:0:0", sha256: sha(""), size: 0 },
    ]);
    expect(manifest.serialization.shard_size).toBe(4);
  });

  it("gives the same digests whatever the concurrency", async () => {
    for (let i = 0; i < 30; i++) await put(`f/${i}.bin`, `content ${i}`);
    const one = await hashModel(dir, { concurrency: 1 });
    const many = await hashModel(dir, { concurrency: 8 });
    expect(many).toEqual(one);
  });
});

describe("sha256FileRange", () => {
  it("matches a one-shot digest across chunk boundaries and for ranges", async () => {
    const bytes = Buffer.alloc(1000, 0);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
    await put("big.bin", bytes);
    const whole = await sha256FileRange(join(dir, "big.bin"), undefined, 64);
    expect(whole).toEqual({ sha256: sha(bytes), size: 1000 });
    const range = await sha256FileRange(join(dir, "big.bin"), { start: 100, end: 333 }, 50);
    expect(range).toEqual({ sha256: sha(bytes.subarray(100, 333)), size: 233 });
  });
});

describe("compareManifestNames", () => {
  it("orders shards of one file by offset", () => {
    expect(["a:10:20", "a:0:10", "a/b:0:1"].sort(compareManifestNames)).toEqual(["a:0:10", "a:10:20", "a/b:0:1"]);
  });
});
