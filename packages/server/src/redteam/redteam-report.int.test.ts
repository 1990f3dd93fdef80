import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenSystem } from "../evidence/evidence-test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { scanSummary, typicalCases } from "./redteam-test-fixtures.js";

const html = "<!doctype html><title>Scan</title><p>payload <script>alert(1)</script></p>";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("red-team reports", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Reports");
    other = await t.addOrg("Other reports");
    await givenSystem(t.db, owner.orgId, "support-bot");
  });
  afterAll(() => t.close());

  const base = (member: TestMember = owner) => `/api/v1/orgs/${member.orgId}/redteam/scans`;
  const uploadScan = async (reportSha256?: string) => {
    const summary = scanSummary(typicalCases());
    if (reportSha256) summary.artifacts.push({ kind: "html", file: "report.html", sha256: reportSha256 });
    const res = await t.call(owner.token, { method: "POST", url: base(), payload: { system: "support-bot", summary } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; ref: string; version: number };
  };
  const uploadReport = (scanId: string, body: string | Buffer, member: TestMember = owner) =>
    t.call(member.token, {
      method: "POST",
      url: `${base(member)}/${scanId}/report`,
      headers: { "content-type": "text/html" },
      payload: body,
    });

  it("attaches the report the summary lists and sends it back only as a sandboxed download", async () => {
    const scan = await uploadScan(sha256(html));
    const res = await uploadReport(scan.id, html);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ report: { sha256: sha256(html), size: Buffer.byteLength(html) }, version: 2 });
    expect((await uploadReport(scan.id, html)).statusCode).toBe(200);

    const download = await t.call(owner.token, { method: "GET", url: `${base()}/${scan.id}/report` });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe(html);
    expect(download.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(download.headers["content-disposition"]).toContain(`attachment; filename="${scan.ref}-report.html"`);
    expect(download.headers["content-security-policy"]).toMatch(/^sandbox;/);
    expect(download.headers["x-content-sha256"]).toBe(sha256(html));

    const audit = await t.call(owner.token, {
      method: "GET",
      url: `/api/v1/orgs/${owner.orgId}/audit-trail?entityId=${scan.id}&sort=seq`,
    });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual([
      "redteam_scan.recorded",
      "redteam_scan.report_attached",
    ]);
  });

  it("refuses a report that is not the scan's, a second report, and binary files", async () => {
    const scan = await uploadScan(sha256(html));
    const wrong = await uploadReport(scan.id, "<p>another report</p>");
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error.message).toContain(`not the report of scan ${scan.ref}`);

    expect((await uploadReport(scan.id, html)).statusCode).toBe(200);
    expect((await uploadReport(scan.id, html)).statusCode).toBe(200);
    const second = await uploadReport(scan.id, "<p>second</p>");
    expect(second.statusCode).toBe(409);

    const unlisted = await uploadScan();
    const notAnnounced = await uploadReport(unlisted.id, "<p>first</p>");
    expect(notAnnounced.statusCode).toBe(409);
    expect(notAnnounced.json().error.message).toContain("announced no HTML report");
    const binary = await uploadReport((await uploadScan(sha256(html))).id, Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02]));
    expect(binary.statusCode).toBe(415);
  });

  it("has nothing to download before a report is attached, and hides other organisations' scans", async () => {
    const scan = await uploadScan();
    expect((await t.call(owner.token, { method: "GET", url: `${base()}/${scan.id}/report` })).statusCode).toBe(404);
    expect((await uploadReport(scan.id, html, other)).statusCode).toBe(404);
    expect((await t.call(other.token, { method: "GET", url: `${base(other)}/${scan.id}/report` })).statusCode).toBe(
      404,
    );
  });
});
