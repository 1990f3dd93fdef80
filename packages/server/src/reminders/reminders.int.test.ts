import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob } from "../jobs/enqueue-job.js";
import { jobHandlers } from "../jobs/job-registry.js";
import { testWorker, waitUntil } from "../jobs/job-test-fixtures.js";
import { slotKey, slotStart } from "../jobs/recurring-jobs.js";
import { SEED_TODAY, seedEveryKind } from "../notifications/due-item-test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { REMINDER_SCAN_EVERY_MS, REMINDER_SCAN_JOB, REMINDER_SCAN_ORG_JOB } from "./reminder-jobs.js";
import { dayFromToday, givenCorrectiveActions, membershipOf } from "./reminder-test-fixtures.js";
import { scanOrgReminders } from "./scan-reminders.js";

describe("reminders", () => {
  let t: TestServer;
  let owner: TestMember;
  let ownerId: string;
  let contributorId: string;
  let auditor: TestMember;
  let viewer: TestMember;
  let contributor: TestMember;

  beforeAll(async () => {
    t = await startTestServer();
    owner = await t.addOrg("Reminded");
    contributor = await t.addMember(owner.orgId, "contributor");
    auditor = await t.addMember(owner.orgId, "auditor");
    viewer = await t.addMember(owner.orgId, "viewer");
    ownerId = await membershipOf(t.db, owner.orgId, owner.userId);
    contributorId = await membershipOf(t.db, owner.orgId, contributor.userId);
  });
  afterAll(() => t.close());

  const url = (orgId: string, path: string) => `/api/v1/orgs/${orgId}/${path}`;
  const scan = (member: TestMember) =>
    t.call(member.token, { method: "POST", url: url(member.orgId, "reminders/scan") });
  const count = async (table: "reminders" | "notifications", orgId: string) =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .where("org_id", "=", orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("raises one reminder per member, record and occasion, delivers each once, and audits a scan run by hand", async () => {
    const actions = await givenCorrectiveActions(t.db, owner.orgId, [ownerId, contributorId], 6, dayFromToday(-3));
    const first = await scan(owner);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ today: dayFromToday(0), raised: 6 });
    expect(first.json().dueItems).toBeGreaterThanOrEqual(6);

    const again = await scan(contributor);
    expect(again.json()).toMatchObject({ raised: 0 });

    const reminders = await t.db.selectFrom("reminders").selectAll().where("org_id", "=", owner.orgId).execute();
    expect(
      reminders
        .filter((r) => r.kind === "corrective_action")
        .map((r) => r.record_id)
        .sort(),
    ).toEqual([...actions].sort());
    const ofAction = reminders.find((r) => r.record_id === actions[0]);
    expect(ofAction).toMatchObject({
      member_id: ownerId,
      occasion: `overdue:${dayFromToday(-3)}`,
      due_date: dayFromToday(-3),
      title: "Corrective action 1",
      ref: expect.stringMatching(/^NC-/),
    });
    // In-app: one notification per reminder; e-mail: one job per reminder.
    const notifications = await t.db
      .selectFrom("notifications")
      .select("reminder_id")
      .where("org_id", "=", owner.orgId)
      .execute();
    expect(notifications.map((n) => n.reminder_id).sort()).toEqual(reminders.map((r) => r.id).sort());
    const emailJobs = await t.db.selectFrom("jobs").select("key").where("kind", "=", "email.reminder").execute();
    expect(emailJobs.map((j) => j.key).sort()).toEqual(reminders.map((r) => r.id).sort());

    const audit = await t.db
      .selectFrom("audit_entries")
      .selectAll()
      .where("org_id", "=", owner.orgId)
      .where("action", "=", "reminders.scanned")
      .orderBy("seq")
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ entity_type: "organization", entity_id: owner.orgId });
    expect(JSON.stringify(audit[0]?.changes)).toContain('"after":6');
  });

  it("reminds once while work is due soon and once more when it is overdue, never daily", async () => {
    const org = await t.addOrg("Due soon");
    const member = await membershipOf(t.db, org.orgId, org.userId);
    const due = "2026-12-20";
    const [action] = await givenCorrectiveActions(t.db, org.orgId, [member], 1, due);
    const scanOn = (today: string) =>
      scanOrgReminders(t.db, org.orgId, today, (work) => t.db.transaction().execute(work));

    expect((await scanOn("2026-12-01")).raised).toBe(0); // more than a week ahead
    expect((await scanOn("2026-12-14")).raised).toBe(1);
    expect((await scanOn("2026-12-15")).raised).toBe(0);
    expect((await scanOn("2026-12-20")).raised).toBe(0);
    expect((await scanOn("2026-12-21")).raised).toBe(1);
    expect((await scanOn("2026-12-28")).raised).toBe(0);
    const occasions = await t.db
      .selectFrom("reminders")
      .select("occasion")
      .where("record_id", "=", action as string)
      .orderBy("created_at")
      .execute();
    expect(occasions.map((r) => r.occasion)).toEqual([`due-soon:${due}`, `overdue:${due}`]);
  });

  it("covers every kind of due work: evidence and training expiring, reviews coming due, sign-offs and the rest", async () => {
    const org = await t.addOrg("Every kind");
    const alice = await t.addMember(org.orgId, "compliance_manager");
    const bob = await t.addMember(org.orgId, "contributor");
    const carol = await t.addMember(org.orgId, "viewer");
    const aliceId = await membershipOf(t.db, org.orgId, alice.userId);
    await seedEveryKind(t.db, org.orgId, {
      alice: aliceId,
      aliceUser: alice.userId,
      bob: await membershipOf(t.db, org.orgId, bob.userId),
      carol: await membershipOf(t.db, org.orgId, carol.userId),
    });
    const scanOn = (today: string) =>
      scanOrgReminders(t.db, org.orgId, today, (work) => t.db.transaction().execute(work));

    const first = await scanOn(SEED_TODAY);
    expect(first.raised).toBeGreaterThan(0);
    expect((await scanOn(SEED_TODAY)).raised).toBe(0);
    const reminders = await t.db
      .selectFrom("reminders")
      .select(["kind", "occasion", "member_id"])
      .where("org_id", "=", org.orgId)
      .execute();
    expect(reminders).toHaveLength(first.raised);
    const aliceKinds = new Set(reminders.filter((r) => r.member_id === aliceId).map((r) => r.kind));
    for (const kind of [
      "evidence_expiry",
      "training_expiry",
      "document_review",
      "risk_review",
      "management_review",
      "impact_assessment",
      "gate_sign_off",
      "policy_acknowledgement",
      "corrective_action",
      "review_action",
      "treatment_action",
    ]) {
      expect(aliceKinds, kind).toContain(kind);
    }
    const occasionOf = (kind: string) => reminders.find((r) => r.member_id === aliceId && r.kind === kind)?.occasion;
    expect(occasionOf("evidence_expiry")).toBe("due-soon:2026-06-25");
    expect(occasionOf("document_review")).toBe("overdue:2026-06-10");
    expect(occasionOf("policy_acknowledgement")).toBe("waiting");
    // Work due more than a week ahead is not yet worth a reminder.
    for (const later of ["audit_item", "system_review", "objective"]) expect(aliceKinds, later).not.toContain(later);
  });

  it("raises each reminder once when scans of one organisation run at the same time", async () => {
    const org = await t.addOrg("Concurrent");
    const member = await membershipOf(t.db, org.orgId, org.userId);
    await givenCorrectiveActions(t.db, org.orgId, [member], 40, dayFromToday(-1));
    const results = await Promise.all([scan(org), scan(org), scan(org)]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(results.reduce((sum, r) => sum + r.json().raised, 0)).toBe(40);
    expect(await count("reminders", org.orgId)).toBe(40);
    expect(await count("notifications", org.orgId)).toBe(40);
  });

  it("scans every organisation from the recurring slot job, once per slot", async () => {
    const org = await t.addOrg("Scheduled");
    const member = await membershipOf(t.db, org.orgId, org.userId);
    await givenCorrectiveActions(t.db, org.orgId, [member], 3, dayFromToday(-2));
    const slot = slotStart(REMINDER_SCAN_EVERY_MS, new Date());
    const job = { kind: REMINDER_SCAN_JOB, key: slotKey(slot), orgId: null, payload: { slot: slot.toISOString() } };
    expect(await enqueueJob(t.db, job)).toBe(true);
    expect(await enqueueJob(t.db, job)).toBe(false);
    // Only the scan jobs: delivering the reminders is the notification module's part.
    const kinds = [REMINDER_SCAN_JOB, REMINDER_SCAN_ORG_JOB];
    const worker = testWorker(t.db, jobHandlers, { config: t.config, kinds });
    try {
      await waitUntil(async () => {
        const open = await t.db
          .selectFrom("jobs")
          .select("id")
          .where("kind", "in", [REMINDER_SCAN_JOB, REMINDER_SCAN_ORG_JOB])
          .where("status", "<>", "done")
          .execute();
        return open.length === 0;
      }, "the scan jobs are done");
    } finally {
      await worker.close();
    }
    expect(await count("reminders", org.orgId)).toBe(3);
    const orgJobs = await t.db
      .selectFrom("jobs")
      .select(["key", "org_id", "attempts"])
      .where("kind", "=", REMINDER_SCAN_ORG_JOB)
      .where("org_id", "=", org.orgId)
      .execute();
    expect(orgJobs).toEqual([{ key: `${org.orgId}@${slotKey(slot)}`, org_id: org.orgId, attempts: 1 }]);
    expect(worker.entries.filter((e) => e.level === "error")).toEqual([]);
  });

  it("lists the organisation's reminders newest first in pages, by member and kind, to those who read the audit trail", async () => {
    const first = await t.call(auditor.token, { method: "GET", url: url(owner.orgId, "reminders?limit=4") });
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(4);
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(page.items[0]).toMatchObject({
      kind: "corrective_action",
      occasionKind: "overdue",
      memberName: expect.any(String),
      path: expect.stringMatching(/^nonconformities\//),
    });
    const rest = await t.call(auditor.token, {
      method: "GET",
      url: url(owner.orgId, `reminders?limit=200&cursor=${encodeURIComponent(page.nextCursor)}`),
    });
    const all = [...page.items, ...rest.json().items];
    expect(new Set(all.map((r: { id: string }) => r.id)).size).toBe(await count("reminders", owner.orgId));
    const createdAt = all.map((r: { createdAt: string }) => r.createdAt);
    expect(createdAt).toEqual([...createdAt].sort().reverse());

    const mine = await t.call(auditor.token, {
      method: "GET",
      url: url(owner.orgId, `reminders?limit=200&memberId=${contributorId}&kind=corrective_action`),
    });
    expect(mine.json().items.length).toBe(3);
    expect(mine.json().items.every((r: { memberId: string }) => r.memberId === contributorId)).toBe(true);

    expect((await t.call(viewer.token, { method: "GET", url: url(owner.orgId, "reminders") })).statusCode).toBe(403);
    expect((await scan(viewer)).statusCode).toBe(403);
    const bad = await t.call(auditor.token, { method: "GET", url: url(owner.orgId, "reminders?kind=lunch") });
    expect(bad.statusCode).toBe(400);
  });

  it("summarises the organisation's jobs for an administrator, without other organisations' jobs", async () => {
    const other = await t.addOrg("Other");
    for (const [orgId, key] of [
      [owner.orgId, "broken-mine"],
      [other.orgId, "broken-theirs"],
    ] as const) {
      await t.db
        .insertInto("jobs")
        .values({
          id: randomUUID(),
          org_id: orgId,
          kind: "webhook.deliver",
          key,
          payload: "{}",
          status: "dead",
          attempts: 8,
          last_error: `receiver answered 500 (${key})`,
          finished_at: new Date(),
        })
        .execute();
    }
    const res = await t.call(auditor.token, { method: "GET", url: url(owner.orgId, "jobs/summary") });
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    expect(summary.dead).toEqual([
      expect.objectContaining({
        kind: "webhook.deliver",
        key: "broken-mine",
        attempts: 8,
        lastError: "receiver answered 500 (broken-mine)",
      }),
    ]);
    expect(summary.counts).toEqual(
      expect.arrayContaining([
        { kind: "email.reminder", status: "queued", count: 6 },
        { kind: "webhook.deliver", status: "dead", count: 1 },
      ]),
    );
    expect(summary.waiting.count).toBeGreaterThanOrEqual(6);
    expect(summary.recurring.map((r: { kind: string }) => r.kind)).toEqual([
      "reminders.scan",
      "monitoring.missing-data-sweep",
      "jobs.prune",
      "anomalies.detect",
      "telemetry.retention",
      "agent_approval.expiry-sweep",
      "agent_decisions.metrics",
    ]);
    expect(summary.recurring[0]).toMatchObject({ everyMinutes: 5, lastStatus: "done" });
    expect((await t.call(viewer.token, { method: "GET", url: url(owner.orgId, "jobs/summary") })).statusCode).toBe(403);
    expect((await t.call(other.token, { method: "GET", url: url(owner.orgId, "jobs/summary") })).statusCode).toBe(404);
  });
});
