import { type AuditedRecord, type AuditTeamRole, type IndependenceWarning, labelOf } from "@openaims/contracts";

/** A member of an audit team. */
export interface AuditTeamMember {
  memberId: string;
  name: string;
  teamRole: AuditTeamRole;
}

/** A record the audit looks at, with the member who owns it or is assigned it. */
export interface AttributedRecord extends AuditedRecord {
  memberId: string;
}

function describe(record: AuditedRecord): string {
  const kind = labelOf("auditedRecordKind", record.kind);
  // Actions carry their parent's reference (R-3, NC-2); their title tells them apart.
  const name =
    record.kind === "treatment_action" || record.kind === "corrective_action"
      ? `"${record.title}" of ${record.ref}`
      : record.ref === record.title
        ? record.ref
        : `${record.ref} (${record.title})`;
  // "Control" reads "control" mid-sentence; "AI system" keeps its capitals.
  const lower = /^.[A-Z]/.test(kind) ? kind : kind.charAt(0).toLowerCase() + kind.slice(1);
  return `${lower} ${name}`;
}

function phrase(records: readonly AuditedRecord[], relation: AuditedRecord["relation"]): string | null {
  const mine = records.filter((record) => record.relation === relation);
  if (mine.length === 0) return null;
  const listed = mine.slice(0, 5).map(describe).join(", ");
  const more = mine.length > 5 ? ` and ${mine.length - 5} more` : "";
  return `${relation === "owner" ? "owns" : "is assigned"} ${listed}${more}`;
}

/**
 * Auditors who would audit their own area (clause 9.2.2 asks for objectivity and impartiality): for each
 * team member who owns, or is assigned, records the audit looks at, a warning naming them and the
 * records. The lead comes first, then auditors in team order. A warning, never a refusal: a small
 * organisation may have no one else, and the audit can say how impartiality was kept.
 */
export function findIndependenceWarnings(
  team: readonly AuditTeamMember[],
  records: readonly AttributedRecord[],
): IndependenceWarning[] {
  const ordered = [...team].sort((a, b) => Number(b.teamRole === "lead") - Number(a.teamRole === "lead"));
  const seen = new Set<string>();
  const warnings: IndependenceWarning[] = [];
  for (const member of ordered) {
    if (seen.has(member.memberId)) continue;
    seen.add(member.memberId);
    const theirs = records
      .filter((record) => record.memberId === member.memberId)
      .map(({ memberId: _, ...record }) => record);
    const unique = theirs.filter(
      (record, index) =>
        theirs.findIndex(
          (other) => other.kind === record.kind && other.id === record.id && other.relation === record.relation,
        ) === index,
    );
    if (unique.length === 0) continue;
    const role = member.teamRole === "lead" ? "lead auditor" : "auditor";
    const ties = [phrase(unique, "owner"), phrase(unique, "assignee")].filter(Boolean).join(" and ");
    warnings.push({
      auditor: { memberId: member.memberId, name: member.name },
      teamRole: member.teamRole,
      records: unique,
      message: `${member.name} (${role}) ${ties} in this audit's scope, and so would audit their own work. Give those checklist items to another auditor, or record how impartiality is kept.`,
    });
  }
  return warnings;
}
