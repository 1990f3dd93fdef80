import { createHash } from "node:crypto";
import { type ManagementReviewDetail, reviewInputs } from "@openaims/contracts";
import { canonicalJson } from "@openaims/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdfLines } from "../exports/testing/read-pdf-text.js";
import { addSystem } from "../risks/test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { membershipOf, ok } from "./review-test-fixtures.js";

/** All text of a PDF, line by line, pages joined. */
async function pdfText(body: Buffer): Promise<string> {
  return (await readPdfLines(body)).flat().join("\n");
}

describe("management review PDFs", () => {
  let t: TestServer;
  let owner: TestMember;
  let review: ManagementReviewDetail;

  const get = (path: string) => t.call(owner.token, { method: "GET", url: `/api/v1/orgs/${owner.orgId}${path}` });

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Pdf Review Org");
    const systemId = await addSystem(t, owner.orgId, { name: "Claims triage" });
    await ok(t, owner, "POST", "/incidents", {
      title: "Wrong claim denied",
      severity: "critical",
      systemIds: [systemId],
    });
    await ok(t, owner, "POST", "/risks", {
      title: "Biased triage",
      systemId,
      inherentLikelihood: 4,
      inherentImpact: 5,
    });
    review = await ok<ManagementReviewDetail>(t, owner, "POST", "/management-reviews", {
      title: "Annual review",
      scheduledFor: "2026-12-01",
      chairMemberId: await membershipOf(t, owner),
      attendees: ["Test owner", "Head of claims"],
    });
  });
  afterAll(() => t.close());

  it("renders the live pack with a heading per input and the SHA-256 of the pack's JSON", async () => {
    const asOf = new Date().toISOString();
    const query = `?asOf=${encodeURIComponent(asOf)}`;
    const json = (await get(`/review-pack${query}`)).json();
    const res = await get(`/review-pack${query}&format=pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toContain(`review-pack-as-of-${asOf.slice(0, 10)}.pdf`);
    const hash = createHash("sha256").update(canonicalJson(json)).digest("hex");
    expect(res.headers["x-content-sha256"]).toBe(hash);
    const text = await pdfText(res.rawPayload);
    for (const input of reviewInputs) expect(text).toContain(`${input.clause} — ${input.title}`);
    expect(text).toContain(`Content SHA-256 ${hash}`);
    expect(text).toContain("Pdf Review Org");
    expect(text).toContain("INC-0001 Wrong claim denied");
    expect(text).toContain("Biased triage");
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it("refuses the pack PDF of a review before its pack is compiled, then renders the frozen pack", async () => {
    const early = await get(`/management-reviews/${review.id}/pack.pdf`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain("Compile the pack first");
    review = await ok<ManagementReviewDetail>(t, owner, "POST", `/management-reviews/${review.id}/pack`, {
      version: review.version,
    });
    const res = await get(`/management-reviews/${review.id}/pack.pdf`);
    expect(res.statusCode).toBe(200);
    const hash = createHash("sha256").update(canonicalJson(review.pack)).digest("hex");
    expect(res.headers["x-content-sha256"]).toBe(hash);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain("Management review input pack — MR-1 Annual review");
    expect(text).toContain(`Content SHA-256 ${hash}`);
    expect(text).toContain("9.3.2 e — Opportunities for continual improvement");
  });

  it("renders the minutes: meeting, attendees, the decision per input and actions with owners and due dates", async () => {
    await ok(t, owner, "PUT", `/management-reviews/${review.id}/decisions/incidents`, {
      decision: "Retrain the triage model before the next season.",
    });
    await ok(t, owner, "POST", `/management-reviews/${review.id}/actions`, {
      title: "Retrain the triage model",
      inputKey: "incidents",
      ownerMemberId: await membershipOf(t, owner),
      dueDate: "2027-01-31",
    });
    const res = await get(`/management-reviews/${review.id}/minutes.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("MR-1-minutes.pdf");
    const text = await pdfText(res.rawPayload);
    for (const heading of ["Meeting", "Attendees", "Decisions on each input (9.3.3)", "Actions", "Minutes"])
      expect(text.split("\n")).toContain(heading);
    expect(text).toContain("Head of claims");
    expect(text).toContain("Retrain the triage model before the next season.");
    expect(text).toContain("No decision recorded");
    expect(text).toMatch(/RA-1 Retrain the triage model.*Test owner.*2027-01-31/s);
    expect(text).toContain(`Content SHA-256 ${res.headers["x-content-sha256"]}`);
  });
});
