import { randomUUID } from "node:crypto";
import type { ScopeContent } from "@openaims/contracts";
import type { TestMember, TestServer } from "../testing/test-server.js";

type Method = "GET" | "POST" | "PATCH" | "PUT";

/** Calls an organisation route as `member`, failing the test with the answer when it is not 2xx. */
export async function ok<T = Record<string, unknown>>(
  t: TestServer,
  member: TestMember,
  method: Method,
  path: string,
  payload?: object,
): Promise<T> {
  const res = await t.call(member.token, { method, url: `/api/v1/orgs/${member.orgId}${path}`, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${path}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** The membership id of a test member. */
export async function membershipOf(t: TestServer, member: TestMember): Promise<string> {
  const row = await t.db
    .selectFrom("memberships")
    .select("id")
    .where("org_id", "=", member.orgId)
    .where("user_id", "=", member.userId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Approves a version of the AIMS scope with this content through the document workflow: the owner
 * writes and submits, `approver` approves (segregation of duties keeps the writer from approving).
 */
export async function approveScope(
  t: TestServer,
  owner: TestMember,
  approver: TestMember,
  content: Partial<ScopeContent>,
): Promise<void> {
  const body = { statement: "The AIMS covers our AI products.", ...content };
  const existing = await ok<{ document: { id: string; version: number } } | null>(t, owner, "GET", "/scope");
  let documentId: string;
  let draft: { id: string; version: number };
  if (!existing) {
    const created = await ok<{ document: { id: string }; workingVersion: { id: string; version: number } }>(
      t,
      owner,
      "POST",
      "/scope",
      { content: body },
    );
    documentId = created.document.id;
    draft = created.workingVersion;
  } else {
    documentId = existing.document.id;
    const started = await ok<{ id: string; version: number }>(t, owner, "POST", `/documents/${documentId}/versions`, {
      version: existing.document.version,
    });
    const edited = await ok<{ workingVersion: { id: string; version: number } }>(
      t,
      owner,
      "PATCH",
      `/scope/versions/${started.id}`,
      { content: body, version: started.version },
    );
    draft = edited.workingVersion;
  }
  await ok(t, owner, "POST", `/documents/${documentId}/versions/${draft.id}/submit`, { version: draft.version });
  await ok(t, approver, "POST", `/documents/${documentId}/versions/${draft.id}/approve`, {
    version: draft.version + 1,
  });
}

/** An AI objective measured by hand, with one reading, as the objectives module stores them. */
export async function givenObjective(t: TestServer, orgId: string, title: string, reading: number): Promise<string> {
  const id = randomUUID();
  await t.db
    .insertInto("objectives")
    .values({
      id,
      org_id: orgId,
      ref: `OBJ-${id.slice(0, 4)}`,
      title,
      measure_kind: "manual",
      measure: "Share of answers reviewed by a person",
      unit: "%",
      baseline: 10,
      target: 90,
      direction: "increase",
      due_date: "2099-12-31",
    })
    .execute();
  await t.db
    .insertInto("objective_progress")
    .values({
      id: randomUUID(),
      org_id: orgId,
      objective_id: id,
      recorded_at: new Date(),
      value: reading,
      source: "manual",
    })
    .execute();
  return id;
}

/** A course every member of a role must take, and a completed training record for one member. */
export async function givenTraining(t: TestServer, orgId: string, role: string, memberId: string, course: string) {
  await t.db
    .insertInto("competence_requirements")
    .values({
      id: randomUUID(),
      org_id: orgId,
      applies_to_kind: "role",
      applies_to: role,
      competence: `Knows ${course}`,
      course,
      renewal_months: 12,
    })
    .execute();
  await t.db
    .insertInto("training_records")
    .values({
      id: randomUUID(),
      org_id: orgId,
      member_id: memberId,
      course,
      completed_on: new Date().toISOString().slice(0, 10),
    })
    .execute();
}

/**
 * A closed internal audit with a checklist answered as `results` (one item each), as the internal
 * audit module stores them; a major nonconformity result has its nonconformity raised.
 */
export async function givenClosedAudit(t: TestServer, orgId: string, ref: string, results: readonly (string | null)[]) {
  const auditId = randomUUID();
  const now = new Date();
  await t.db
    .insertInto("internal_audits")
    .values({
      id: auditId,
      org_id: orgId,
      ref,
      title: `Audit ${ref}`,
      scope_clauses: "[]",
      scope_controls: "[]",
      scope_system_ids: "[]",
      scope_processes: "[]",
      criteria: "ISO/IEC 42001 Annex A",
      planned_start: "2026-01-05",
      planned_end: "2026-01-09",
      status: "closed",
      conclusion: "Conforms, with one major finding",
      started_at: now,
      closed_at: now,
    })
    .execute();
  for (const [position, result] of results.entries()) {
    let nonconformityId: string | null = null;
    if (result === "major_nc") {
      nonconformityId = randomUUID();
      await t.db
        .insertInto("nonconformities")
        .values({
          id: nonconformityId,
          org_id: orgId,
          ref: `NC-${ref}`,
          title: "Audit finding",
          description: "",
          source: "audit",
          source_id: null,
          system_id: null,
          severity: "major",
          redteam_severity: null,
          status: "open",
          raised_by_member_id: null,
          root_cause_method: null,
          closed_at: null,
        })
        .execute();
    }
    await t.db
      .insertInto("audit_checklist_items")
      .values({
        id: randomUUID(),
        org_id: orgId,
        audit_id: auditId,
        position,
        requirement_kind: "annex_a",
        requirement_id: `A.${position + 2}.2`,
        title: `Control ${position}`,
        procedure: "Inspect the records",
        pass_criterion: "The records exist",
        result,
        notes: result === "opportunity" ? "Automate the evidence export" : "",
        samples: "",
        answered_at: result ? now : null,
        nonconformity_id: nonconformityId,
      })
      .execute();
  }
  return auditId;
}
