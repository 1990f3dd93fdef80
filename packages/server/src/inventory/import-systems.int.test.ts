import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

const HEADER =
  "slug,name,our_role,impact_tier,high_impact_reasons,autonomy,data_categories,customer_facing,owner_email";

describe("importing and exporting AI systems", () => {
  let t: TestServer;
  let owner: TestMember;
  let viewer: TestMember;
  const base = (org: TestMember) => `/api/v1/orgs/${org.orgId}`;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Import");
    viewer = await t.addMember(owner.orgId, "viewer");
  });
  afterAll(() => t.close());

  function upload(file: Buffer | string, query: string, as = owner, type = "text/csv") {
    return t.call(as.token, {
      method: "POST",
      url: `${base(owner)}/systems/import?${query}`,
      headers: { "content-type": type },
      payload: typeof file === "string" ? Buffer.from(file, "utf8") : file,
    });
  }

  const countSystems = async () =>
    Number(
      (
        await t.db
          .selectFrom("ai_systems")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("org_id", "=", owner.orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("reports every bad cell by row and column in a dry run, and writes nothing", async () => {
    const csv = [
      HEADER,
      `chat,Chat assistant,deployer,low,,advisory,personal,yes,${owner.email}`,
      "scoring,Credit scoring,Provider,High,,HITL,Financial; helth,maybe,ghost@example.com",
    ].join("\n");
    const res = await upload(csv, "format=csv&dryRun=true");
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ valid: false, applied: false, dryRun: true, format: "csv" });
    expect(report.summary).toMatchObject({ rows: 2, create: 1, invalid: 1 });
    const messages = report.errors.map((e: { message: string }) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^row 3, data_categories: "helth" must be one of/),
        "row 3, customer_facing: must be yes or no (true or false)",
        "row 3, owner_email: no active member of this organisation has the e-mail ghost@example.com",
        expect.stringMatching(/^row 3, high_impact_reasons: name at least one reason/),
      ]),
    );
    expect(report.errors[0]).toMatchObject({ row: 3 });
    expect(await countSystems()).toBe(0);
  });

  it("applies nothing when any row is invalid, even without a dry run", async () => {
    const csv = [HEADER, "a,System A,user,low,,advisory,,no,", "b,System B,user,extreme,,advisory,,no,"].join("\r\n");
    const report = (await upload(csv, "dryRun=false")).json();
    expect(report).toMatchObject({ valid: false, applied: false });
    expect(report.errors.map((e: { message: string }) => e.message)).toEqual([
      "row 3, impact_tier: must be one of low, medium, high",
    ]);
    expect(await countSystems()).toBe(0);
  });

  it("applies a valid CSV in one go, with an audit entry per system, and updates by slug", async () => {
    const rows = Array.from(
      { length: 1200 },
      (_, i) => `sys-${i},System ${i},deployer,medium,,human_on_the_loop,personal; public,no,${owner.email}`,
    );
    const res = await upload([HEADER, ...rows].join("\n"), "format=csv&dryRun=false");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ valid: true, applied: true, summary: { rows: 1200, create: 1200 } });
    expect(res.json().rows).toHaveLength(1000);
    expect(await countSystems()).toBe(1200);
    const created = await t.db
      .selectFrom("audit_entries")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("org_id", "=", owner.orgId)
      .where("action", "=", "system.created")
      .executeTakeFirstOrThrow();
    expect(Number(created.n)).toBe(1200);

    const before = (await t.call(owner.token, { method: "GET", url: `${base(owner)}/systems?slug=sys-7` })).json()
      .items[0];
    const update = await upload(
      "Slug;Name;Impact tier;High-impact reasons\nsys-7;System 7;high;safety\nsys-8;System 8;medium;\n",
      "dryRun=false",
    );
    expect(update.json()).toMatchObject({ valid: true, summary: { update: 1, unchanged: 1 } });
    const after = (await t.call(owner.token, { method: "GET", url: `${base(owner)}/systems/${before.id}` })).json();
    expect(after).toMatchObject({ impactTier: "high", highImpactReasons: ["safety"], version: 2 });
    expect(after.capabilities).toEqual(before.capabilities);
    expect(after.materialChangedAt > before.materialChangedAt).toBe(true);

    const verify = await t.call(owner.token, { method: "POST", url: `${base(owner)}/audit-trail/verify` });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it("reads XLSX files, sniffing the format", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Systems");
    sheet.addRow(["Name", "Our role", "Impact tier", "Autonomy", "Review date", "Capabilities"]);
    sheet.addRow([
      "Fraud detector",
      "provider",
      "medium",
      "automated",
      new Date("2026-09-30T00:00:00Z"),
      "predictive_ml",
    ]);
    sheet.addRow([
      "Document summariser",
      "user",
      "low",
      "advisory",
      new Date("2026-10-01T00:00:00Z"),
      "llm, vendor_model",
    ]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const dry = (await upload(file, "", owner, "application/octet-stream")).json();
    expect(dry).toMatchObject({ format: "xlsx", valid: false });
    expect(dry.errors.map((e: { message: string }) => e.message)).toEqual([
      "row 2, autonomy: must be one of advisory, human_in_the_loop, human_on_the_loop, autonomous",
    ]);
    sheet.getCell("D2").value = "Autonomous";
    const fixed = Buffer.from(await workbook.xlsx.writeBuffer());
    const applied = (await upload(fixed, "dryRun=false", owner, "application/octet-stream")).json();
    expect(applied).toMatchObject({ format: "xlsx", valid: true, applied: true, summary: { create: 2 } });
    const summariser = (
      await t.call(owner.token, { method: "GET", url: `${base(owner)}/systems?slug=document-summariser` })
    ).json().items[0];
    expect(summariser).toMatchObject({ reviewDate: "2026-10-01", capabilities: ["llm", "vendor_model"] });
  });

  it("exports CSV and XLSX files that import back unchanged", async () => {
    await t.call(owner.token, {
      method: "PATCH",
      url: `${base(owner)}/systems/${
        (await t.call(owner.token, { method: "GET", url: `${base(owner)}/systems?slug=sys-1` })).json().items[0].id
      }`,
      payload: { description: '=SUM(A1) looks like a formula, "quoted", multi\nline', version: 1 },
    });
    for (const format of ["csv", "xlsx"] as const) {
      const exported = await t.call(viewer.token, {
        method: "GET",
        url: `${base(owner)}/systems/export?format=${format}`,
      });
      expect(exported.statusCode).toBe(200);
      expect(exported.headers["x-content-sha256"]).toMatch(/^[0-9a-f]{64}$/);
      const back = (await upload(exported.rawPayload, `format=${format}`)).json();
      expect(back).toMatchObject({ valid: true, warnings: [] });
      expect(back.summary).toEqual({ rows: 1202, create: 0, update: 0, unchanged: 1202, invalid: 0, errors: 0 });
    }
    const pdf = await t.call(viewer.token, { method: "GET", url: `${base(owner)}/systems/export?format=pdf` });
    expect(pdf.headers["content-type"]).toBe("application/pdf");
  });

  it("says plainly when a file cannot be read, and refuses viewers", async () => {
    const junk = (await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "")).json();
    expect(junk).toMatchObject({ valid: false, format: "xlsx" });
    expect(junk.errors[0].message).toContain("could not be read as XLSX");
    const empty = await upload(Buffer.alloc(0), "");
    expect(empty.statusCode).toBe(400);
    const refused = await upload(HEADER, "", viewer);
    expect(refused.statusCode).toBe(403);
  });
});
