import { randomUUID } from "node:crypto";
import type { Database } from "@openaims/db";
import { type Kysely, sql } from "kysely";

/** The day the seeded records are judged on; dates below are relative to it. */
export const SEED_TODAY = "2026-06-15";

/** Who the seeded work belongs to: alice owns nearly everything, bob submits, carol owns a control. */
export interface SeedMembers {
  alice: string;
  aliceUser: string;
  bob: string;
  carol: string;
}

const seededKeys = [
  "nonconformity",
  "correctiveAction",
  "risk",
  "treatmentAction",
  "review",
  "otherReview",
  "reviewAction",
  "evidence",
  "controlEvidence",
  "control",
  "document",
  "policy",
  "policyVersion",
  "reviewedDocument",
  "reviewedVersion",
  "system",
  "change",
  "audit",
  "objective",
  "training",
] as const;

/** Ids of the records seeded, by what they are. */
export type SeededRecords = Record<(typeof seededKeys)[number], string>;

const id = () => randomUUID();
const ref = (prefix: string) => `${prefix}-${randomUUID().slice(0, 6)}`;

/**
 * One record of every kind that makes work for a member, written as the owning modules store them,
 * with dates around SEED_TODAY; plus near misses that must not show (done, answered, renewed,
 * acknowledged, evidence supporting someone else's control).
 */
export async function seedEveryKind(db: Kysely<Database>, orgId: string, m: SeedMembers): Promise<SeededRecords> {
  const r = Object.fromEntries(seededKeys.map((key) => [key, randomUUID()])) as SeededRecords;
  const run = (query: ReturnType<typeof sql>) => query.execute(db);

  // A nonconformity with one open corrective action of alice's, overdue, and one done.
  await run(sql`insert into nonconformities (id, org_id, ref, title, source, severity, status, raised_by_member_id)
    values (${r.nonconformity}, ${orgId}, ${ref("NC")}, 'Reviews skipped', 'manual', 'minor', 'action_planned', ${m.bob})`);
  await run(sql`insert into corrective_actions (id, org_id, nonconformity_id, title, owner_member_id, due_date, status)
    values (${r.correctiveAction}, ${orgId}, ${r.nonconformity}, 'Retrain reviewers', ${m.alice}, '2026-06-01', 'open'),
           (${id()}, ${orgId}, ${r.nonconformity}, 'Done already', ${m.alice}, '2026-06-01', 'done')`);

  // A risk of alice's past its review date, with an open treatment action due this week.
  await run(sql`insert into risks (id, org_id, ref, title, status, owner_member_id, review_date)
    values (${r.risk}, ${orgId}, ${ref("R")}, 'Prompt injection', 'treating', ${m.alice}, '2026-06-14')`);
  await run(sql`insert into risk_treatment_actions (id, org_id, risk_id, title, owner_member_id, due_date, status)
    values (${r.treatmentAction}, ${orgId}, ${r.risk}, 'Add an input filter', ${m.alice}, '2026-06-20', 'in_progress')`);

  // A review chaired by alice, and another (chaired by bob) with an action of alice's, overdue.
  await run(sql`insert into management_reviews (id, org_id, ref, title, scheduled_for, status, chair_member_id)
    values (${r.review}, ${orgId}, ${ref("MR")}, 'Mid-year review', '2026-06-20', 'planned', ${m.alice}),
           (${r.otherReview}, ${orgId}, ${ref("MR")}, 'Last review', '2026-01-20', 'closed', ${m.bob})`);
  await run(sql`insert into review_actions (id, org_id, ref, review_id, title, owner_member_id, due_date, status)
    values (${r.reviewAction}, ${orgId}, ${ref("MRA")}, ${r.otherReview}, 'Budget for monitoring', ${m.alice}, '2026-06-01', 'open')`);

  // Evidence alice added, expiring within 30 days; evidence supporting carol's control; evidence valid for long.
  await run(sql`insert into evidence (id, org_id, ref, title, kind, source, collected_at, valid_until, validity_basis, created_by_member_id)
    values (${r.evidence}, ${orgId}, ${ref("E")}, 'Pen test letter', 'link', 'upload', now(), '2026-06-25T12:00:00Z', 'explicit', ${m.alice}),
           (${r.controlEvidence}, ${orgId}, ${ref("E")}, 'Access review', 'link', 'upload', now(), '2026-06-10T12:00:00Z', 'explicit', ${m.alice}),
           (${id()}, ${orgId}, ${ref("E")}, 'Valid for long', 'link', 'upload', now(), '2027-06-25T12:00:00Z', 'explicit', ${m.alice})`);
  await run(sql`insert into controls (id, org_id, ref, title, kind, position, owner_member_id)
    values (${r.control}, ${orgId}, ${ref("C")}, 'Access reviews', 'custom', 999, ${m.carol})`);
  await run(sql`insert into evidence_links (id, org_id, evidence_id, target_type, target_id)
    values (${id()}, ${orgId}, ${r.controlEvidence}, 'control', ${r.control})`);

  // An approved procedure of alice's past its review date; an AI policy in force alice has not acknowledged.
  await run(sql`insert into documents (id, org_id, ref, title, kind, status, owner_member_id, next_review_date)
    values (${r.document}, ${orgId}, ${ref("DOC")}, 'Model release procedure', 'procedure', 'approved', ${m.alice}, '2026-06-10')`);
  await run(sql`insert into documents (id, org_id, ref, title, kind, status)
    values (${r.policy}, ${orgId}, ${ref("DOC")}, 'AI policy', 'ai_policy', 'approved')`);
  await run(sql`insert into document_versions (id, org_id, document_id, number, status, body, body_sha256, approver_member_ids)
    values (${r.policyVersion}, ${orgId}, ${r.policy}, 1, 'approved', 'Use AI with care.', ${"0".repeat(64)}, '[]')`);
  await run(sql`update documents set approved_version_id = ${r.policyVersion} where id = ${r.policy}`);
  await run(sql`insert into policy_acknowledgements (id, org_id, member_id, document_id, document_version_id)
    values (${id()}, ${orgId}, ${m.bob}, ${r.policy}, ${r.policyVersion})`);

  // A version bob submitted for review, naming no approvers: alice may approve it, bob may not.
  await run(sql`insert into documents (id, org_id, ref, title, kind, status, owner_member_id)
    values (${r.reviewedDocument}, ${orgId}, ${ref("DOC")}, 'Data policy', 'policy', 'in_review', ${m.bob})`);
  await run(sql`insert into document_versions (id, org_id, document_id, number, status, body, body_sha256, approver_member_ids,
      created_by_member_id, submitted_by_member_id, submitted_at)
    values (${r.reviewedVersion}, ${orgId}, ${r.reviewedDocument}, 2, 'in_review', 'Draft', ${"0".repeat(64)}, '[]', ${m.bob}, ${m.bob}, now())`);

  // A high-impact system of alice's in validation, never assessed, due for review; its gate into
  // deployment failed, so it waits for the compliance manager's and the owner's sign-off.
  await run(sql`insert into ai_systems (id, org_id, slug, name, our_role, lifecycle_stage, impact_tier, autonomy, owner_member_id, review_date)
    values (${r.system}, ${orgId}, ${`support-bot-${r.system.slice(0, 4)}`}, 'Support bot', 'provider', 'validation', 'high', 'advisory', ${m.alice}, '2026-06-30')`);
  await run(sql`insert into gate_decisions (id, org_id, ref, system_id, from_stage, to_stage, result, snapshot, snapshot_sha256, decided_by_label)
    values (${id()}, ${orgId}, ${ref("GD")}, ${r.system}, 'validation', 'deployment', 'failed', '{}', ${"0".repeat(64)}, 'Bob')`);
  // A change alice requested: bob may approve it, alice may not.
  await run(sql`insert into system_changes (id, org_id, ref, system_id, kind, summary, material, suggested_material, status, requested_by_member_id)
    values (${r.change}, ${orgId}, ${ref("CH")}, ${r.system}, 'other', 'New model version', false, false, 'requested', ${m.alice})`);

  // An audit in progress with two unanswered items for alice and one she answered.
  await run(sql`insert into internal_audits (id, org_id, ref, title, planned_start, planned_end, status)
    values (${r.audit}, ${orgId}, ${ref("AUD")}, 'Annex A sample', '2026-06-01', '2026-06-30', 'in_progress')`);
  await run(sql`insert into audit_checklist_items (id, org_id, audit_id, position, requirement_kind, requirement_id, title,
      procedure, pass_criterion, assignee_member_id, result)
    values (${id()}, ${orgId}, ${r.audit}, 1, 'annex_a', 'A.2.2', 'AI policy', 'Read it', 'Approved', ${m.alice}, null),
           (${id()}, ${orgId}, ${r.audit}, 2, 'annex_a', 'A.2.3', 'Alignment', 'Read it', 'Aligned', ${m.alice}, null),
           (${id()}, ${orgId}, ${r.audit}, 3, 'annex_a', 'A.2.4', 'Review', 'Read it', 'Reviewed', ${m.alice}, 'conforming')`);

  // An objective of alice's due at the end of the year.
  await run(sql`insert into objectives (id, org_id, ref, title, measure_kind, target, direction, owner_member_id, due_date, status)
    values (${r.objective}, ${orgId}, ${ref("OBJ")}, 'Halve override rate', 'manual', 5, 'decrease', ${m.alice}, '2026-12-31', 'active')`);

  // Training of alice's expiring in two weeks; another course expired but renewed.
  await run(sql`insert into training_records (id, org_id, member_id, course, completed_on, expires_on)
    values (${r.training}, ${orgId}, ${m.alice}, 'AI literacy', '2025-07-01', '2026-07-01'),
           (${id()}, ${orgId}, ${m.alice}, 'Secure prompting', '2024-05-01', '2025-05-01'),
           (${id()}, ${orgId}, ${m.alice}, 'secure prompting', '2026-05-01', '2027-05-01')`);
  return r;
}
