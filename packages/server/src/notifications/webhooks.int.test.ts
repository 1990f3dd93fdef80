import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { Webhook, WebhookDelivery, WebhookWithSecret } from "@openaims/contracts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { recordingLogger, testWorker, waitUntil } from "../jobs/job-test-fixtures.js";
import { createMailer } from "../mail/mailer.js";
import { membershipOf } from "../reminders/reminder-test-fixtures.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { startWebhookReceiver } from "../testing/webhook-receiver.js";
import { deliverReminder, type ReminderToDeliver } from "./deliver-reminder.js";
import { notificationJobHandlers } from "./notification-jobs.js";

/** Checks a call's signature the way a receiver would, with node:crypto alone. */
function signatureHolds(secret: string, headers: Record<string, unknown>, body: string): boolean {
  const timestamp = String(headers["openaims-timestamp"]);
  const expected = `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
  const given = String(headers["openaims-signature"]);
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

describe("webhooks", () => {
  let t: TestServer;
  let owner: TestMember;
  let other: TestMember;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const closers: (() => Promise<void>)[] = [];

  const call = (method: "GET" | "POST" | "PATCH", path: string, payload?: object, who = owner) =>
    t.call(who.token, { method, url: `/api/v1/orgs/${who.orgId}${path}`, ...(payload ? { payload } : {}) });
  const create = async (url: string, events = ["reminder.due", "webhook.test"]) => {
    const res = await call("POST", "/webhooks", { url, description: "Ops channel", events });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as WebhookWithSecret;
  };
  /** A reminder row as the reminder scan stores it. */
  const givenReminder = async (memberId: string): Promise<ReminderToDeliver> => {
    const reminder: ReminderToDeliver = {
      id: randomUUID(),
      orgId: owner.orgId,
      memberId,
      kind: "corrective_action",
      title: "Retrain reviewers",
      path: `nonconformities/${randomUUID()}`,
      dueDate: "2026-06-01",
      recordType: "corrective_action",
      recordId: randomUUID(),
    };
    await t.db
      .insertInto("reminders")
      .values({
        id: reminder.id,
        org_id: reminder.orgId,
        member_id: memberId,
        kind: reminder.kind,
        record_type: reminder.recordType,
        record_id: reminder.recordId,
        occasion: "overdue",
        title: reminder.title,
        path: reminder.path,
        due_date: reminder.dueDate,
      })
      .execute();
    return reminder;
  };

  beforeAll(async () => {
    t = await startTestServer({ webhooksAllowPrivate: true, publicUrl: "https://aims.acme.test" });
    owner = await t.addOrg("Hooks");
    other = await t.addOrg("Elsewhere");
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    t.config.webhooksAllowPrivate = true;
    for (const close of closers.splice(0)) await close();
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });

  it("shows the secret once: in the create and rotate answers, never in a list or read, sealed at rest", async () => {
    const { webhook, secret } = await create(receiver.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(webhook).toMatchObject({ url: receiver.url, events: ["reminder.due", "webhook.test"], enabled: true });
    const list = await call("GET", "/webhooks");
    const read = await call("GET", `/webhooks/${webhook.id}`);
    for (const res of [list, read]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(secret);
      expect(res.body).not.toContain("secret");
    }
    const row = await t.db
      .selectFrom("webhooks")
      .select("secret_sealed")
      .where("id", "=", webhook.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_sealed).not.toContain(secret.slice(6));
    expect(t.secrets.open(owner.orgId, row.secret_sealed)).toBe(secret);
    const audit = await t.db
      .selectFrom("audit_entries")
      .select(["action", "changes"])
      .where("entity_id", "=", webhook.id)
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(["webhook.created"]);
    expect(JSON.stringify(audit)).not.toContain(secret);

    const rotated = await call("POST", `/webhooks/${webhook.id}/rotate-secret`, { version: webhook.version });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const next = rotated.json() as WebhookWithSecret;
    expect(next.secret).not.toBe(secret);
    expect((await call("GET", `/webhooks/${webhook.id}`)).body).not.toContain(next.secret);
  });

  it("refuses URLs with credentials or another scheme, naming the field", async () => {
    for (const url of [
      "https://user:pass@hooks.example.com/x",
      "https://token@hooks.example.com/x",
      "ftp://hooks.example.com/x",
    ]) {
      const res = await call("POST", "/webhooks", { url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details.fields[0].field).toBe("body.url");
    }
    const credentials = await call("POST", "/webhooks", { url: "https://user:pass@hooks.example.com/x" });
    expect(credentials.json().error.message).toMatch(/user name or password/);
  });

  it("refuses private, loopback, link-local, unique-local and CGNAT targets unless the server allows them", async () => {
    t.config.webhooksAllowPrivate = false;
    const refused = [
      receiver.url,
      "http://localhost:9/x",
      "http://[::1]/x",
      "http://10.0.0.7/x",
      "http://192.168.1.1/x",
      "http://169.254.169.254/latest/meta-data",
      "http://100.64.0.1/x",
      "http://[fd00::1]/x",
      "http://[fe80::1]/x",
      "http://[::ffff:127.0.0.1]/x",
    ];
    for (const url of refused) {
      const res = await call("POST", "/webhooks", { url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      const { error } = res.json();
      expect(error.details.fields[0].field).toBe("body.url");
      expect(error.message).toMatch(/AIMS_WEBHOOK_ALLOW_PRIVATE=1/);
    }
    t.config.webhooksAllowPrivate = true;
    expect((await call("POST", "/webhooks", { url: "http://10.0.0.7/x" })).statusCode).toBe(201);
  });

  it("sends a signed test event that a receiver verifies with node:crypto alone", async () => {
    const { webhook, secret } = await create(receiver.url);
    const before = receiver.receipts.length;
    const res = await call("POST", `/webhooks/${webhook.id}/test`);
    expect(res.statusCode, res.body).toBe(200);
    const delivery = res.json() as WebhookDelivery;
    expect(delivery).toMatchObject({ event: "webhook.test", status: "delivered", attempts: 1, responseStatus: 200 });
    const received = receiver.receipts.slice(before);
    expect(received).toHaveLength(1);
    const [request] = received;
    if (!request) throw new Error("no call");
    expect(request.headers["openaims-delivery"]).toBe(delivery.id);
    expect(request.headers["openaims-event"]).toBe("webhook.test");
    expect(Math.abs(Number(request.headers["openaims-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    expect(signatureHolds(secret, request.headers, request.body)).toBe(true);
    expect(signatureHolds(`${secret}x`, request.headers, request.body)).toBe(false);
    expect(JSON.parse(request.body)).toMatchObject({
      id: delivery.id,
      event: "webhook.test",
      organizationId: owner.orgId,
    });
    const log = await call("GET", `/webhooks/${webhook.id}/deliveries`);
    expect((log.json() as { items: WebhookDelivery[] }).items.map((item) => item.id)).toEqual([delivery.id]);
  });

  it("delivers a reminder, retrying with back-off on a 500 under the same delivery id and signature rules", async () => {
    const statuses = [500, 503, 200];
    let answered = 0;
    const flaky = await startWebhookReceiver({
      status: () => statuses[Math.min(answered++, statuses.length - 1)] ?? 200,
    });
    closers.push(flaky.close);
    const { webhook, secret } = await create(flaky.url, ["reminder.due"]);
    const member = await membershipOf(t.db, owner.orgId, owner.userId);
    const reminder = await givenReminder(member);
    await t.db.transaction().execute((tx) => deliverReminder(tx, reminder));
    // Offered twice, it is still one notification, one e-mail job and one delivery.
    await t.db.transaction().execute((tx) => deliverReminder(tx, reminder));
    const worker = testWorker(t.db, notificationJobHandlers, {
      deps: { config: t.config, secrets: t.secrets, mailer: createMailer(undefined, "x"), log: recordingLogger().log },
      retry: { baseMs: 200, maxMs: 400 },
    });
    closers.push(() => worker.close());
    worker.wake();
    await waitUntil(() => flaky.receipts.length >= 3, "the receiver took the third call");
    const delivery = await t.db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("webhook_id", "=", webhook.id)
      .execute();
    expect(delivery).toHaveLength(1);
    await waitUntil(async () => {
      const row = await t.db
        .selectFrom("webhook_deliveries")
        .select("status")
        .where("webhook_id", "=", webhook.id)
        .executeTakeFirstOrThrow();
      return row.status === "delivered";
    }, "the delivery was recorded");
    const [row] = await t.db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("webhook_id", "=", webhook.id)
      .execute();
    expect(row).toMatchObject({ status: "delivered", attempts: 3, response_status: 200, last_error: null });
    const ids = new Set(flaky.receipts.map((c) => c.headers["openaims-delivery"]));
    expect([...ids]).toEqual([row?.id]);
    for (const c of flaky.receipts) expect(signatureHolds(secret, c.headers, c.body)).toBe(true);
    // Equal-jitter back-off: at least half the base after the first failure, half of twice that after the second.
    const [first, second, third] = flaky.receipts.map((c) => c.receivedAt) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(90);
    expect(third - second).toBeGreaterThanOrEqual(190);
    const body = JSON.parse(flaky.receipts[2]?.body ?? "{}");
    expect(body).toMatchObject({
      event: "reminder.due",
      data: {
        reminder: {
          id: reminder.id,
          kind: "corrective_action",
          dueDate: "2026-06-01",
          url: `https://aims.acme.test/o/${owner.orgId}/${reminder.path}`,
        },
      },
    });
    const notifications = await t.db
      .selectFrom("notifications")
      .select("id")
      .where("reminder_id", "=", reminder.id)
      .execute();
    expect(notifications).toHaveLength(1);
    const mailJobs = await t.db
      .selectFrom("jobs")
      .select("id")
      .where("kind", "=", "email.reminder")
      .where("key", "=", reminder.id)
      .execute();
    expect(mailJobs).toHaveLength(1);
    const log = await call("GET", `/webhooks/${webhook.id}/deliveries`);
    expect((log.json() as { items: WebhookDelivery[] }).items[0]).toMatchObject({ status: "delivered", attempts: 3 });
  });

  it("refuses at delivery a webhook that now points at a private address, without calling it", async () => {
    const { webhook } = await create(receiver.url);
    t.config.webhooksAllowPrivate = false;
    const before = receiver.receipts.length;
    const res = await call("POST", `/webhooks/${webhook.id}/test`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "failed", responseStatus: null });
    expect(res.json().lastError).toMatch(/private or loopback/);
    expect(receiver.receipts.length).toBe(before);
  });

  it("turns webhooks off and archives them, with audit entries, and keeps organisations apart", async () => {
    const { webhook } = await create(receiver.url);
    const off = await call("PATCH", `/webhooks/${webhook.id}`, { enabled: false, version: webhook.version });
    expect(off.json()).toMatchObject({ enabled: false, version: webhook.version + 1 });
    const stale = await call("PATCH", `/webhooks/${webhook.id}`, { enabled: true, version: webhook.version });
    expect(stale.statusCode).toBe(409);
    expect((await call("POST", `/webhooks/${webhook.id}/test`)).statusCode).toBe(409);
    const archived = await call("POST", `/webhooks/${webhook.id}/archive`, {
      reason: "channel closed",
      version: webhook.version + 1,
    });
    expect(archived.json()).toMatchObject({ enabled: false });
    expect((archived.json() as Webhook).archivedAt).not.toBeNull();
    const listed = (await call("GET", "/webhooks")).json() as { items: Webhook[] };
    expect(listed.items.map((item) => item.id)).not.toContain(webhook.id);
    const actions = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("entity_id", "=", webhook.id)
      .orderBy("seq")
      .execute();
    expect(actions.map((entry) => entry.action)).toEqual(["webhook.created", "webhook.updated", "webhook.archived"]);
    expect((await call("GET", `/webhooks/${webhook.id}`, undefined, other)).statusCode).toBe(404);
    expect(
      (await t.call(other.token, { method: "GET", url: `/api/v1/orgs/${other.orgId}/webhooks/${webhook.id}` }))
        .statusCode,
    ).toBe(404);
  });
});
