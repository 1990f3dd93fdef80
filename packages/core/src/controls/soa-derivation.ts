import { createHash } from "node:crypto";
import {
  type EffectiveStatus,
  type EvidenceState,
  effectiveStatuses,
  type ImplementationStatus,
  type SoaIssue,
  type SoaRow,
  type SoaSummary,
} from "@openaims/contracts";
import { canonicalJson } from "../audit/canonical-json.js";
import { effectiveStatus } from "./effective-status.js";

/** What the SoA derivation needs to know about one live control record. */
export interface SoaControlInput {
  ref: string;
  title: string;
  kind: "annex_a" | "custom";
  areaId: string | null;
  applicable: boolean | null;
  justification: string | null;
  overrideReason: string | null;
  implementationStatus: ImplementationStatus;
  ownerName: string | null;
  /** Risks linked to the control; `open` = not closed and not archived. */
  risks: readonly { ref: string; open: boolean }[];
  evidenceState: EvidenceState;
  evidenceRefs: readonly string[];
}

/** A ref order people expect: "A.10.2" after "A.9.4", "C-10" after "C-9". */
export function compareRefs(a: string, b: string): number {
  return refCollator.compare(a, b);
}

// One collator for every comparison: `localeCompare` with options builds a new one per call.
const refCollator = new Intl.Collator("en", { numeric: true });

/** One SoA row from one control record. */
export function soaRowOf(control: SoaControlInput): SoaRow {
  return {
    ref: control.ref,
    title: control.title,
    kind: control.kind,
    areaId: control.areaId,
    applicable: control.applicable,
    justification: control.justification,
    implementationStatus: control.implementationStatus,
    effectiveStatus: effectiveStatus(control.applicable, control.implementationStatus, control.evidenceState),
    evidenceState: control.evidenceState,
    owner: control.ownerName,
    riskRefs: control.risks.map((risk) => risk.ref).sort(compareRefs),
    evidenceRefs: [...control.evidenceRefs].sort(compareRefs),
    overrideReason: control.overrideReason,
  };
}

/** What stands in the way of approving the SoA, one entry per problem, in row order. */
export function soaIssuesOf(controls: readonly SoaControlInput[]): SoaIssue[] {
  const issues: SoaIssue[] = [];
  for (const control of controls) {
    const justified = (control.justification ?? "").trim() !== "";
    if (control.applicable === null) {
      issues.push({ kind: "undecided", ref: control.ref, message: `${control.ref}: decide whether it applies.` });
    } else if (!justified) {
      issues.push({
        kind: "missing_justification",
        ref: control.ref,
        message: `${control.ref}: give a justification for ${control.applicable ? "including" : "excluding"} it.`,
      });
    }
    const openRisks = control.risks.filter((risk) => risk.open).map((risk) => risk.ref);
    if (control.applicable === false && openRisks.length > 0 && !(control.overrideReason ?? "").trim()) {
      issues.push({
        kind: "excluded_treats_open_risk",
        ref: control.ref,
        message: `${control.ref}: marked not applicable but treats open risk${openRisks.length > 1 ? "s" : ""} ${openRisks.sort(compareRefs).join(", ")}; include it or record an override reason.`,
      });
    }
  }
  return issues;
}

/** Counts for the SoA header. */
export function soaSummaryOf(rows: readonly SoaRow[]): SoaSummary {
  const byEffectiveStatus = Object.fromEntries(effectiveStatuses.map((status) => [status, 0])) as Record<
    EffectiveStatus,
    number
  >;
  let applicable = 0;
  let notApplicable = 0;
  for (const row of rows) {
    if (row.applicable === true) {
      applicable++;
      byEffectiveStatus[row.effectiveStatus]++;
    }
    if (row.applicable === false) notApplicable++;
  }
  return {
    total: rows.length,
    applicable,
    notApplicable,
    undecided: rows.length - applicable - notApplicable,
    byEffectiveStatus,
  };
}

/** SHA-256 (hex) of the canonical JSON of the rows: what an approver reviews and a version freezes. */
export function soaContentHash(rows: readonly SoaRow[]): string {
  return createHash("sha256").update(canonicalJson(rows), "utf8").digest("hex");
}

/**
 * The Statement of Applicability derived from the live control records, in the order given:
 * one row per control, the consistency issues that block approval, counts, and the content hash.
 */
export function deriveSoa(controls: readonly SoaControlInput[]): {
  rows: SoaRow[];
  issues: SoaIssue[];
  summary: SoaSummary;
  contentHash: string;
} {
  const rows = controls.map(soaRowOf);
  return { rows, issues: soaIssuesOf(controls), summary: soaSummaryOf(rows), contentHash: soaContentHash(rows) };
}
