import { createHash } from "node:crypto";
import { RELEASE_GATE_PREDICATE_TYPE } from "@openaims/contracts";

/** The in-toto Statement v1 type. */
export const IN_TOTO_STATEMENT_TYPE = "https://in-toto.io/Statement/v1";

/** What a release attestation states about one gate decision. */
export interface ReleaseGatePredicate {
  organization: { id: string; slug: string; name: string };
  system: { id: string; slug: string; name: string };
  decision: { id: string; ref: string; result: "passed" | "overridden" };
  stage: { from: string; to: string };
  checks: { kind: string; passed: boolean; requirement: string; finding: string }[];
  override: { ref: string; reason: string; requestedBy: string; approvedBy: string } | null;
  decidedAt: string;
  decidedBy: string;
}

export interface ReleaseStatement {
  _type: typeof IN_TOTO_STATEMENT_TYPE;
  subject: { name: string; digest: { sha256: string } }[];
  predicateType: typeof RELEASE_GATE_PREDICATE_TYPE;
  predicate: ReleaseGatePredicate;
}

/**
 * The in-toto statement of a passed (or overridden) gate decision: its subject is the AI system,
 * named by slug, with the SHA-256 of the decision's recorded snapshot as digest, so the statement
 * points at exactly the facts the decision saw.
 */
export function releaseStatement(snapshotSha256: string, predicate: ReleaseGatePredicate): ReleaseStatement {
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [{ name: predicate.system.slug, digest: { sha256: snapshotSha256 } }],
    predicateType: RELEASE_GATE_PREDICATE_TYPE,
    predicate,
  };
}

/** SHA-256 (hex) of a snapshot's JSON text, as recorded with a decision. */
export function snapshotDigest(snapshotJson: string): string {
  return createHash("sha256").update(snapshotJson, "utf8").digest("hex");
}
