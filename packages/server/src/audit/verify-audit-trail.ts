import type { AuditVerifyResult } from "@openaims/contracts";
import { AuditChainVerifier } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { readAuditEntries } from "./read-audit-entries.js";

/**
 * Recomputes an organisation's chain from the database and checks it ends at the recorded head,
 * so truncating the newest entries is caught as well as editing any of them.
 */
export async function verifyAuditTrail(db: Kysely<Database>, orgId: string): Promise<AuditVerifyResult> {
  const verifier = new AuditChainVerifier();
  for await (const batch of readAuditEntries(db, orgId)) {
    for (const entry of batch) if (!verifier.push(entry)) break;
    if (verifier.firstBreak) break;
  }
  let firstBroken = verifier.firstBreak;
  if (!firstBroken) {
    const head = await db
      .selectFrom("audit_heads")
      .select(["seq", "hash"])
      .where("org_id", "=", orgId)
      .executeTakeFirst();
    if (head && (head.seq !== verifier.headSeq || head.hash !== verifier.headHash)) {
      firstBroken = {
        seq: verifier.headSeq + 1,
        id: "",
        reason: `the chain head records entry ${head.seq} but the entries end at ${verifier.headSeq} (entries removed)`,
      };
    }
  }
  return {
    ok: firstBroken === null,
    entriesChecked: verifier.checked,
    headSeq: verifier.headSeq,
    headHash: verifier.headHash,
    firstBroken,
  };
}
