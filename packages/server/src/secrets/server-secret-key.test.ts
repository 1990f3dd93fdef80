import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { installSecretKeyFile, loadServerSecretKey, SECRET_KEY_FILE } from "./server-secret-key.js";

const posix = process.platform !== "win32";
const freshDir = () => join(mkdtempSync(join(tmpdir(), "aims-key-")), "data");

describe("the server's secret key", () => {
  it("is generated on first start into an owner-only file, and read back on the next", () => {
    const dataDir = freshDir();
    const first = loadServerSecretKey({ secretKey: undefined, dataDir, databaseUrl: undefined });
    expect(first.source).toBe("generated key file");
    expect(first.key).toHaveLength(32);
    const path = join(dataDir, SECRET_KEY_FILE);
    expect(first.path).toBe(path);
    if (posix) expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual([SECRET_KEY_FILE]);
    const second = loadServerSecretKey({ secretKey: undefined, dataDir, databaseUrl: undefined });
    expect(second.source).toBe("key file");
    expect(second.key).toEqual(first.key);
  });

  it("never replaces a key file that is already there, and leaves no temporary file behind", () => {
    const dataDir = freshDir();
    const first = loadServerSecretKey({ secretKey: undefined, dataDir, databaseUrl: undefined });
    expect(installSecretKeyFile(dataDir, randomBytes(32))).toBe(false);
    expect(installSecretKeyFile(dataDir, first.key)).toBe(true);
    expect(loadServerSecretKey({ secretKey: undefined, dataDir, databaseUrl: undefined }).key).toEqual(first.key);
    expect(readdirSync(dataDir)).toEqual([SECRET_KEY_FILE]);
  });

  it("prefers AIMS_SECRET_KEY and then writes no file", () => {
    const dataDir = freshDir();
    const key = randomBytes(32);
    expect(loadServerSecretKey({ secretKey: key, dataDir, databaseUrl: "postgres://db/aims" })).toEqual({
      key,
      source: "AIMS_SECRET_KEY",
      path: null,
    });
    expect(() => statSync(dataDir)).toThrow();
  });

  it.runIf(posix)("refuses a key file that group or others may read, saying how to fix it", () => {
    const dataDir = freshDir();
    const { path } = loadServerSecretKey({ secretKey: undefined, dataDir, databaseUrl: undefined });
    chmodSync(path as string, 0o640);
    expect(() => loadServerSecretKey({ secretKey: undefined, dataDir, databaseUrl: undefined })).toThrow(
      `(mode 640); make it owner-only with: chmod 600 ${path}`,
    );
  });

  it("refuses a key file that does not hold a key, naming the file", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "aims-key-"));
    writeFileSync(join(dataDir, SECRET_KEY_FILE), "not a key\n", { mode: 0o600 });
    expect(() => loadServerSecretKey({ secretKey: undefined, dataDir, databaseUrl: undefined })).toThrow(
      `${join(dataDir, SECRET_KEY_FILE)} must be 32 random bytes`,
    );
  });

  it("with DATABASE_URL, uses an existing key file but never generates one", () => {
    const dataDir = freshDir();
    expect(() => loadServerSecretKey({ secretKey: undefined, dataDir, databaseUrl: "postgres://db/aims" })).toThrow(
      /^AIMS_SECRET_KEY must be set when DATABASE_URL is/,
    );
    const made = loadServerSecretKey({ secretKey: undefined, dataDir, databaseUrl: undefined });
    const shared = loadServerSecretKey({ secretKey: undefined, dataDir, databaseUrl: "postgres://db/aims" });
    expect(shared.key).toEqual(made.key);
  });
});
