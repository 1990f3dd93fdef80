import type { CompetenceRequirement, TrainingCoverage, TrainingRecord } from "@openaims/contracts";
import { addMonthsToDate, todayUtc } from "@openaims/core";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { membershipOf } from "./competence-test-fixtures.js";

const DAY = 86_400_000;
const daysFromToday = (days: number) => todayUtc(new Date(Date.now() + days * DAY));

describe("competence requirements, training records and coverage", () => {
  let t: TestServer;
  let owner: TestMember;
  let alice: TestMember;
  let bob: TestMember;
  let viewer: TestMember;
  let other: TestMember;
  let aliceId: string;
  let bobId: string;

  type Method = "GET" | "POST" | "PATCH";
  const call = (who: TestMember, method: Method, path: string, payload?: object) =>
    t.call(who.token, { method, url: `/api/v1/orgs/${who.orgId}${path}`, ...(payload ? { payload } : {}) });
  const upload = (path: string, file: string | Buffer) =>
    t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}${path}`,
      headers: { "content-type": typeof file === "string" ? "text/csv" : "application/octet-stream" },
      payload: typeof file === "string" ? Buffer.from(file, "utf8") : file,
    });
  const fieldsOf = (body: string) => (JSON.parse(body).error.details.fields as { field: string }[]).map((f) => f.field);
  const recordCount = async () =>
    (
      await t.db
        .selectFrom("training_records")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("org_id", "=", owner.orgId)
        .executeTakeFirstOrThrow()
    ).n;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Competence");
    alice = await t.addMember(owner.orgId, "contributor", "alice@example.com");
    bob = await t.addMember(owner.orgId, "contributor", "bob@example.com");
    viewer = await t.addMember(owner.orgId, "viewer");
    other = await t.addOrg("Elsewhere");
    aliceId = await membershipOf(t, alice);
    bobId = await membershipOf(t, bob);
  });
  afterAll(() => t.close());

  it("requires competences of a role and of a responsibility, refusing a repeat and naming bad fields", async () => {
    const role = await call(owner, "POST", "/competence/requirements", {
      appliesToKind: "role",
      appliesTo: "contributor",
      competence: "Recognises AI risks in their own work",
      course: "AI risk basics",
      renewalMonths: 12,
    });
    expect(role.statusCode, role.body).toBe(201);
    expect(role.json()).toMatchObject({ appliesToKind: "role", appliesTo: "contributor", renewalMonths: 12 });

    const responsibility = await call(owner, "POST", "/competence/requirements", {
      appliesToKind: "responsibility",
      appliesTo: "risk_management",
      competence: "Leads a risk assessment",
      course: "Risk assessment practice",
    });
    expect(responsibility.statusCode, responsibility.body).toBe(201);
    expect(responsibility.json().renewalMonths).toBeNull();

    const repeat = await call(owner, "POST", "/competence/requirements", {
      appliesToKind: "role",
      appliesTo: "contributor",
      competence: "Again",
      course: "  ai RISK basics ",
    });
    expect(repeat.statusCode).toBe(409);

    const bad = await call(owner, "POST", "/competence/requirements", {
      appliesToKind: "role",
      appliesTo: "wizard",
      competence: "",
      course: "x",
      renewalMonths: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(
      expect.arrayContaining(["body.appliesTo", "body.competence", "body.renewalMonths"]),
    );

    const created = role.json() as CompetenceRequirement;
    const stale = await call(owner, "PATCH", `/competence/requirements/${created.id}`, {
      version: 7,
      renewalMonths: 24,
    });
    expect(stale.statusCode).toBe(409);
    const foreign = await call(other, "GET", `/competence/requirements/${created.id}`);
    expect(foreign.statusCode).toBe(404);
    const listed = (await call(viewer, "GET", "/competence/requirements?appliesToKind=responsibility")).json();
    expect(listed.items.map((r: CompetenceRequirement) => r.course)).toEqual(["Risk assessment practice"]);
  });

  it("records training with an expiry from the course's renewal period, checks member and evidence, and filters", async () => {
    const completedOn = daysFromToday(-350);
    const res = await call(owner, "POST", "/training-records", {
      memberId: aliceId,
      course: "AI Risk Basics",
      provider: "Academy",
      completedOn,
    });
    expect(res.statusCode, res.body).toBe(201);
    const record = res.json() as TrainingRecord;
    // Twelve months after completion: within 30 days from now.
    expect(record).toMatchObject({ member: { id: aliceId, email: "alice@example.com" }, validity: "expiring" });
    expect(record.expiresOn).toBe(addMonthsToDate(completedOn, 12));

    const never = await call(owner, "POST", "/training-records", {
      memberId: bobId,
      course: "Prompt safety",
      completedOn: daysFromToday(-10),
      expiresOn: null,
    });
    expect(never.json()).toMatchObject({ expiresOn: null, validity: "current" });

    const otherMember = await membershipOf(t, other);
    const strangers = await call(owner, "POST", "/training-records", {
      memberId: otherMember,
      course: "AI risk basics",
      completedOn: daysFromToday(-1),
    });
    expect(strangers.statusCode).toBe(404);
    const evidence = await t.call(other.token, {
      method: "POST",
      url: `/api/v1/orgs/${other.orgId}/evidence`,
      payload: { kind: "record", title: "Certificate", body: "passed" },
    });
    const foreignEvidence = await call(owner, "POST", "/training-records", {
      memberId: bobId,
      course: "AI risk basics",
      completedOn: daysFromToday(-1),
      evidenceId: evidence.json().id,
    });
    expect(foreignEvidence.statusCode).toBe(404);

    const wrongOrder = await call(owner, "POST", "/training-records", {
      memberId: bobId,
      course: "AI risk basics",
      completedOn: "2025-05-01",
      expiresOn: "2025-04-01",
    });
    expect(wrongOrder.statusCode).toBe(400);
    expect(fieldsOf(wrongOrder.body)).toEqual(["body.expiresOn"]);
    const future = await call(owner, "POST", "/training-records", {
      memberId: bobId,
      course: "AI risk basics",
      completedOn: daysFromToday(5),
    });
    expect(future.statusCode).toBe(400);
    expect(fieldsOf(future.body)).toEqual(["body.completedOn"]);

    const byMember = (await call(viewer, "GET", `/training-records?memberId=${bobId}`)).json();
    expect(byMember.items.map((r: TrainingRecord) => r.course)).toEqual(["Prompt safety"]);
    const byCourse = (await call(viewer, "GET", "/training-records?course=ai%20risk%20basics")).json();
    expect(byCourse.items.map((r: TrainingRecord) => r.id)).toEqual([record.id]);
    const expiring = (await call(viewer, "GET", "/training-records?validity=expiring")).json();
    expect(expiring.items.map((r: TrainingRecord) => r.id)).toEqual([record.id]);

    const updated = await call(owner, "PATCH", `/training-records/${record.id}`, {
      version: record.version,
      expiresOn: daysFromToday(-1),
    });
    expect(updated.json()).toMatchObject({ validity: "expired", version: record.version + 1 });
    const expired = (await call(viewer, "GET", "/training-records?validity=expired")).json();
    expect(expired.items.map((r: TrainingRecord) => r.id)).toEqual([record.id]);
    expect((await call(viewer, "PATCH", `/training-records/${record.id}`, { version: 2 })).statusCode).toBe(403);
  });

  it("shows coverage per role and responsibility with the gaps", async () => {
    const coverage = (await call(viewer, "GET", "/competence/coverage")).json() as TrainingCoverage;
    expect(coverage.byRole).toEqual([
      { role: "contributor", members: 2, requirements: 1, fullyCovered: 0, coveragePercent: 0 },
    ]);
    // Nobody holds the risk management responsibility yet.
    expect(coverage.byResponsibility).toEqual([
      { responsibility: "risk_management", members: 0, requirements: 1, fullyCovered: 0, coveragePercent: null },
    ]);
    expect(coverage.gaps.map((g) => [g.member.email, g.kind])).toEqual([
      ["alice@example.com", "expired"],
      ["bob@example.com", "missing"],
    ]);
  });

  it("imports training records all or nothing: a dry run reports every row, a file with one bad row changes nothing", async () => {
    const before = await recordCount();
    const bad = [
      "Member,Course,Provider,Completed,Expires,Notes",
      `bob@example.com,AI risk basics,Academy,${daysFromToday(-20)},,imported`,
      `nobody@example.com,AI risk basics,Academy,${daysFromToday(-20)},,`,
      `alice@example.com,AI risk basics,Academy,not a date,,`,
    ].join("\n");
    const dry = await upload("/training-records/import", bad);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      valid: false,
      applied: false,
      summary: { rows: 3, create: 1, invalid: 2 },
    });
    expect(dry.json().errors.map((e: { message: string }) => e.message)).toEqual([
      "row 3, member: no active member of this organisation has the e-mail nobody@example.com",
      "row 4, completed: must be a date written as YYYY-MM-DD",
    ]);
    const refused = await upload("/training-records/import?dryRun=false", bad);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.rows).toHaveLength(2);
    expect(refused.json().error.message).toMatch(/nothing was imported/);
    expect(await recordCount()).toBe(before);

    const good = [
      "Member,Course,Provider,Completed,Expires,Notes",
      `bob@example.com,AI risk basics,Academy,${daysFromToday(-20)},,imported`,
      `alice@example.com,AI risk basics,Academy,${daysFromToday(-5)},,`,
    ].join("\n");
    const applied = await upload("/training-records/import?dryRun=false", good);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ applied: true, summary: { create: 2 } });
    expect(Number(await recordCount())).toBe(Number(before) + 2);
    const again = await upload("/training-records/import", good);
    expect(again.json().summary).toMatchObject({ unchanged: 2, create: 0 });
    const audit = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("org_id", "=", owner.orgId)
      .where("action", "in", ["training_record.created", "training_record.import_applied"])
      .execute();
    expect(audit.filter((a) => a.action === "training_record.import_applied")).toHaveLength(1);

    const coverage = (await call(viewer, "GET", "/competence/coverage")).json() as TrainingCoverage;
    expect(coverage.byRole[0]).toMatchObject({ members: 2, fullyCovered: 2, coveragePercent: 100 });
  });

  it("reads XLSX files the same way", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Training");
    sheet.addRow(["member", "course", "provider", "completed", "expires", "notes"]);
    sheet.addRow(["alice@example.com", "Prompt safety", "Academy", new Date(Date.now() - 3 * DAY), null, "xlsx"]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const dry = await upload("/training-records/import", file);
    expect(dry.json()).toMatchObject({ format: "xlsx", valid: true, summary: { create: 1 } });
    const forbidden = await t.call(viewer.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/training-records/import`,
      headers: { "content-type": "text/csv" },
      payload: Buffer.from("member,course,completed\n"),
    });
    expect(forbidden.statusCode).toBe(403);
  });
});
