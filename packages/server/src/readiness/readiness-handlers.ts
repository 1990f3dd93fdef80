import type { Routes } from "@openaims/contracts";
import {
  annexAAreas,
  catalogueVersion,
  certificationPath,
  clauseGuidance,
  clauses,
  computeReadiness,
} from "@openaims/core";
import type { Handler } from "../http/handler-context.js";
import { loadReadinessFacts } from "./load-readiness-facts.js";
import { auditHeadSeq, recordReadinessSnapshot } from "./readiness-snapshots.js";

/** The catalogue readiness is computed against: every clause with the document it expects, and the Annex A areas. */
export const readinessCatalogue = {
  clauses: clauses.map((clause) => ({
    id: clause.id,
    title: clause.title,
    expectedDocumentKind: clauseGuidance[clause.id]?.expectedDocumentKind,
  })),
  areas: annexAAreas,
};

export const getReadiness: Handler<Routes["getReadiness"]> = async ({ tx, org }) => {
  const now = new Date();
  // Read before the facts, so a change landing in between makes the home dashboard compute again.
  const auditSeq = await auditHeadSeq(tx, org.orgId);
  const facts = await loadReadinessFacts(tx, org.orgId, now);
  const { gaps, ...readiness } = computeReadiness(facts, readinessCatalogue);
  // Today's score for the trend on the home dashboard.
  await recordReadinessSnapshot(tx, org.orgId, { now, auditSeq, readiness });
  return {
    generatedAt: now.toISOString(),
    catalogueVersion,
    ...readiness,
    gaps: gaps.map(({ group, ...gap }) => ({ ...gap, actionKey: group.key })),
  };
};

export const getCertificationPath: Handler<Routes["getCertificationPath"]> = async ({ tx, org }) => {
  const now = new Date();
  const facts = await loadReadinessFacts(tx, org.orgId, now);
  return { generatedAt: now.toISOString(), ...certificationPath(facts) };
};
