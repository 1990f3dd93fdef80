import { GENESIS_HASH, type HashedAuditEntry, hashAuditEntry } from "@openaims/core";
import { describe, expect, it } from "vitest";
import { verifyAuditLines } from "./verify-audit-lines.js";

const ORG_A = "11111111-1111-4111-8111-111111111111";
const ORG_B = "22222222-2222-4222-8222-222222222222";

function chain(orgId: string, length: number): HashedAuditEntry[] {
  const entries: HashedAuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const content = {
      orgId,
      seq,
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`,
      at: new Date(Date.UTC(2025, 0, 1, 0, 0, seq)).toISOString(),
      actorType: "system",
      actorId: null,
      actorLabel: "test",
      action: "thing.changed",
      entityType: "thing",
      entityId: String(seq),
      changes: { n: { before: seq - 1, after: seq } },
      requestId: null,
      prevHash,
    };
    prevHash = hashAuditEntry(content);
    entries.push({ ...content, hash: prevHash });
  }
  return entries;
}

async function* linesOf(entries: Array<HashedAuditEntry | string>) {
  for (const entry of entries) yield typeof entry === "string" ? entry : JSON.stringify(entry);
}

describe("verifyAuditLines", () => {
  it("accepts interleaved chains of several organisations", async () => {
    const a = chain(ORG_A, 3);
    const b = chain(ORG_B, 2);
    const result = await verifyAuditLines(linesOf([a[0], b[0], a[1], b[1], a[2]].filter((e) => e !== undefined)));
    expect(result).toMatchObject({ kind: "checked", lines: 5 });
    expect(
      result.kind === "checked" && result.organizations.map((o) => [o.orgId, o.entriesChecked, o.firstBroken]),
    ).toEqual([
      [ORG_A, 3, null],
      [ORG_B, 2, null],
    ]);
  });

  it("reports the first break of each organisation with its line", async () => {
    const a = chain(ORG_A, 4);
    const altered = a.map((e) => (e.seq === 3 ? { ...e, changes: { n: { before: 2, after: 99 } } } : e));
    const result = await verifyAuditLines(linesOf([...chain(ORG_B, 1), ...altered]));
    expect(result.kind === "checked" && result.organizations.find((o) => o.orgId === ORG_A)?.firstBroken).toEqual({
      seq: 3,
      id: a[2]?.id,
      line: 4,
      reason: "content does not match its hash (entry altered)",
    });
  });

  it("stops at a line that is not an entry", async () => {
    expect(await verifyAuditLines(linesOf([...chain(ORG_A, 1), "[]"]))).toEqual({
      kind: "malformed",
      line: 2,
      reason: "entry: Invalid input: expected object, received array",
    });
  });

  it("checks only the organisation asked for", async () => {
    const broken = chain(ORG_B, 2).reverse();
    const result = await verifyAuditLines(linesOf([...chain(ORG_A, 2), ...broken]), ORG_A);
    expect(result.kind === "checked" && result.organizations).toHaveLength(1);
  });
});
