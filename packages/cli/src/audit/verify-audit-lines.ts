import { AuditChainVerifier, type ChainBreak, type HashedAuditEntry } from "@openaims/core";
import { z } from "zod";

/** One line of an audit-trail export, as the server's export route and `aims audit export` write it. */
const exportedEntrySchema = z.object({
  orgId: z.string(),
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  requestId: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

export interface OrgChainResult {
  orgId: string;
  entriesChecked: number;
  headSeq: number;
  headHash: string;
  /** The first entry that does not fit the chain, with the line it was read from. */
  firstBroken: (ChainBreak & { line: number }) | null;
}

export type ExportCheck =
  | { kind: "checked"; lines: number; organizations: OrgChainResult[] }
  | { kind: "malformed"; line: number; reason: string };

/**
 * Verifies an export line by line, one chain per organisation, so files of millions of entries
 * stream through in constant memory. An export carries no chain head, so entries cut off the end
 * are found only by comparing the head with the server's (`aims audit verify` without --file).
 */
export async function verifyAuditLines(lines: AsyncIterable<string>, onlyOrgId?: string): Promise<ExportCheck> {
  const chains = new Map<string, { verifier: AuditChainVerifier; brokenAt: number | null }>();
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === "") continue;
    const parsed = parseLine(line);
    if (typeof parsed === "string") return { kind: "malformed", line: lineNumber, reason: parsed };
    if (onlyOrgId !== undefined && parsed.orgId !== onlyOrgId) continue;
    let chain = chains.get(parsed.orgId);
    if (!chain) {
      chain = { verifier: new AuditChainVerifier(), brokenAt: null };
      chains.set(parsed.orgId, chain);
    }
    if (chain.brokenAt === null && !chain.verifier.push(parsed)) chain.brokenAt = lineNumber;
  }
  const organizations = [...chains].map(([orgId, { verifier, brokenAt }]) => ({
    orgId,
    entriesChecked: verifier.checked,
    headSeq: verifier.headSeq,
    headHash: verifier.headHash,
    firstBroken: verifier.firstBreak && brokenAt !== null ? { ...verifier.firstBreak, line: brokenAt } : null,
  }));
  return { kind: "checked", lines: lineNumber, organizations };
}

function parseLine(line: string): HashedAuditEntry | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return "not valid JSON";
  }
  const result = exportedEntrySchema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  return `${issue?.path.join(".") || "entry"}: ${issue?.message ?? "invalid"}`;
}
