import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AuditChainVerifier,
  auditEntryCanonicalContent,
  GENESIS_HASH,
  type HashedAuditEntry,
  hashAuditEntry,
} from "./audit-chain.js";

function chain(n: number): HashedAuditEntry[] {
  const out: HashedAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = {
      orgId: "org-1",
      seq,
      id: `id-${seq}`,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actorType: "user",
      actorId: "u1",
      actorLabel: "Ada",
      action: "member.updated",
      entityType: "member",
      entityId: "m1",
      changes: { role: { before: "viewer", after: "admin" } },
      requestId: `req-${seq}`,
      prevHash: prev,
    };
    const hash = hashAuditEntry(content);
    out.push({ ...content, hash });
    prev = hash;
  }
  return out;
}

function verify(entries: HashedAuditEntry[]) {
  const v = new AuditChainVerifier();
  for (const e of entries) v.push(e);
  return v;
}

describe("audit chain", () => {
  it("accepts an intact chain and reports its head", () => {
    const entries = chain(5);
    const v = verify(entries);
    expect(v.firstBreak).toBeNull();
    expect(v.checked).toBe(5);
    expect(v.headHash).toBe(entries[4]?.hash);
  });

  it("names the first altered entry", () => {
    const entries = chain(5);
    (entries[2] as HashedAuditEntry).changes = { role: { before: "viewer", after: "owner" } };
    expect(verify(entries).firstBreak).toMatchObject({ seq: 3, reason: expect.stringContaining("altered") });
  });

  it("names a removed entry", () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verify(entries).firstBreak).toMatchObject({ seq: 3, reason: expect.stringContaining("missing") });
  });

  it("detects a rehashed entry whose successor still points at the original", () => {
    const entries = chain(4);
    const e = entries[1] as HashedAuditEntry;
    e.actorLabel = "Mallory";
    e.hash = hashAuditEntry(e);
    expect(verify(entries).firstBreak).toMatchObject({ seq: 3, reason: expect.stringContaining("previous-hash") });
  });

  it("hashes independently of key order in changes", () => {
    const [a] = chain(1) as [HashedAuditEntry];
    const reordered = { ...a, changes: JSON.parse('{"role":{"after":"admin","before":"viewer"}}') };
    expect(hashAuditEntry(reordered)).toBe(a.hash);
  });

  it("hashes exactly the canonical JSON of the content, for any content", () => {
    const text = fc.oneof(fc.string(), fc.constant('\u2028"\\'), fc.string({ unit: "grapheme" }));
    fc.assert(
      fc.property(
        fc.record({
          orgId: fc.uuid(),
          seq: fc.nat(),
          id: fc.uuid(),
          at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          actorType: text,
          actorId: fc.option(text),
          actorLabel: text,
          action: text,
          entityType: text,
          entityId: fc.option(text),
          changes: fc.dictionary(text, fc.record({ before: fc.jsonValue(), after: fc.jsonValue() })),
          requestId: fc.option(text),
          prevHash: fc.stringMatching(/^[0-9a-f]{64}$/),
        }),
        (content) => {
          const expected = createHash("sha256").update(auditEntryCanonicalContent(content)).digest("hex");
          expect(hashAuditEntry(content)).toBe(expected);
        },
      ),
    );
  });
});
