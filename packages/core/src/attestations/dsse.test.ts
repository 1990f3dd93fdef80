import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IN_TOTO_PAYLOAD_TYPE, preAuthEncoding, signDsse, verifyDsse } from "./dsse.js";

const testdata = (name: string) => readFileSync(new URL(`./testdata/${name}`, import.meta.url), "utf8");

describe("DSSE envelopes", () => {
  it("encodes the type and payload before signing as the DSSE specification does", () => {
    expect(preAuthEncoding("http://example.com/HelloWorld", Buffer.from("hello world")).toString()).toBe(
      "DSSEv1 29 http://example.com/HelloWorld 11 hello world",
    );
    // Lengths count bytes, not characters.
    expect(preAuthEncoding("t", Buffer.from("é")).toString()).toBe("DSSEv1 1 t 2 é");
  });

  it("verifies what it signs, and nothing once a byte of the payload or signature changes", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const payload = Buffer.from(JSON.stringify({ _type: "https://in-toto.io/Statement/v1", subject: [] }));
    const envelope = signDsse(IN_TOTO_PAYLOAD_TYPE, payload, privateKey, "org-key-1");
    expect(verifyDsse(envelope, publicKey)).toMatchObject({ valid: true, keyid: "org-key-1", payload });

    const changedPayload = Buffer.from(payload);
    changedPayload[5] = (changedPayload[5] ?? 0) ^ 1;
    expect(verifyDsse({ ...envelope, payload: changedPayload.toString("base64") }, publicKey).valid).toBe(false);
    const sig = Buffer.from(envelope.signatures[0]?.sig ?? "", "base64");
    sig[0] = (sig[0] ?? 0) ^ 1;
    expect(verifyDsse({ ...envelope, signatures: [{ sig: sig.toString("base64") }] }, publicKey).valid).toBe(false);
    expect(verifyDsse({ ...envelope, payloadType: "application/json" }, publicKey).valid).toBe(false);
    // A 64-byte signature ends "x==": x carries 2 bits and 4 a lenient decoder drops. Changing one
    // of those still decodes to the same bytes, and must not verify.
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const text = envelope.signatures[0]?.sig ?? "";
    const at = text.length - 3;
    const loose = `${text.slice(0, at)}${alphabet[alphabet.indexOf(text[at] ?? "A") ^ 1]}${text.slice(at + 1)}`;
    expect(Buffer.from(loose, "base64")).toEqual(Buffer.from(text, "base64"));
    expect(verifyDsse({ ...envelope, signatures: [{ sig: loose }] }, publicKey).valid).toBe(false);
    expect(verifyDsse(envelope, generateKeyPairSync("ed25519").publicKey)).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/^no signature verifies/),
    });
  });

  it("verifies an envelope signed elsewhere (Python's cryptography package), in standard or URL-safe base64", () => {
    const envelope = JSON.parse(testdata("python-signed.dsse.json"));
    const publicKey = createPublicKey(testdata("python-signed.pub.pem"));
    const result = verifyDsse(envelope, publicKey);
    expect(result.valid).toBe(true);
    if (result.valid) expect(JSON.parse(result.payload.toString()).predicate.stage).toBe("deployment");
    const urlSafe = (text: string) => text.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    const reEncoded = {
      ...envelope,
      payload: urlSafe(envelope.payload),
      signatures: [{ sig: urlSafe(envelope.signatures[0].sig) }],
    };
    expect(verifyDsse(reEncoded, publicKey).valid).toBe(true);
  });

  it("says what is wrong with something that is not an envelope", () => {
    const { publicKey } = generateKeyPairSync("ed25519");
    expect(verifyDsse(null, publicKey)).toMatchObject({ valid: false, reason: expect.stringMatching(/^not a DSSE/) });
    expect(verifyDsse({ payloadType: "t", payload: "!!", signatures: [] }, publicKey)).toMatchObject({
      reason: "the payload is not base64",
    });
    expect(verifyDsse({ payloadType: "t", payload: "", signatures: [] }, publicKey)).toMatchObject({
      reason: "the envelope has no signature",
    });
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey;
    expect(verifyDsse({ payloadType: "t", payload: "", signatures: [{ sig: "" }] }, rsa)).toMatchObject({
      reason: "the key is not an Ed25519 key",
    });
  });
});
