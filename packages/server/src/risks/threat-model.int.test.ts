import { findThreat, suggestThreats } from "@openaims/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { addSystem, auditOf, membershipId } from "./test-fixtures.js";

describe("threat modelling", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  let systemId: string;
  let systemOwner: string;
  const profile = {
    ourRole: "provider",
    impactTier: "medium",
    dataCategories: [],
    capabilities: ["llm", "agent_tools"],
    autonomy: "human_in_the_loop",
    customerFacing: false,
  } as const;
  const modelUrl = () => `/api/v1/orgs/${owner.orgId}/systems/${systemId}/threat-model`;
  const proposalUrl = (id: string, verb: string) => `/api/v1/orgs/${owner.orgId}/threat-proposals/${id}/${verb}`;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Threats");
    other = await t.addOrg("Other");
    systemOwner = await membershipId(t, owner);
    systemId = await addSystem(t, owner.orgId, {
      name: "Agent",
      capabilities: [...profile.capabilities],
      ownerMemberId: systemOwner,
    });
  });
  afterAll(() => t.close());

  it("proposes the library's suggestions once; re-running skips them all", async () => {
    const expected = suggestThreats({ ...profile, dataCategories: [], capabilities: [...profile.capabilities] });
    expect(expected.length).toBeGreaterThan(3);
    const first = await t.call(owner.token, { method: "POST", url: modelUrl() });
    expect(first.statusCode, first.body).toBe(200);
    expect(
      first
        .json()
        .created.map((p: { threatId: string }) => p.threatId)
        .sort(),
    ).toEqual(expected.map((s) => s.threatId).sort());
    expect(first.json().created[0]).toMatchObject({ status: "proposed", risk: null, systemId });
    const again = await t.call(owner.token, { method: "POST", url: modelUrl() });
    expect(again.json()).toEqual({ created: [], skipped: expected.length });
    const listed = await t.call(owner.token, { method: "GET", url: `${modelUrl()}?limit=2` });
    expect(listed.json().items).toHaveLength(2);
    expect(listed.json().nextCursor).not.toBeNull();
    const audit = await auditOf(t, owner.orgId, systemId);
    expect(audit.map((e) => e.action)).toEqual(["threat_model.proposed"]);
  });

  it("accepts a proposal into a risk carrying the threat's mappings and default rating", async () => {
    const proposals = (
      await t.call(owner.token, { method: "GET", url: `${modelUrl()}?status=proposed&limit=200` })
    ).json();
    const proposal = proposals.items.find((p: { threatId: string }) => p.threatId === "prompt_injection");
    const threat = findThreat("prompt_injection");
    const res = await t.call(owner.token, {
      method: "POST",
      url: proposalUrl(proposal.id, "accept"),
      payload: { version: 1 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { riskId, proposal: accepted } = res.json();
    expect(accepted).toMatchObject({ status: "accepted", risk: { id: riskId, ref: expect.stringMatching(/^R-/) } });
    const risk = (
      await t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}/risks/${riskId}` })
    ).json();
    expect(risk).toMatchObject({
      title: threat?.title,
      threatId: "prompt_injection",
      riskSources: threat?.annexCRiskSources,
      system: { id: systemId },
      owner: { memberId: systemOwner },
      inherentLikelihood: threat?.defaultLikelihood,
      inherentImpact: threat?.defaultImpact,
      status: "assessed",
    });
    const twice = await t.call(owner.token, {
      method: "POST",
      url: proposalUrl(proposal.id, "accept"),
      payload: { version: 2 },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("illegal_transition");
    expect((await auditOf(t, owner.orgId, proposal.id)).map((e) => e.action)).toEqual(["threat_proposal.accepted"]);
  });

  it("dismisses only with a reason, and refuses a stale version", async () => {
    const proposals = (
      await t.call(owner.token, { method: "GET", url: `${modelUrl()}?status=proposed&limit=200` })
    ).json();
    const proposal = proposals.items[0];
    const noReason = await t.call(owner.token, {
      method: "POST",
      url: proposalUrl(proposal.id, "dismiss"),
      payload: { version: 1 },
    });
    expect(noReason.statusCode).toBe(400);
    expect(invalidFieldLines(noReason)).toContain("body.reason");
    const stale = await t.call(owner.token, {
      method: "POST",
      url: proposalUrl(proposal.id, "dismiss"),
      payload: { version: 3, reason: "Not applicable: no tools." },
    });
    expect(stale.statusCode).toBe(409);
    const dismissed = await t.call(owner.token, {
      method: "POST",
      url: proposalUrl(proposal.id, "dismiss"),
      payload: { version: 1, reason: "Not applicable: no tools." },
    });
    expect(dismissed.json()).toMatchObject({ status: "dismissed", dismissalReason: "Not applicable: no tools." });
    const rerun = await t.call(owner.token, { method: "POST", url: modelUrl() });
    expect(rerun.json().created).toEqual([]);
    const onlyDismissed = (await t.call(owner.token, { method: "GET", url: `${modelUrl()}?status=dismissed` })).json();
    expect(onlyDismissed.items.map((p: { id: string }) => p.id)).toEqual([proposal.id]);
  });

  it("answers 404 across organisations and 403 to a viewer", async () => {
    const foreign = await t.call(other.token, {
      method: "POST",
      url: `/api/v1/orgs/${other.orgId}/systems/${systemId}/threat-model`,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toContain(`AI system '${systemId}'`);
    const proposals = (await t.call(owner.token, { method: "GET", url: `${modelUrl()}?status=proposed` })).json();
    const foreignAccept = await t.call(other.token, {
      method: "POST",
      url: `/api/v1/orgs/${other.orgId}/threat-proposals/${proposals.items[0].id}/accept`,
      payload: { version: 1 },
    });
    expect(foreignAccept.statusCode).toBe(404);
    const viewer = await t.addMember(owner.orgId, "viewer");
    expect((await t.call(viewer.token, { method: "POST", url: modelUrl() })).statusCode).toBe(403);
    expect((await t.call(viewer.token, { method: "GET", url: modelUrl() })).statusCode).toBe(200);
  });

  it("refuses to model an archived system", async () => {
    const archived = await addSystem(t, owner.orgId, { archived: true });
    const res = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/systems/${archived}/threat-model`,
    });
    expect(res.statusCode).toBe(409);
  });
});
