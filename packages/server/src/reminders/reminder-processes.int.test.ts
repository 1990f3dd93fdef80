/**
 * Reminders and their delivery with real server processes on one PostgreSQL: two servers share the
 * work and each job runs once; a server killed with SIGKILL while delivering loses nothing and, once
 * another server has taken its jobs over, nothing reaches anyone twice except what honestly can (a call
 * in flight when the process died), which carries the same delivery id.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitUntil } from "../jobs/job-test-fixtures.js";
import { startTestMailServer } from "../testing/test-mail-server.js";
import { startTestServer, type TestMember, type TestServer } from "../testing/test-server.js";
import { startWebhookReceiver, type WebhookReceipt, type WebhookReceiver } from "../testing/webhook-receiver.js";
import { dayFromToday, givenCorrectiveActions, membershipOf } from "./reminder-test-fixtures.js";

const onPostgres = Boolean(process.env.AIMS_TEST_DATABASE_URL);
const needsPostgres = onPostgres ? "" : " (skipped: needs PostgreSQL, set AIMS_TEST_DATABASE_URL)";
/** Server processes sharing one PostgreSQL database must share one secret key. */
const SHARED_KEY = randomBytes(32).toString("base64");
const LEASE_MS = 2_000;

interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  output: string[];
}

describe.skipIf(!onPostgres)(`reminders with server processes on one PostgreSQL${needsPostgres}`, () => {
  let t: TestServer;
  let mail: Awaited<ReturnType<typeof startTestMailServer>>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // The in-process app sets up organisations and webhooks with the processes' key and settings.
    t = await startTestServer({ secretKey: Buffer.from(SHARED_KEY, "base64"), webhooksAllowPrivate: true });
    mail = await startTestMailServer();
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? once(c, "exit") : null)));
    await mail?.close();
    await t?.close();
  });

  /** Stops a server as an operator would (SIGTERM): it finishes or hands back its current jobs. */
  async function stop(server: ServerProcess) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return;
    const exited = once(server.child, "exit");
    server.child.kill("SIGTERM");
    await exited;
  }

  async function serve(): Promise<ServerProcess> {
    const script = fileURLToPath(new URL("../testing/serve-process.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: {
        ...process.env,
        DATABASE_URL: t.database.url ?? "",
        AIMS_SECRET_KEY: SHARED_KEY,
        AIMS_SMTP_URL: mail.url,
        AIMS_WEBHOOK_ALLOW_PRIVATE: "1",
        AIMS_JOB_POLL_MS: "100",
        AIMS_JOB_LEASE_MS: String(LEASE_MS),
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    children.push(child);
    const output: string[] = [];
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    const started = new Promise<{ url: string; pid: number }>((resolve, reject) => {
      lines.on("line", (line) => {
        output.push(line);
        if (line.startsWith('{"url"')) resolve(JSON.parse(line));
      });
      child.once("exit", (code, signal) =>
        reject(new Error(`server exited (${code ?? signal}):\n${output.join("\n")}`)),
      );
    });
    const { url, pid } = await started;
    return { url, pid, child, output };
  }

  /** Subscribes the receiver before any server process runs, so no scan can come first. */
  async function addWebhook(owner: TestMember, receiver: WebhookReceiver) {
    const res = await t.call(owner.token, {
      method: "POST",
      url: `/api/v1/orgs/${owner.orgId}/webhooks`,
      payload: { url: receiver.url, description: "process test", events: ["reminder.due"] },
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { secret: string }).secret;
  }

  /** The organisation's delivery jobs that are not yet finished. */
  async function unfinishedJobs(orgId: string) {
    return t.db
      .selectFrom("jobs")
      .select(["kind", "status"])
      .where("org_id", "=", orgId)
      .where("status", "in", ["queued", "running"])
      .execute();
  }

  async function remindersOf(orgId: string) {
    return t.db.selectFrom("reminders").select(["id", "member_id"]).where("org_id", "=", orgId).execute();
  }

  /** Reminder id → the distinct delivery ids the receiver saw for it, and how many calls. */
  function receiptsByReminder(receipts: WebhookReceipt[]) {
    const byReminder = new Map<string, { deliveryIds: Set<string>; calls: number }>();
    for (const receipt of receipts) {
      const reminderId = (JSON.parse(receipt.body) as { data: { reminder: { id: string } } }).data.reminder.id;
      const entry = byReminder.get(reminderId) ?? { deliveryIds: new Set<string>(), calls: 0 };
      entry.deliveryIds.add(receipt.deliveryId ?? "(none)");
      entry.calls++;
      byReminder.set(reminderId, entry);
    }
    return byReminder;
  }

  /** Mails per reminder, by the Message-ID the reminder e-mail derives from the reminder id. */
  function mailsByReminder(to: Set<string>) {
    const byReminder = new Map<string, number>();
    for (const message of mail.received) {
      if (!message.to.some((address) => to.has(address))) continue;
      const id = /^Message-ID:\s*<reminder\.([0-9a-f-]{36})@/im.exec(message.raw)?.[1] ?? "(none)";
      byReminder.set(id, (byReminder.get(id) ?? 0) + 1);
    }
    return byReminder;
  }

  it("with two servers, raises each reminder once and runs each job once, losing nothing", async () => {
    const owner = await t.addOrg("Two servers");
    const members = [owner, await t.addMember(owner.orgId, "contributor"), await t.addMember(owner.orgId, "admin")];
    const memberIds = await Promise.all(members.map((m) => membershipOf(t.db, owner.orgId, m.userId)));
    const actions = await givenCorrectiveActions(t.db, owner.orgId, memberIds, 150, dayFromToday(-2));
    const receiver = await startWebhookReceiver();
    try {
      const secret = await addWebhook(owner, receiver);
      // Each server enqueues the current reminder-scan slot as it starts; one job is made, and both run
      // what is due.
      const [first, second] = await Promise.all([serve(), serve()]);
      await waitUntil(
        async () => (await remindersOf(owner.orgId)).length === 150 && (await unfinishedJobs(owner.orgId)).length === 0,
        "every reminder is raised and every job of the organisation is finished",
        90_000,
      );

      const reminders = await remindersOf(owner.orgId);
      expect(new Set(reminders.map((r) => r.id)).size).toBe(150);
      const notifications = await t.db
        .selectFrom("notifications")
        .select("reminder_id")
        .where("org_id", "=", owner.orgId)
        .execute();
      expect(notifications.map((n) => n.reminder_id).sort()).toEqual(reminders.map((r) => r.id).sort());
      const raisedFor = await t.db
        .selectFrom("reminders")
        .select("record_id")
        .where("org_id", "=", owner.orgId)
        .execute();
      expect(raisedFor.map((r) => r.record_id).sort()).toEqual([...actions].sort());

      // Every job ran once, and the two servers shared them.
      const jobs = await t.db
        .selectFrom("jobs")
        .select(["kind", "key", "status", "attempts", "locked_by"])
        .where((eb) => eb.or([eb("org_id", "=", owner.orgId), eb("kind", "=", "reminders.scan")]))
        .execute();
      expect(jobs.filter((j) => j.status !== "done" || j.attempts !== 1)).toEqual([]);
      const countOf = (kind: string) => jobs.filter((j) => j.kind === kind).length;
      expect(countOf("reminders.scan-org")).toBeGreaterThanOrEqual(1);
      expect(countOf("email.reminder")).toBe(150);
      expect(countOf("webhook.deliver")).toBe(150);
      const workers = new Set(jobs.map((j) => j.locked_by?.split(":")[1]));
      expect(workers).toEqual(new Set([String(first.pid), String(second.pid)]));

      // The receivers: one webhook call and one e-mail per reminder, each signed call verifiable.
      expect(receiver.receipts).toHaveLength(150);
      const byReminder = receiptsByReminder(receiver.receipts);
      expect([...byReminder.keys()].sort()).toEqual(reminders.map((r) => r.id).sort());
      for (const receipt of receiver.receipts) {
        const expected = createHmac("sha256", secret).update(`${receipt.timestamp}.${receipt.body}`).digest("hex");
        expect(receipt.signature).toBe(`v1=${expected}`);
      }
      const mails = mailsByReminder(new Set(members.map((m) => m.email)));
      expect([...mails.keys()].sort()).toEqual(reminders.map((r) => r.id).sort());
      expect([...mails.values()].every((n) => n === 1)).toBe(true);
      await Promise.all([stop(first), stop(second)]);
    } finally {
      await receiver.close();
    }
  }, 180_000);

  it("after kill -9 of a server mid-delivery, another takes over: no reminder lost, each under one delivery id", async () => {
    const owner = await t.addOrg("Killed mid-run");
    const member = await t.addMember(owner.orgId, "contributor");
    const memberIds = [
      await membershipOf(t.db, owner.orgId, owner.userId),
      await membershipOf(t.db, owner.orgId, member.userId),
    ];
    await givenCorrectiveActions(t.db, owner.orgId, memberIds, 80, dayFromToday(-5));
    // A slow receiver keeps calls in flight, so the kill lands while the server is delivering.
    const receiver = await startWebhookReceiver({ delayMs: 250 });
    try {
      await addWebhook(owner, receiver);
      const doomed = await serve();
      // The scan of this slot ran in the first test; a person asks for one now.
      const scan = await fetch(`${doomed.url}/api/v1/orgs/${owner.orgId}/reminders/scan`, {
        method: "POST",
        headers: { authorization: `Bearer ${owner.token}` },
      });
      expect(scan.status).toBe(200);
      expect((await remindersOf(owner.orgId)).length).toBe(80);

      await waitUntil(
        () => receiver.receipts.length >= 10 && receiver.inFlight() > 0,
        "deliveries are in flight",
        30_000,
      );
      doomed.child.kill("SIGKILL");
      await once(doomed.child, "exit");
      const atKill = {
        receipts: receiver.receipts.length,
        running: (
          await t.db
            .selectFrom("jobs")
            .select("id")
            .where("org_id", "=", owner.orgId)
            .where("status", "=", "running")
            .execute()
        ).length,
      };
      expect(atKill.running).toBeGreaterThan(0);

      const successor = await serve();
      await waitUntil(
        async () => (await unfinishedJobs(owner.orgId)).length === 0,
        "the successor has finished every job",
        90_000,
      );

      const reminders = await remindersOf(owner.orgId);
      expect(reminders).toHaveLength(80);
      // In-app: exactly one notification per reminder.
      const notifications = await t.db
        .selectFrom("notifications")
        .select("reminder_id")
        .where("org_id", "=", owner.orgId)
        .execute();
      expect(notifications.map((n) => n.reminder_id).sort()).toEqual(reminders.map((r) => r.id).sort());
      // Webhooks: every reminder delivered, with exactly one delivery id each. A call in flight at the kill
      // may have arrived and been sent again by the successor; it carries the same delivery id.
      const byReminder = receiptsByReminder(receiver.receipts);
      expect([...byReminder.keys()].sort()).toEqual(reminders.map((r) => r.id).sort());
      expect([...byReminder.values()].filter((entry) => entry.deliveryIds.size !== 1)).toEqual([]);
      const deliveries = await t.db
        .selectFrom("webhook_deliveries")
        .select(["id", "status"])
        .where("org_id", "=", owner.orgId)
        .execute();
      expect(deliveries).toHaveLength(80);
      expect(deliveries.filter((d) => d.status !== "delivered")).toEqual([]);
      // E-mail: one Message-ID per reminder, every reminder mailed.
      const mails = mailsByReminder(new Set([owner.email, member.email]));
      expect([...mails.keys()].sort()).toEqual(reminders.map((r) => r.id).sort());

      // The successor took over what the killed server held.
      const jobs = await t.db
        .selectFrom("jobs")
        .select(["status", "attempts", "locked_by"])
        .where("org_id", "=", owner.orgId)
        .execute();
      expect(jobs.every((j) => j.status === "done")).toBe(true);
      const takenOver = jobs.filter((j) => (j.attempts ?? 0) > 1);
      expect(takenOver.length).toBeGreaterThanOrEqual(atKill.running);
      expect(takenOver.every((j) => j.locked_by?.split(":")[1] === String(successor.pid))).toBe(true);

      const repeatedCalls = [...byReminder.values()].filter((entry) => entry.calls > 1).length;
      const repeatedMails = [...mails.values()].filter((n) => n > 1).length;
      console.info(
        `kill -9 mid-delivery: ${atKill.running} jobs running at the kill, ${atKill.receipts} webhook calls received by then; ` +
          `afterwards ${receiver.receipts.length} calls for ${byReminder.size} reminders (${repeatedCalls} received twice with the same delivery id), ` +
          `${[...mails.values()].reduce((a, b) => a + b, 0)} e-mails for ${mails.size} reminders (${repeatedMails} sent twice with the same Message-ID), ` +
          `${takenOver.length} jobs taken over by the successor`,
      );
    } finally {
      await receiver.close();
    }
  }, 180_000);
});
