import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createSecretBox,
  isSealed,
  keyIdOf,
  parseSecretKey,
  SecretUnreadableError,
  sealedKeyId,
} from "./secret-box.js";

const ORG_A = "7d3f7f0e-2a41-4b43-9f3e-0a3c1f0b6a11";
const ORG_B = "1c9b1a2e-9a55-4e0c-8f0a-3e7c2d4b5f22";

function reasonOf(open: () => string): string {
  try {
    open();
  } catch (error) {
    if (error instanceof SecretUnreadableError) return error.reason;
    throw error;
  }
  return "opened";
}

describe("sealed secrets", () => {
  const key = randomBytes(32);
  const box = createSecretBox(key);

  it("round-trips a secret, with a fresh nonce every time and nothing of the plain text in the sealed value", () => {
    const first = box.seal(ORG_A, "idp-client-secret-é");
    const second = box.seal(ORG_A, "idp-client-secret-é");
    expect(first).not.toBe(second);
    expect(first).toMatch(new RegExp(`^v1:${box.keyId}:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/=]+$`));
    expect(first).not.toContain("idp-client-secret");
    expect(isSealed(first)).toBe(true);
    expect(sealedKeyId(first)).toBe(box.keyId);
    expect(box.open(ORG_A, first)).toBe("idp-client-secret-é");
    expect(box.open(ORG_A, second)).toBe("idp-client-secret-é");
  });

  it("detects a changed ciphertext, nonce or tag", () => {
    const sealed = box.seal(ORG_A, "s3cret");
    const [version, keyId, nonce, body] = sealed.split(":") as [string, string, string, string];
    const flip = (b64: string, at: number) => {
      const bytes = Buffer.from(b64, "base64");
      bytes[at] = (bytes[at] ?? 0) ^ 1;
      return bytes.toString("base64");
    };
    expect(reasonOf(() => box.open(ORG_A, [version, keyId, nonce, flip(body, 0)].join(":")))).toBe("not_authentic");
    expect(reasonOf(() => box.open(ORG_A, [version, keyId, flip(nonce, 3), body].join(":")))).toBe("not_authentic");
    const lastByte = Buffer.from(body, "base64").length - 1;
    expect(reasonOf(() => box.open(ORG_A, [version, keyId, nonce, flip(body, lastByte)].join(":")))).toBe(
      "not_authentic",
    );
    expect(reasonOf(() => box.open(ORG_A, [version, keyId, nonce, "AAAA"].join(":")))).toBe("not_authentic");
  });

  it("does not open a value copied into another organisation's row", () => {
    expect(reasonOf(() => box.open(ORG_B, box.seal(ORG_A, "s3cret")))).toBe("not_authentic");
  });

  it("names the key a value was sealed with when this server holds another", () => {
    const sealed = box.seal(ORG_A, "s3cret");
    const other = createSecretBox(randomBytes(32));
    expect(reasonOf(() => other.open(ORG_A, sealed))).toBe("other_key");
    expect(() => other.open(ORG_A, sealed)).toThrow(`sealed with key ${box.keyId}`);
    // A forged key id does not help: the id is authenticated too.
    const relabelled = sealed.replace(`:${box.keyId}:`, `:${other.keyId}:`);
    expect(reasonOf(() => other.open(ORG_A, relabelled))).toBe("not_authentic");
  });

  it("refuses to open a plain-text value as if it were sealed", () => {
    expect(isSealed("plain-client-secret")).toBe(false);
    expect(reasonOf(() => box.open(ORG_A, "plain-client-secret"))).toBe("not_sealed");
  });
});

describe("parsing AIMS_SECRET_KEY", () => {
  const key = randomBytes(32);

  it("accepts 32 bytes as hex, base64 or base64url, with surrounding white space", () => {
    expect(parseSecretKey(key.toString("hex"), "AIMS_SECRET_KEY")).toEqual(key);
    expect(parseSecretKey(key.toString("hex").toUpperCase(), "AIMS_SECRET_KEY")).toEqual(key);
    expect(parseSecretKey(` ${key.toString("base64")}\n`, "AIMS_SECRET_KEY")).toEqual(key);
    expect(parseSecretKey(key.toString("base64url"), "AIMS_SECRET_KEY")).toEqual(key);
    expect(keyIdOf(key)).toMatch(/^[0-9a-f]{8}$/);
  });

  it("refuses anything else, naming the variable but not the value", () => {
    for (const bad of [
      "",
      "correct horse battery staple",
      randomBytes(16).toString("hex"),
      randomBytes(31).toString("base64"),
      randomBytes(33).toString("base64"),
      `${key.toString("hex")}00`,
    ]) {
      expect(() => parseSecretKey(bad, "AIMS_SECRET_KEY"), bad).toThrow(/^AIMS_SECRET_KEY must be 32 random bytes/);
      try {
        parseSecretKey(bad, "AIMS_SECRET_KEY");
      } catch (error) {
        if (bad) expect((error as Error).message).not.toContain(bad);
      }
    }
  });
});
