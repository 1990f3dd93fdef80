import type { RiskDetail } from "@openaims/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { auditOf, dayFromToday, membershipId } from "./test-fixtures.js";

describe("risk treatment and acceptance", () => {
  let t: TestServer;
  let owner: TestMember;
  let manager: TestMember;
  let contributor: TestMember;
  let other: TestMember;
  const risks = () => `/api/v1/orgs/${owner.orgId}/risks`;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Treatment");
    manager = await t.addMember(owner.orgId, "compliance_manager");
    contributor = await t.addMember(owner.orgId, "contributor");
    other = await t.addOrg("Other");
  });
  afterAll(() => t.close());

  async function addRisk(payload: Record<string, unknown>): Promise<RiskDetail> {
    const res = await t.call(owner.token, { method: "POST", url: risks(), payload: { title: "A risk", ...payload } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  describe("treatment actions", () => {
    it("adds, progresses and completes an action with version checks and audit entries", async () => {
      const risk = await addRisk({ inherentLikelihood: 4, inherentImpact: 4, treatmentOption: "modify" });
      const actionsUrl = `${risks()}/${risk.id}/actions`;
      const created = await t.call(contributor.token, {
        method: "POST",
        url: actionsUrl,
        payload: {
          title: "Add an output filter",
          ownerMemberId: await membershipId(t, contributor),
          dueDate: "2020-01-01",
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const action = created.json();
      expect(action).toMatchObject({ status: "open", overdue: true, owner: { name: "Test contributor" }, version: 1 });

      const url = `${actionsUrl}/${action.id}`;
      const started = await t.call(owner.token, {
        method: "PATCH",
        url,
        payload: { version: 1, status: "in_progress" },
      });
      expect(started.json()).toMatchObject({ status: "in_progress", version: 2 });
      const stale = await t.call(owner.token, { method: "PATCH", url, payload: { version: 1, status: "done" } });
      expect(stale.statusCode).toBe(409);
      const done = await t.call(owner.token, { method: "PATCH", url, payload: { version: 2, status: "done" } });
      expect(done.json()).toMatchObject({ status: "done", overdue: false });
      const reopen = await t.call(owner.token, { method: "PATCH", url, payload: { version: 3, status: "open" } });
      expect(reopen.statusCode).toBe(409);
      expect(reopen.json().error.code).toBe("illegal_transition");

      const detail = (await t.call(owner.token, { method: "GET", url: `${risks()}/${risk.id}` })).json();
      expect(detail.actions).toHaveLength(1);
      expect((await auditOf(t, owner.orgId, action.id)).map((e) => e.action)).toEqual([
        "risk_action.created",
        "risk_action.updated",
        "risk_action.updated",
      ]);
    });

    it("names a bad field, hides another organisation's action, and refuses a viewer", async () => {
      const risk = await addRisk({});
      const actionsUrl = `${risks()}/${risk.id}/actions`;
      const bad = await t.call(owner.token, {
        method: "POST",
        url: actionsUrl,
        payload: { title: "x", dueDate: "31/12/2030", ownerMemberId: await membershipId(t, other) },
      });
      expect(bad.statusCode).toBe(400);
      expect(invalidFieldLines(bad)).toContain("body.dueDate");
      const foreignMember = await t.call(owner.token, {
        method: "POST",
        url: actionsUrl,
        payload: { title: "x", ownerMemberId: await membershipId(t, other) },
      });
      expect(foreignMember.statusCode).toBe(400);
      expect(invalidFieldLines(foreignMember)).toContain("body.ownerMemberId");
      const foreign = await t.call(other.token, {
        method: "POST",
        url: `/api/v1/orgs/${other.orgId}/risks/${risk.id}/actions`,
        payload: { title: "Sneaky" },
      });
      expect(foreign.statusCode).toBe(404);
      const viewer = await t.addMember(owner.orgId, "viewer");
      const refused = await t.call(viewer.token, { method: "POST", url: actionsUrl, payload: { title: "Nope" } });
      expect(refused.statusCode).toBe(403);
    });

    it("stops flagging a risk as needing treatment once an option is chosen and an action is under way", async () => {
      const risk = await addRisk({ inherentLikelihood: 5, inherentImpact: 5, treatmentOption: "modify" });
      expect(risk.needsTreatment).toBe(true);
      const actionsUrl = `${risks()}/${risk.id}/actions`;
      const added = await t.call(owner.token, { method: "POST", url: actionsUrl, payload: { title: "Filter output" } });
      expect(added.statusCode, added.body).toBe(201);
      const detail = () => t.call(owner.token, { method: "GET", url: `${risks()}/${risk.id}` });
      expect((await detail()).json().needsTreatment).toBe(false);
      const listed = (await t.call(owner.token, { method: "GET", url: risks() })).json();
      expect(listed.items.find((item: { id: string }) => item.id === risk.id).needsTreatment).toBe(false);

      const cancelled = await t.call(owner.token, {
        method: "PATCH",
        url: `${actionsUrl}/${added.json().id}`,
        payload: { version: 1, status: "cancelled" },
      });
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect((await detail()).json().needsTreatment).toBe(true);
    });
  });

  describe("acceptance", () => {
    const accept = (member: TestMember, riskId: string, payload: Record<string, unknown>) =>
      t.call(member.token, { method: "POST", url: `${risks()}/${riskId}/accept`, payload });

    it("refuses a role beyond its limit with 403 and a message naming the limit", async () => {
      const risk = await addRisk({ inherentLikelihood: 4, inherentImpact: 4 }); // high
      const payload = { version: 1, rationale: "Compensating monitoring is in place.", expiresOn: dayFromToday(90) };
      const managerTry = await accept(manager, risk.id, payload);
      expect(managerTry.statusCode).toBe(403);
      expect(managerTry.json().error.code).toBe("forbidden");
      expect(managerTry.json().error.message).toContain("up to medium");
      expect(managerTry.json().error.message).toContain("rated high");
      const contributorTry = await accept(contributor, risk.id, payload);
      expect(contributorTry.statusCode).toBe(403);
      expect(contributorTry.json().error.message).toContain("does not let your role (contributor) accept risks");
      const unchanged = (await t.call(owner.token, { method: "GET", url: `${risks()}/${risk.id}` })).json();
      expect(unchanged).toMatchObject({ status: "assessed", acceptances: [], version: 1 });
    });

    it("accepts the residual rating within the role's limit, in the approver's name", async () => {
      const risk = await addRisk({
        inherentLikelihood: 5,
        inherentImpact: 5,
        treatmentOption: "modify",
        residualLikelihood: 3,
        residualImpact: 3,
      }); // critical → medium residual
      const res = await accept(manager, risk.id, {
        version: 1,
        rationale: "Residual risk is within appetite after filtering.",
        expiresOn: dayFromToday(180),
      });
      expect(res.statusCode, res.body).toBe(200);
      const detail: RiskDetail = res.json();
      expect(detail).toMatchObject({ status: "accepted", acceptedUntil: dayFromToday(180), acceptanceExpired: false });
      expect(detail.acceptances).toHaveLength(1);
      expect(detail.acceptances[0]).toMatchObject({
        rating: "medium",
        state: "active",
        approver: { memberId: await membershipId(t, manager) },
      });
      expect(detail.acceptances[0]?.approver.name).toContain(manager.email);
      expect((await auditOf(t, owner.orgId, risk.id)).at(-1)).toMatchObject({
        action: "risk.accepted",
        changes: {
          status: { before: "assessed", after: "accepted" },
          acceptedRating: { before: null, after: "medium" },
        },
      });
    });

    it("shows an acceptance past its expiry as expired", async () => {
      const risk = await addRisk({ inherentLikelihood: 1, inherentImpact: 1 });
      await accept(owner, risk.id, { version: 1, rationale: "Low risk, accepted as is.", expiresOn: dayFromToday(1) });
      await t.db
        .updateTable("risk_acceptances")
        .set({ expires_on: "2020-01-01" })
        .where("risk_id", "=", risk.id)
        .execute();
      await t.db.updateTable("risks").set({ accepted_until: "2020-01-01" }).where("id", "=", risk.id).execute();
      const detail = (await t.call(owner.token, { method: "GET", url: `${risks()}/${risk.id}` })).json();
      expect(detail).toMatchObject({ status: "accepted", acceptanceExpired: true });
      expect(detail.acceptances[0].state).toBe("expired");
      const listed = (await t.call(owner.token, { method: "GET", url: `${risks()}?status=accepted` })).json();
      expect(listed.items.find((r: { id: string }) => r.id === risk.id)?.acceptanceExpired).toBe(true);
    });

    it("refuses a past expiry (400), an unrated or stale risk (409), and withdraws on reopening", async () => {
      const unrated = await addRisk({});
      const past = await accept(owner, unrated.id, {
        version: 1,
        rationale: "Because we say so.",
        expiresOn: dayFromToday(0),
      });
      expect(past.statusCode).toBe(400);
      const noRating = await accept(owner, unrated.id, {
        version: 1,
        rationale: "Because we say so.",
        expiresOn: dayFromToday(10),
      });
      expect(noRating.statusCode).toBe(409);
      expect(noRating.json().error.message).toContain("before accepting it");
      const past400 = await accept(owner, unrated.id, { version: 1, rationale: "short", expiresOn: "tomorrow" });
      expect(invalidFieldLines(past400)).toContain("body.rationale");
      expect(invalidFieldLines(past400)).toContain("body.expiresOn");

      const rated = await addRisk({ inherentLikelihood: 2, inherentImpact: 2 });
      const stale = await accept(owner, rated.id, {
        version: 7,
        rationale: "Because we say so.",
        expiresOn: dayFromToday(10),
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe("version_conflict");
      await accept(owner, rated.id, { version: 1, rationale: "Because we say so.", expiresOn: dayFromToday(10) });
      const reopened = await t.call(owner.token, {
        method: "PATCH",
        url: `${risks()}/${rated.id}`,
        payload: { version: 2, status: "assessed" },
      });
      expect(reopened.json()).toMatchObject({ status: "assessed", acceptedUntil: null });
      const detail = (await t.call(owner.token, { method: "GET", url: `${risks()}/${rated.id}` })).json();
      expect(detail.acceptances[0].state).toBe("withdrawn");
    });
  });
});
