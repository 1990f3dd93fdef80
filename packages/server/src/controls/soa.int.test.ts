import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdfPages } from "../exports/testing/read-pdf-text.js";
import { invalidFieldLines } from "../testing/invalid-field-lines.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { controlByRef, insertRisk, patchControl } from "./testing/control-fixtures.js";

describe("statement of applicability", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  /** Approves the SoA the owner edits: segregation of duties keeps editors from approving their own changes. */
  let approver: TestMember;
  const url = (path: string) => `/api/v1/orgs/${owner.orgId}/soa${path}`;
  const get = (path: string, member = owner) => t.call(member.token, { method: "GET", url: url(path) });
  const approve = (payload: Record<string, unknown>, member = approver) =>
    t.call(member.token, { method: "POST", url: url("/approve"), payload });

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("SoA Org");
    approver = await t.addMember(owner.orgId, "compliance_manager");
    other = await t.addOrg("Other SoA Org");
  });
  afterAll(() => t.close());

  it("refuses approval while controls are undecided, listing the issues", async () => {
    const draft = (await get("")).json();
    expect(draft.rows).toHaveLength(38);
    expect(draft.summary).toMatchObject({ total: 38, undecided: 38 });
    expect(draft.issues).toHaveLength(38);
    expect(draft).toMatchObject({ lastApproved: null, changedSinceApproval: true });
    const refused = await approve({ contentHash: draft.contentHash });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("illegal_transition");
    expect(refused.json().error.details.issues).toHaveLength(38);
    expect(refused.json().error.message).toContain("A.2.2: decide whether it applies.");
  });

  it("refuses approval while an excluded control treats an open risk without an override", async () => {
    await t.db
      .updateTable("controls")
      .set({ applicable: true, justification: "Needed for our systems." })
      .where("org_id", "=", owner.orgId)
      .execute();
    const control = await controlByRef(t, owner, "A.9.4");
    await t.db
      .updateTable("controls")
      .set({ applicable: false, justification: "Intended use is out of scope." })
      .where("id", "=", control.id)
      .execute();
    const riskId = await insertRisk(t, owner.orgId, "R-1");
    await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/controls/${control.id}/risks`,
      payload: { riskId },
    });
    const draft = (await get("")).json();
    expect(draft.issues).toEqual([expect.objectContaining({ kind: "excluded_treats_open_risk", ref: "A.9.4" })]);
    expect((await approve({ contentHash: draft.contentHash })).statusCode).toBe(409);
    await t.db
      .updateTable("controls")
      .set({ override_reason: "Accepted by the risk owner." })
      .where("id", "=", control.id)
      .execute();
    const fixed = (await get("")).json();
    expect(fixed.issues).toEqual([]);
    expect(fixed.rows.find((r: { ref: string }) => r.ref === "A.9.4")).toMatchObject({
      applicable: false,
      effectiveStatus: "not_applicable",
      riskRefs: ["R-1"],
      overrideReason: "Accepted by the risk owner.",
    });
  });

  it("approves exactly the reviewed content as version 1, and refuses a hash that changed", async () => {
    const badHash = await approve({ contentHash: "0".repeat(64) });
    expect(badHash.statusCode).toBe(409);
    expect(badHash.json().error.code).toBe("conflict");
    const viewer = await t.addMember(owner.orgId, "viewer");
    const draft = (await get("")).json();
    expect((await approve({ contentHash: draft.contentHash }, viewer)).statusCode).toBe(403);
    const malformed = await approve({ contentHash: "abc" });
    expect(malformed.statusCode).toBe(400);
    expect(invalidFieldLines(malformed)).toContain("body.contentHash");

    const approved = await approve({ contentHash: draft.contentHash });
    expect(approved.statusCode).toBe(201);
    expect(approved.json()).toMatchObject({
      number: 1,
      contentHash: draft.contentHash,
      changeSummary: "First approved version.",
      approvedBy: { label: expect.stringContaining(approver.email) },
    });
    expect(approved.json().rows).toEqual(draft.rows);
    const entry = await t.db
      .selectFrom("audit_entries")
      .select(["entity_id", "changes"])
      .where("org_id", "=", owner.orgId)
      .where("action", "=", "soa.approved")
      .executeTakeFirstOrThrow();
    expect(entry.entity_id).toBe(approved.json().id);
    expect(entry.changes.number).toEqual({ before: null, after: 1 });
    expect((await get("")).json()).toMatchObject({ changedSinceApproval: false, lastApproved: { number: 1 } });
  });

  it("keeps approved versions immutable and diffs them against the draft and each other", async () => {
    const reviewed = (await get("")).json();
    const control = await controlByRef(t, owner, "A.2.2");
    await patchControl(t, owner, control.id, { version: control.version, justification: "Policy covers all AI use." });
    const stale = await approve({ contentHash: reviewed.contentHash });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.currentContentHash).not.toBe(reviewed.contentHash);

    const diff = (await get("/diff?from=1")).json();
    expect(diff).toMatchObject({ from: 1, to: null, added: [], removed: [] });
    expect(diff.changed).toEqual([
      {
        ref: "A.2.2",
        title: "AI policy",
        changes: [{ field: "justification", before: "Needed for our systems.", after: "Policy covers all AI use." }],
      },
    ]);
    const current = (await get("")).json();
    const second = await approve({ contentHash: current.contentHash, changeSummary: "Sharper policy justification." });
    expect(second.json()).toMatchObject({ number: 2, changeSummary: "Sharper policy justification." });
    expect((await get("/diff?from=1&to=2")).json().changed).toHaveLength(1);
    expect((await get("/diff?from=1&to=7")).statusCode).toBe(404);

    await expect(t.db.updateTable("soa_versions").set({ change_summary: "edited" }).execute()).rejects.toThrow();
    await expect(t.db.deleteFrom("soa_versions").execute()).rejects.toThrow();
    const list = (await get("/versions")).json();
    expect(list.items.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const first = (await get(`/versions/${list.items[1].id}`)).json();
    expect(first.rows.find((r: { ref: string }) => r.ref === "A.2.2").justification).toBe("Needed for our systems.");
    const foreign = await t.call(other.token, {
      method: "GET",
      url: `/api/v1/orgs/${other.orgId}/soa/versions/${list.items[1].id}`,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it("exports the draft and approved versions as CSV, XLSX and PDF with the content hash", async () => {
    const csv = await get("/export?format=csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain("statement-of-applicability-draft.csv");
    expect(csv.headers["x-content-sha256"]).toMatch(/^[0-9a-f]{64}$/);
    expect(csv.headers["x-export-version"]).toBe("draft");
    const records: string[][] = parse(csv.body);
    expect(records[0]).toEqual([
      "Control",
      "Title",
      "Area",
      "Applicable",
      "Justification",
      "Implementation status",
      "Effective status",
      "Owner",
      "Linked risks",
      "Evidence",
      "Override reason",
    ]);
    expect(records.find((r) => r[0] === "A.9.4")).toEqual([
      "A.9.4",
      "Intended use of the AI system",
      "A.9 Use of AI systems",
      "No",
      "Intended use is out of scope.",
      "Not started",
      "Not applicable",
      "",
      "R-1",
      "",
      "Accepted by the risk owner.",
    ]);

    const xlsx = await get("/export?format=xlsx&version=1");
    expect(xlsx.headers["x-export-version"]).toBe("v1");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(39);
    expect(sheet?.getCell("E2").value).toBe("Needed for our systems.");

    const pdf = await get("/export?format=pdf&version=2");
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = (await readPdfPages(pdf.rawPayload)).join("\n");
    expect(text).toContain("SoA Org");
    expect(text).toContain("Version: v2");
    expect(text).toContain(pdf.headers["x-content-sha256"] as string);
    expect(text).toContain("A.10.4");

    expect((await get("/export?format=pdf&version=5")).statusCode).toBe(404);
    const badFormat = await get("/export?format=docx");
    expect(badFormat.statusCode).toBe(400);
    expect(invalidFieldLines(badFormat)).toContain("query.format");
  });
});
