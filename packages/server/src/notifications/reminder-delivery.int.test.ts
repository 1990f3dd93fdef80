import { randomUUID } from "node:crypto";
import type { Notification } from "@openaims/contracts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { recordingLogger, testWorker, waitUntil } from "../jobs/job-test-fixtures.js";
import { createMailer } from "../mail/mailer.js";
import { membershipOf } from "../reminders/reminder-test-fixtures.js";
import { startTestMailServer, textBodyOf } from "../testing/test-mail-server.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { deliverReminder, type ReminderToDeliver } from "./deliver-reminder.js";
import { notificationJobHandlers } from "./notification-jobs.js";

/** A header's value with folded lines joined, as RFC 5322 unfolds them. */
function headerOf(raw: string, name: string): string {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
  return new RegExp(`^${name}: (.*)$`, "mi").exec(head)?.[1]?.trim() ?? "";
}

describe("reminder e-mail and in-app notifications", () => {
  let smtp: Awaited<ReturnType<typeof startTestMailServer>>;
  let t: TestServer;
  let owner: TestMember;
  let member: string;
  const closers: (() => Promise<void>)[] = [];

  const call = (method: "GET" | "POST" | "PATCH", path: string, payload?: object, who = owner) =>
    t.call(who.token, { method, url: `/api/v1/orgs/${who.orgId}${path}`, ...(payload ? { payload } : {}) });

  /** A reminder as the reminder scan stores it, delivered in its own transaction. */
  async function remind(title: string, dueDate: string | null, memberId = member): Promise<ReminderToDeliver> {
    const reminder: ReminderToDeliver = {
      id: randomUUID(),
      orgId: owner.orgId,
      memberId,
      kind: "corrective_action",
      title,
      path: `nonconformities/${randomUUID()}`,
      dueDate,
      recordType: "corrective_action",
      recordId: randomUUID(),
    };
    await t.db.transaction().execute(async (tx) => {
      await tx
        .insertInto("reminders")
        .values({
          id: reminder.id,
          org_id: reminder.orgId,
          member_id: memberId,
          kind: reminder.kind,
          record_type: reminder.recordType,
          record_id: reminder.recordId,
          occasion: dueDate ? `overdue:${dueDate}` : "waiting",
          title,
          ref: "NC-4",
          path: reminder.path,
          due_date: dueDate,
        })
        .execute();
      await deliverReminder(tx, reminder);
    });
    return reminder;
  }

  function startWorker() {
    const worker = testWorker(t.db, notificationJobHandlers, {
      deps: {
        config: t.config,
        secrets: t.secrets,
        mailer: createMailer(t.config.smtpUrl, t.config.mailFrom),
        log: recordingLogger().log,
      },
    });
    closers.push(() => worker.close());
    return worker;
  }
  const jobDone = (key: string) => async () => {
    const job = await t.db.selectFrom("jobs").select("status").where("key", "=", key).executeTakeFirst();
    return job?.status === "done";
  };

  beforeAll(async () => {
    smtp = await startTestMailServer();
    t = await startTestServer({
      smtpUrl: smtp.url,
      mailFrom: "OpenAIMS <aims@acme.test>",
      publicUrl: "https://aims.acme.test",
    });
    owner = await t.addOrg("Acme Research");
    member = await membershipOf(t.db, owner.orgId, owner.userId);
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it("mails an overdue corrective action to its owner through the real SMTP server", async () => {
    const reminder = await remind("Retrain reviewers", "2026-01-05");
    startWorker();
    await waitUntil(() => smtp.received.some((mail) => mail.to.includes(owner.email)), "the reminder was mailed");
    const mail = smtp.lastTo(owner.email);
    if (!mail) throw new Error("no mail");
    expect(headerOf(mail.raw, "Subject")).toBe("Corrective action: NC-4 Retrain reviewers (overdue since 2026-01-05)");
    expect(mail.raw).toMatch(new RegExp(`^Message-ID: <reminder\\.${reminder.id}@aims\\.acme\\.test>`, "mi"));
    const text = textBodyOf(mail.raw);
    expect(text).toContain("It was due on 2026-01-05 and is overdue.");
    expect(text).toContain(`Open it: https://aims.acme.test/o/${owner.orgId}/${reminder.path}`);
    expect(text).toContain("https://aims.acme.test/account");
  });

  it("sends nothing to a member who turned reminder e-mail off, and says so in an audit entry", async () => {
    const off = await call("PATCH", "/me/notification-settings", { emailReminders: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ emailReminders: false, emailAvailable: true });
    const before = smtp.received.length;
    const reminder = await remind("Review the supplier", "2026-02-01");
    startWorker();
    await waitUntil(jobDone(reminder.id), "the e-mail job finished");
    expect(smtp.received.length).toBe(before);
    const audit = await t.db
      .selectFrom("audit_entries")
      .select("action")
      .where("org_id", "=", owner.orgId)
      .where("action", "=", "member.email_reminders_changed")
      .execute();
    expect(audit).toHaveLength(1);
    await call("PATCH", "/me/notification-settings", { emailReminders: true });
  });

  it("lists notifications unread first, counts and marks them read, each member seeing only their own", async () => {
    const first = await remind("First", null);
    const second = await remind("Second", "2026-03-01");
    const count = async () => (await call("GET", "/notifications/unread-count")).json().unread as number;
    const unread = await count();
    expect(unread).toBeGreaterThanOrEqual(2);
    const page = (await call("GET", "/notifications?limit=1")).json() as { items: Notification[]; nextCursor: string };
    expect(page.items[0]).toMatchObject({
      title: "Second",
      readAt: null,
      path: second.path,
      body: "Due on 2026-03-01.",
    });
    const firstRow = await t.db
      .selectFrom("notifications")
      .select("id")
      .where("reminder_id", "=", first.id)
      .executeTakeFirstOrThrow();
    const read = await call("POST", `/notifications/${firstRow.id}/read`);
    expect(read.json().readAt).not.toBeNull();
    expect(await count()).toBe(unread - 1);
    // Unread first: the one just read comes after every unread notification.
    const all: Notification[] = [];
    let cursor: string | null = null;
    do {
      const res = await call("GET", `/notifications?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      const body = res.json() as { items: Notification[]; nextCursor: string | null };
      all.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    const firstRead = all.findIndex((item) => item.readAt !== null);
    expect(all.slice(firstRead).every((item) => item.readAt !== null)).toBe(true);
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);

    const colleague = await t.addMember(owner.orgId, "viewer");
    expect((await call("POST", `/notifications/${firstRow.id}/read`, undefined, colleague)).statusCode).toBe(404);
    expect((await call("GET", "/notifications", undefined, colleague)).json().items).toEqual([]);
    const marked = await call("POST", "/notifications/read-all");
    expect(marked.json().marked).toBe(unread - 1);
    expect(await count()).toBe(0);
  });
});
