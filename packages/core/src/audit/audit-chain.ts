import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";

/** The first entry of every organisation's chain points at this value. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit entry that its hash covers: everything but the hash itself. */
export interface AuditEntryContent {
  orgId: string;
  seq: number;
  id: string;
  /** ISO-8601 timestamp with milliseconds, in UTC. */
  at: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
  requestId: string | null;
  prevHash: string;
}

export interface HashedAuditEntry extends AuditEntryContent {
  hash: string;
}

/** SHA-256 (hex) of the canonical JSON of an entry's content, which includes the previous hash. */
export function hashAuditEntry(entry: AuditEntryContent): string {
  const content = {
    orgId: entry.orgId,
    seq: entry.seq,
    id: entry.id,
    at: entry.at,
    actorType: entry.actorType,
    actorId: entry.actorId,
    actorLabel: entry.actorLabel,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changes: entry.changes,
    requestId: entry.requestId,
    prevHash: entry.prevHash,
  };
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

export interface ChainBreak {
  seq: number;
  id: string;
  reason: string;
}

/**
 * Checks a chain one entry at a time, so a caller can stream millions of entries through it.
 * Entries must arrive in sequence order for one organisation.
 */
export class AuditChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private orgId: string | null = null;
  checked = 0;
  firstBreak: ChainBreak | null = null;

  /** Returns false once the chain is broken; later entries are not examined. */
  push(entry: HashedAuditEntry): boolean {
    if (this.firstBreak) return false;
    const fail = (reason: string) => {
      this.firstBreak = { seq: entry.seq, id: entry.id, reason };
      return false;
    };
    this.orgId ??= entry.orgId;
    if (entry.orgId !== this.orgId) return fail(`belongs to organisation ${entry.orgId}, not ${this.orgId}`);
    if (entry.seq !== this.expectedSeq) {
      return fail(`sequence ${entry.seq} found where ${this.expectedSeq} was expected (entry missing or reordered)`);
    }
    if (entry.prevHash !== this.prevHash) return fail("previous-hash link does not match the entry before it");
    if (hashAuditEntry(entry) !== entry.hash) return fail("content does not match its hash (entry altered)");
    this.checked++;
    this.expectedSeq++;
    this.prevHash = entry.hash;
    return true;
  }

  get headSeq(): number {
    return this.expectedSeq - 1;
  }

  get headHash(): string {
    return this.prevHash;
  }
}
