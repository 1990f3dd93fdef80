import { AuditChainVerifier, type HashedAuditEntry } from "@openaims/core";
import type { Database } from "@openaims/db";
import { readAuditEntries, verifyAuditTrail } from "@openaims/server";
import type { Kysely } from "kysely";

const HASH_SAMPLE = 200_000;

export interface VerifyMeasurement {
  entries: number;
  seconds: number;
  entriesPerSecond: number;
  /** Where the time goes: reading the rows alone … */
  readOnlyPerSecond: number;
  /** … and recomputing the hashes alone, in memory, over a sample. */
  hashOnlyPerSecond: number;
}

/** Times `verifyAuditTrail` (what `aims audit verify` runs) over one organisation's whole chain. */
export async function measureVerify(db: Kysely<Database>, orgId: string): Promise<VerifyMeasurement> {
  let started = performance.now();
  const result = await verifyAuditTrail(db, orgId);
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(`the seeded chain does not verify: ${JSON.stringify(result.firstBroken)}`);

  const sample: HashedAuditEntry[] = [];
  let read = 0;
  started = performance.now();
  for await (const batch of readAuditEntries(db, orgId)) {
    read += batch.length;
    for (const entry of batch) if (sample.length < HASH_SAMPLE) sample.push(entry);
  }
  const readSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const verifier = new AuditChainVerifier();
  for (const entry of sample) verifier.push(entry);
  const hashSeconds = (performance.now() - started) / 1000;

  return {
    entries: result.entriesChecked,
    seconds: round(seconds),
    entriesPerSecond: Math.round(result.entriesChecked / seconds),
    readOnlyPerSecond: Math.round(read / readSeconds),
    hashOnlyPerSecond: Math.round(sample.length / hashSeconds),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
