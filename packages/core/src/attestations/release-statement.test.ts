import { generateKeyPairSync } from "node:crypto";
import { RELEASE_GATE_PREDICATE_TYPE } from "@openaims/contracts";
import { describe, expect, it } from "vitest";
import { IN_TOTO_PAYLOAD_TYPE, signDsse, verifyDsse } from "./dsse.js";
import { releaseStatement, snapshotDigest } from "./release-statement.js";

const predicate = {
  organization: { id: "o1", slug: "acme", name: "Acme" },
  system: { id: "s1", slug: "support-chatbot", name: "Support chatbot" },
  decision: { id: "d1", ref: "GD-1", result: "passed" as const },
  stage: { from: "validation", to: "deployment" },
  checks: [{ kind: "impact_assessment_current", passed: true, requirement: "r", finding: "f" }],
  override: null,
  decidedAt: "2026-12-07T10:00:00.000Z",
  decidedBy: "Ada <ada@example.com>",
};

describe("release statement", () => {
  it("names the system by slug with the snapshot's digest, and carries the decision", () => {
    const digest = snapshotDigest('{"passed":true}');
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshotDigest('{"passed":false}')).not.toBe(digest);
    const statement = releaseStatement(digest, predicate);
    expect(statement).toEqual({
      _type: "https://in-toto.io/Statement/v1",
      subject: [{ name: "support-chatbot", digest: { sha256: digest } }],
      predicateType: RELEASE_GATE_PREDICATE_TYPE,
      predicate,
    });
  });

  it("signs into an envelope that verifies, and fails once the statement is altered", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const payload = Buffer.from(JSON.stringify(releaseStatement("a".repeat(64), predicate)));
    const envelope = signDsse(IN_TOTO_PAYLOAD_TYPE, payload, privateKey, "k1");
    expect(verifyDsse(envelope, publicKey).valid).toBe(true);
    const altered = Buffer.from(payload.toString().replace("deployment", "operation"));
    expect(verifyDsse({ ...envelope, payload: altered.toString("base64") }, publicKey).valid).toBe(false);
  });
});
