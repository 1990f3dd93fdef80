import { type ManagementReviewDetail, type ReviewAction, reviewInputKeys } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSystem } from "../risks/test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { approveScope, membershipOf, ok } from "./review-test-fixtures.js";

describe("management reviews", () => {
  let t: TestServer;
  let owner: TestMember;
  let approver: TestMember;
  let other: TestMember;
  let ownerMember: string;
  let systemId: string;
  let first: ManagementReviewDetail;
  let action: ReviewAction;

  const url = (path: string, member = owner) => `/api/v1/orgs/${member.orgId}/management-reviews${path}`;
  const call = (method: "GET" | "POST" | "PATCH" | "PUT", path: string, payload?: object, member = owner) =>
    t.call(member.token, { method, url: url(path, member), payload });
  const review = (method: "GET" | "POST" | "PATCH" | "PUT", path: string, payload?: object) =>
    ok<ManagementReviewDetail>(t, owner, method, `/management-reviews${path}`, payload);
  const fieldsOf = (body: { error: { details: { fields: { field: string }[] } } }) =>
    body.error.details.fields.map((f) => f.field);

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Review Org");
    approver = await t.addMember(owner.orgId, "compliance_manager");
    other = await t.addOrg("Other Review Org");
    ownerMember = await membershipOf(t, owner);
    systemId = await addSystem(t, owner.orgId, { name: "Credit scorer" });
    await approveScope(t, owner, approver, {
      systemIds: [systemId],
      externalIssues: [{ title: "EU AI Act obligations", detail: "" }],
      interestedParties: [{ name: "Customers", needs: "Fair answers", addressedThroughAims: true, howAddressed: "" }],
    });
  });
  afterAll(() => t.close());

  it("schedules a review (MR-1) with chair and attendees, and refuses bad input naming the fields", async () => {
    const bad = await call("POST", "", { title: " ", scheduledFor: "next week", chairMemberId: "nope" });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toEqual(["body.title", "body.scheduledFor", "body.chairMemberId"]);
    const stranger = await call("POST", "", {
      title: "Q1 review",
      scheduledFor: "2026-03-31",
      chairMemberId: await membershipOf(t, other).catch(() => "00000000-0000-4000-8000-000000000000"),
    });
    expect(stranger.statusCode).toBe(400);
    expect(fieldsOf(stranger.json())).toEqual(["body.chairMemberId"]);

    first = await review("POST", "", {
      title: "Q1 management review",
      scheduledFor: "2026-03-31",
      chairMemberId: ownerMember,
      attendees: ["Test owner", "Chief risk officer"],
    });
    expect(first).toMatchObject({
      ref: "MR-1",
      status: "planned",
      chair: { memberId: ownerMember, name: "Test owner" },
      attendees: ["Test owner", "Chief risk officer"],
      pack: null,
      missingDecisions: reviewInputKeys,
      allowedTransitions: ["in_progress", "cancelled"],
    });
    expect(first.closeBlockers[0]).toBe("Start the review first.");
    const list = await ok<{ items: { ref: string; decisions: number }[] }>(t, owner, "GET", "/management-reviews");
    expect(list.items).toEqual([expect.objectContaining({ ref: "MR-1", decisions: 0 })]);
  });

  it("refuses a skipped step with 409 naming the allowed ones", async () => {
    const skipped = await call("POST", `/${first.id}/transitions`, { to: "closed", version: first.version });
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error).toMatchObject({
      code: "illegal_transition",
      details: { allowed: ["in_progress", "cancelled"] },
    });
    const stale = await call("POST", `/${first.id}/transitions`, { to: "in_progress", version: first.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("version_conflict");
  });

  it("starts, compiles and freezes the pack, and refuses to close without a decision on every input", async () => {
    first = await review("POST", `/${first.id}/transitions`, { to: "in_progress", version: first.version });
    expect(first.status).toBe("in_progress");
    const badAsOf = await call("POST", `/${first.id}/pack`, { version: first.version, asOf: "yesterday" });
    expect(badAsOf.statusCode).toBe(400);
    expect(fieldsOf(badAsOf.json())).toEqual(["body.asOf"]);

    const noPack = await call("POST", `/${first.id}/transitions`, { to: "closed", version: first.version });
    expect(noPack.statusCode).toBe(409);
    expect(noPack.json().error.details).toMatchObject({ packCompiled: false });

    first = await review("POST", `/${first.id}/pack`, { version: first.version });
    expect(first.pack && Object.keys(first.pack)).toEqual(reviewInputKeys);
    expect(first.packAsOf).not.toBeNull();
    expect(first.pack?.interestedParties.items.map((p) => p.name)).toEqual(["Customers"]);

    const refused = await call("POST", `/${first.id}/transitions`, { to: "closed", version: first.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("conflict");
    expect(refused.json().error.details.missingInputs).toEqual(reviewInputKeys);
    expect(refused.json().error.message).toContain("previousActions, externalInternalIssues");
  });

  it("records decisions and actions, then closes; the refusal names only the inputs still missing", async () => {
    const unknown = await call("PUT", `/${first.id}/decisions/weather`, { decision: "Sunny" });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown.json())).toEqual(["params.inputKey"]);
    const empty = await call("PUT", `/${first.id}/decisions/risks`, { decision: "  " });
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty.json())).toEqual(["body.decision"]);

    for (const key of reviewInputKeys.filter((k) => k !== "risks"))
      first = await review("PUT", `/${first.id}/decisions/${key}`, { decision: `Noted ${key}; no change needed.` });
    const one = await call("POST", `/${first.id}/transitions`, { to: "closed", version: first.version });
    expect(one.statusCode).toBe(409);
    expect(one.json().error.details.missingInputs).toEqual(["risks"]);

    first = await review("PUT", `/${first.id}/decisions/risks`, { decision: "Treat the critical risks first." });
    first = await review("PUT", `/${first.id}/decisions/risks`, { decision: "Treat the two critical risks first." });
    expect(first.decisionsByInput.find((d) => d.inputKey === "risks")).toMatchObject({
      decision: "Treat the two critical risks first.",
      decidedBy: { name: "Test owner" },
    });
    expect(first.missingDecisions).toEqual([]);

    const noTitle = await call("POST", `/${first.id}/actions`, { title: "", dueDate: "31/12/2026" });
    expect(fieldsOf(noTitle.json())).toEqual(["body.title", "body.dueDate"]);
    action = await ok<ReviewAction>(t, owner, "POST", `/management-reviews/${first.id}/actions`, {
      title: "Train the support team on escalation",
      description: "Half-day session",
      inputKey: "competence",
      ownerMemberId: ownerMember,
      dueDate: "2020-06-30",
    });
    expect(action).toMatchObject({ ref: "RA-1", status: "open", overdue: true, owner: { name: "Test owner" } });

    first = await review("PATCH", `/${first.id}`, { version: first.version, minutes: "Quorum present." });
    first = await review("POST", `/${first.id}/transitions`, { to: "closed", version: first.version });
    expect(first).toMatchObject({ status: "closed", closeBlockers: [], allowedTransitions: [] });
    expect(first.heldOn).toBe(new Date().toISOString().slice(0, 10));

    const audit = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("org_id", "=", owner.orgId)
      .where("entity_id", "=", first.id)
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        "management_review.scheduled",
        "management_review.started",
        "management_review.pack_compiled",
        "management_review.decision_recorded",
        "management_review.updated",
        "management_review.closed",
      ]),
    );
  });

  it("keeps a closed review as it was, but lets its actions move on", async () => {
    const edit = await call("PATCH", `/${first.id}`, { version: first.version, minutes: "Rewritten" });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toMatch(/MR-1 is closed/);
    const decision = await call("PUT", `/${first.id}/decisions/risks`, { decision: "Changed" });
    expect(decision.statusCode).toBe(409);
    const added = await call("POST", `/${first.id}/actions`, { title: "Late action" });
    expect(added.statusCode).toBe(409);
    const reopen = await call("POST", `/${first.id}/transitions`, { to: "in_progress", version: first.version });
    expect(reopen.json().error).toMatchObject({ code: "illegal_transition", details: { allowed: [] } });

    action = await ok<ReviewAction>(t, owner, "PATCH", `/management-reviews/${first.id}/actions/${action.id}`, {
      version: action.version,
      status: "in_progress",
    });
    expect(action.status).toBe("in_progress");
    const backwards = await call("PATCH", `/${first.id}/actions/${action.id}`, {
      version: action.version,
      status: "done",
    });
    expect(backwards.statusCode).toBe(200);
    const final = await call("PATCH", `/${first.id}/actions/${action.id}`, {
      version: action.version + 1,
      status: "open",
    });
    expect(final.json().error).toMatchObject({ code: "illegal_transition", details: { allowed: [] } });
    await t.db
      .updateTable("review_actions")
      .set({ status: "in_progress", done_at: null })
      .where("id", "=", action.id)
      .execute();
  });

  it("tracks the first review's actions into the second review's pack, and the scope changes since", async () => {
    await approveScope(t, owner, approver, {
      systemIds: [systemId],
      externalIssues: [{ title: "EU AI Act obligations", detail: "High-risk rules apply from 2026" }],
      interestedParties: [
        { name: "Customers", needs: "Fair answers", addressedThroughAims: true, howAddressed: "" },
        { name: "Regulators", needs: "Evidence of oversight", addressedThroughAims: true, howAddressed: "" },
      ],
    });
    let second = await review("POST", "", { title: "Q2 management review", scheduledFor: "2026-06-30" });
    expect(second.ref).toBe("MR-2");
    second = await review("POST", `/${second.id}/pack`, { version: second.version });
    const pack = second.pack;
    expect(pack?.previousActions.previousReview).toMatchObject({ ref: "MR-1" });
    expect(pack?.previousActions.since).toBe(first.packAsOf);
    expect(pack?.previousActions.actions.items).toEqual([
      expect.objectContaining({
        ref: "RA-1",
        review: { id: first.id, ref: "MR-1" },
        status: "in_progress",
        overdue: true,
        owner: { memberId: ownerMember, name: "Test owner" },
        dueDate: "2020-06-30",
      }),
    ]);
    expect(pack?.previousActions.overdue).toBe(1);
    expect(pack?.interestedParties.compared).toBe(true);
    expect(pack?.interestedParties.added.map((p) => p.name)).toEqual(["Regulators"]);
    expect(pack?.externalInternalIssues.external.changed).toEqual([
      expect.objectContaining({
        title: "EU AI Act obligations",
        after: expect.objectContaining({ detail: "High-risk rules apply from 2026" }),
      }),
    ]);
    // The first review's own pack does not list its own actions as earlier ones.
    expect(first.pack?.previousActions.actions.total).toBe(0);
  });

  it("cancels a review, after which nothing changes", async () => {
    let third = await review("POST", "", { title: "Extra review", scheduledFor: "2026-07-15" });
    third = await review("POST", `/${third.id}/transitions`, { to: "cancelled", version: third.version });
    expect(third.status).toBe("cancelled");
    const compile = await call("POST", `/${third.id}/pack`, { version: third.version });
    expect(compile.statusCode).toBe(409);
    const cancelled = await ok<{ items: { ref: string }[] }>(t, owner, "GET", "/management-reviews?status=cancelled");
    expect(cancelled.items.map((r) => r.ref)).toEqual(["MR-3"]);
  });

  it("answers 404 for another organisation's reviews and actions", async () => {
    const foreign = await call("GET", `/${first.id}`, undefined, other);
    expect(foreign.statusCode).toBe(404);
    const theirs = await ok<ManagementReviewDetail>(t, other, "POST", "/management-reviews", {
      title: "Their review",
      scheduledFor: "2026-03-31",
    });
    const crossed = await call("PATCH", `/${theirs.id}/actions/${action.id}`, { version: 1, status: "done" });
    expect(crossed.statusCode).toBe(404);
    const wrongReview = await call("PATCH", `/${theirs.id}`, { version: 1, title: "Mine now" });
    expect(wrongReview.statusCode).toBe(404);
    const pdf = await call("GET", `/${first.id}/minutes.pdf`, undefined, other);
    expect(pdf.statusCode).toBe(404);
  });

  it("refuses writes to a viewer and lets an auditor read", async () => {
    const viewer = await t.addMember(owner.orgId, "viewer");
    const write = await call("POST", "", { title: "Viewer review", scheduledFor: "2026-03-31" }, viewer);
    expect(write.statusCode).toBe(403);
    const auditor = await t.addMember(owner.orgId, "auditor");
    const read = await call("GET", `/${first.id}`, undefined, auditor);
    expect(read.statusCode).toBe(200);
  });
});
