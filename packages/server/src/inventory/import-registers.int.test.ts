import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";

const VENDOR_HEADER = "Name,Website,AI features on by default,Trains on customer data,Connectors,Certifications";
const ASSET_HEADER = "name,kind,vendor,owner_email,data_categories,licence";

describe("importing and exporting AI assets and vendors", () => {
  let t: TestServer;
  let owner: TestMember;
  let viewer: TestMember;
  const base = (org: TestMember) => `/api/v1/orgs/${org.orgId}`;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Register import");
    viewer = await t.addMember(owner.orgId, "viewer");
  });
  afterAll(() => t.close());

  function upload(kind: "assets" | "vendors", file: Buffer | string, query: string, as = owner) {
    return t.call(as.token, {
      method: "POST",
      url: `${base(owner)}/${kind}/import?${query}`,
      headers: { "content-type": "text/csv" },
      payload: typeof file === "string" ? Buffer.from(file, "utf8") : file,
    });
  }

  const count = async (table: "ai_assets" | "vendors") =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("org_id", "=", owner.orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  const audited = async (action: string) =>
    Number(
      (
        await t.db
          .selectFrom("audit_entries")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("org_id", "=", owner.orgId)
          .where("action", "=", action)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("names the bad row and column in a dry run with a bad row, and writes nothing", async () => {
    const vendors = [
      VENDOR_HEADER,
      "Acme AI,https://acme.example,yes,opt out,CRM: read contacts; Mail,ISO/IEC 42001; SOC 2",
      "Globex,not a site,sometimes,no,,",
    ].join("\n");
    const dry = (await upload("vendors", vendors, "format=csv&dryRun=false")).json();
    expect(dry).toMatchObject({ valid: false, applied: false, summary: { rows: 2, create: 1, invalid: 1 } });
    expect(dry.errors.map((e: { message: string }) => e.message)).toEqual(
      expect.arrayContaining([
        "row 3, website: must be a web address starting with http:// or https://",
        expect.stringMatching(/^row 3, ai_features_on_by_default: must be one of yes, no, unknown/),
      ]),
    );
    expect(dry.errors[0]).toMatchObject({ row: 3 });

    const assets = [ASSET_HEADER, `Ticket data,dataset,Nobody Inc,${owner.email},personal,CC-BY`].join("\n");
    const report = (await upload("assets", assets, "dryRun=true")).json();
    expect(report).toMatchObject({ valid: false, applied: false, dryRun: true });
    expect(report.errors).toEqual([
      {
        row: 2,
        column: "vendor",
        message: "row 2, vendor: no active vendor is named 'Nobody Inc'; import the vendors first",
      },
    ]);
    expect(await count("vendors")).toBe(0);
    expect(await count("ai_assets")).toBe(0);
  });

  it("applies valid files, audits each record, links assets to vendors by name and updates by name", async () => {
    const vendors = [
      VENDOR_HEADER,
      'Acme AI,https://acme.example,yes,opt out,"CRM: read contacts, write notes; Mail",ISO/IEC 42001; SOC 2',
      "Globex,,no,no,,",
    ].join("\n");
    const applied = await upload("vendors", vendors, "format=csv&dryRun=false");
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ valid: true, applied: true, summary: { create: 2 } });
    expect(await audited("vendor.created")).toBe(2);
    const acme = (await t.call(owner.token, { method: "GET", url: `${base(owner)}/vendors?q=acme` })).json().items[0];
    expect(acme).toMatchObject({
      trainsOnCustomerData: "opt_out",
      connectors: [
        { name: "CRM", permissions: "read contacts, write notes" },
        { name: "Mail", permissions: "" },
      ],
      certifications: ["ISO/IEC 42001", "SOC 2"],
    });

    const assets = [
      ASSET_HEADER,
      `Ticket data,dataset,ACME ai,${owner.email},personal; public,CC-BY`,
      "Support prompt,prompt,,,,",
    ].join("\n");
    const created = (await upload("assets", assets, "dryRun=false")).json();
    expect(created).toMatchObject({ valid: true, applied: true, summary: { create: 2 } });
    expect(await audited("asset.created")).toBe(2);
    const ticket = (await t.call(owner.token, { method: "GET", url: `${base(owner)}/assets?q=ticket` })).json()
      .items[0];
    expect(ticket).toMatchObject({ vendor: { id: acme.id }, owner: { email: owner.email }, version: 1 });

    const update = (await upload("assets", "Name,Licence\nticket DATA,MIT\nSupport prompt,\n", "dryRun=false")).json();
    expect(update).toMatchObject({ valid: true, summary: { update: 1, unchanged: 1 } });
    const after = (await t.call(owner.token, { method: "GET", url: `${base(owner)}/assets/${ticket.id}` })).json();
    expect(after).toMatchObject({ name: "ticket DATA", licence: "MIT", vendor: { id: acme.id }, version: 2 });
    const entry = await t.db
      .selectFrom("audit_entries")
      .select(["entity_id", "changes"])
      .where("org_id", "=", owner.orgId)
      .where("action", "=", "asset.updated")
      .executeTakeFirstOrThrow();
    expect(entry.entity_id).toBe(ticket.id);
    expect(entry.changes).toMatchObject({ licence: { before: "CC-BY", after: "MIT" } });
    expect(await audited("asset.import_applied")).toBe(2);
    const verify = await t.call(owner.token, { method: "POST", url: `${base(owner)}/audit-trail/verify` });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it("exports CSV and XLSX files that import back unchanged", async () => {
    const system = await t.call(owner.token, {
      method: "POST",
      url: `${base(owner)}/systems`,
      payload: { name: "Helpdesk", ourRole: "deployer", impactTier: "low", autonomy: "advisory" },
    });
    const ticket = (await t.call(owner.token, { method: "GET", url: `${base(owner)}/assets?q=ticket` })).json()
      .items[0];
    await t.call(owner.token, {
      method: "POST",
      url: `${base(owner)}/systems/${system.json().id}/asset-links`,
      payload: { assetId: ticket.id },
    });
    await t.call(owner.token, {
      method: "PATCH",
      url: `${base(owner)}/assets/${ticket.id}`,
      payload: { description: '=SUM(A1) looks like a formula, "quoted", multi\nline', version: 2 },
    });
    for (const kind of ["assets", "vendors"] as const) {
      for (const format of ["csv", "xlsx"] as const) {
        const exported = await t.call(viewer.token, {
          method: "GET",
          url: `${base(owner)}/${kind}/export?format=${format}`,
        });
        expect(exported.statusCode).toBe(200);
        const back = (await upload(kind, exported.rawPayload, `format=${format}`)).json();
        expect(back, `${kind} ${format}`).toMatchObject({ valid: true, warnings: [] });
        expect(back.summary).toEqual({ rows: 2, create: 0, update: 0, unchanged: 2, invalid: 0, errors: 0 });
      }
    }
  });

  it("refuses viewers", async () => {
    expect((await upload("assets", ASSET_HEADER, "", viewer)).statusCode).toBe(403);
    expect((await upload("vendors", VENDOR_HEADER, "", viewer)).statusCode).toBe(403);
  });
});
