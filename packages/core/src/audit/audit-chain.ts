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

/**
 * SHA-256 (hex) of the canonical JSON of an entry's content, which includes the previous hash.
 * The object has a fixed shape, so its keys are written in sorted order directly instead of going
 * through the general serialiser: this runs once per entry when millions are verified. It produces
 * exactly `canonicalJson(content)` (a test pins that).
 */
export function hashAuditEntry(entry: AuditEntryContent): string {
  const json =
    `{"action":${JSON.stringify(entry.action)}` +
    `,"actorId":${JSON.stringify(entry.actorId)}` +
    `,"actorLabel":${JSON.stringify(entry.actorLabel)}` +
    `,"actorType":${JSON.stringify(entry.actorType)}` +
    `,"at":${JSON.stringify(entry.at)}` +
    `,"changes":${canonicalJson(entry.changes)}` +
    `,"entityId":${JSON.stringify(entry.entityId)}` +
    `,"entityType":${JSON.stringify(entry.entityType)}` +
    `,"id":${JSON.stringify(entry.id)}` +
    `,"orgId":${JSON.stringify(entry.orgId)}` +
    `,"prevHash":${JSON.stringify(entry.prevHash)}` +
    `,"requestId":${JSON.stringify(entry.requestId)}` +
    `,"seq":${JSON.stringify(entry.seq)}}`;
  return createHash("sha256").update(json).digest("hex");
}

/** The content an entry's hash covers, as the general canonical serialiser writes it. */
export function auditEntryCanonicalContent(entry: AuditEntryContent): string {
  const {
    orgId,
    seq,
    id,
    at,
    actorType,
    actorId,
    actorLabel,
    action,
    entityType,
    entityId,
    changes,
    requestId,
    prevHash,
  } = entry;
  return canonicalJson({
    orgId,
    seq,
    id,
    at,
    actorType,
    actorId,
    actorLabel,
    action,
    entityType,
    entityId,
    changes,
    requestId,
    prevHash,
  });
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
