import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AimsDatabase, migrate, openDatabase } from "@openaims/db";
import { sql } from "kysely";
import { systemActor } from "../packages/server/src/audit/append-audit-entry.js";
import { configFromEnv } from "../packages/server/src/config.js";
import { enqueueJob } from "../packages/server/src/jobs/enqueue-job.js";
import { createOrganization } from "../packages/server/src/orgs/create-organization.js";
import { REMINDER_SCAN_ORG_JOB } from "../packages/server/src/reminders/reminder-jobs.js";
import { dayFromToday, givenCorrectiveActions } from "../packages/server/src/reminders/reminder-test-fixtures.js";
import { startServer } from "../packages/server/src/server.js";
import { startWebhookReceiver, type WebhookReceipt } from "../packages/server/src/testing/webhook-receiver.js";
import { createApiToken } from "../packages/server/src/tokens/create-api-token.js";
import { alignColumns } from "./report.js";

export const reminderFanoutTargets = { seconds: 30 };

export interface ReminderFanoutResult {
  engine: "pglite" | "postgres";
  reminders: number;
  members: number;
  /** From the scan starting until every reminder is stored (with its notification and jobs). */
  raisedSeconds: number;
  /** From the scan starting until the receiver has every reminder's webhook call and no job is left. */
  deliveredSeconds: number;
  /** Reminders whose webhook call never arrived, or that have no in-app notification. */
  lost: number;
  /** Reminders that arrived more than once (raw calls), or under more than one delivery id, or with two notifications. */
  repeated: number;
  webhookCalls: number;
}

const MEMBERS = 100;

/**
 * Fans out `count` due reminders (overdue corrective actions spread over 100 members of one
 * organisation) through the real server and its job worker: the organisation's reminder scan runs as
 * the scheduled job does, raising each reminder with its in-app notification and an e-mail job (no SMTP
 * server is configured, so those finish at once) and a webhook delivery to a receiver on 127.0.0.1.
 * Times until every reminder is raised and until every webhook call has arrived, and counts reminders
 * lost or repeated.
 */
export async function benchReminderFanout(
  engine: ReminderFanoutResult["engine"],
  databaseUrl: string | undefined,
  log: (message: string) => void,
  count = 10_000,
): Promise<ReminderFanoutResult> {
  const dataDir = await mkdtemp(join(tmpdir(), `aims-bench-reminders-${engine}-`));
  const receiver = await startWebhookReceiver();
  let database: AimsDatabase | undefined;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    database = await openDatabase({ dataDir, databaseUrl, poolSize: 10 });
    await database.withSession(migrate);
    log(`[${engine}] reminders: ${count.toLocaleString("en")} overdue corrective actions over ${MEMBERS} members`);
    const { orgId, token, memberIds } = await seedOrganisation(database);

    const config = configFromEnv(
      { ...process.env, DATABASE_URL: databaseUrl ?? "" },
      {
        host: "127.0.0.1",
        port: 0,
        dataDir,
        logLevel: "error",
        smtpUrl: undefined,
        webhooksAllowPrivate: true,
        jobsEnabled: true,
        secretKey: databaseUrl ? randomBytes(32) : undefined,
      },
    );
    server = await startServer(config, database);
    const created = await server.app.inject({
      method: "POST",
      url: `/api/v1/orgs/${orgId}/webhooks`,
      headers: { authorization: `Bearer ${token}` },
      payload: { url: receiver.url, description: "bench receiver", events: ["reminder.due"] },
    });
    if (created.statusCode !== 201) throw new Error(`creating the webhook failed: ${created.body}`);
    // Due only now that the webhook listens: the server's own scan of the current slot ran at start.
    await givenCorrectiveActions(database.db, orgId, memberIds, count, dayFromToday(-1));

    log(`[${engine}] reminders: fanning out`);
    const db = database.db;
    const started = performance.now();
    await enqueueJob(db, {
      kind: REMINDER_SCAN_ORG_JOB,
      key: `${orgId}@bench`,
      orgId,
      payload: { today: dayFromToday(0) },
    });
    let raisedSeconds = Number.NaN;
    const deadline = Date.now() + 300_000;
    const calls = new Map<string, { deliveryIds: Set<string>; calls: number }>();
    let read = 0;
    for (;;) {
      if (Number.isNaN(raisedSeconds) && (await countReminders(database, orgId)) >= count)
        raisedSeconds = (performance.now() - started) / 1000;
      read = tallyCalls(receiver.receipts, read, calls);
      if (calls.size >= count && (await unfinishedJobs(database, orgId)) === 0) break;
      if (Date.now() > deadline) {
        log(`[${engine}] reminders: gave up waiting after 300 s`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const deliveredSeconds = (performance.now() - started) / 1000;

    const reminders = await db.selectFrom("reminders").select("id").where("org_id", "=", orgId).execute();
    const notified = await db
      .selectFrom("notifications")
      .select(["reminder_id", (eb) => eb.fn.countAll<string>().as("n")])
      .where("org_id", "=", orgId)
      .groupBy("reminder_id")
      .execute();
    const notifications = new Map(notified.map((row) => [row.reminder_id, Number(row.n)]));
    tallyCalls(receiver.receipts, read, calls);
    let lost = count - reminders.length;
    let repeated = 0;
    for (const { id } of reminders) {
      const call = calls.get(id);
      const notes = notifications.get(id) ?? 0;
      if (!call || notes === 0) lost++;
      else if (call.calls > 1 || call.deliveryIds.size > 1 || notes > 1) repeated++;
    }
    const result: ReminderFanoutResult = {
      engine,
      reminders: reminders.length,
      members: MEMBERS,
      raisedSeconds: round(raisedSeconds),
      deliveredSeconds: round(deliveredSeconds),
      lost,
      repeated,
      webhookCalls: receiver.receipts.length,
    };
    log(
      `[${engine}] reminders: ${result.reminders} raised in ${result.raisedSeconds} s, delivered in ${result.deliveredSeconds} s; ${lost} lost, ${repeated} repeated`,
    );
    return result;
  } finally {
    await server?.close();
    await database?.close();
    await receiver.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function seedOrganisation(database: AimsDatabase) {
  return database.db.transaction().execute(async (tx) => {
    const users = Array.from({ length: MEMBERS }, (_, i) => ({
      id: randomUUID(),
      email: `reminded-${i}-${randomUUID().slice(0, 8)}@bench.example`,
      name: `Reminded member ${i + 1}`,
    }));
    await tx.insertInto("users").values(users).execute();
    const [owner, ...others] = users;
    if (!owner) throw new Error("no members");
    const actor = systemActor("bench");
    const org = await createOrganization(tx, {
      name: `Reminder fan-out ${randomUUID().slice(0, 8)}`,
      ownerUserId: owner.id,
      actor,
      requestId: null,
    });
    await tx
      .insertInto("memberships")
      .values(others.map((user) => ({ id: randomUUID(), org_id: org.id, user_id: user.id, role: "contributor" })))
      .execute();
    const token = await createApiToken(tx, {
      orgId: org.id,
      userId: owner.id,
      name: "bench",
      scope: "write",
      expiresInDays: 1,
      actor,
      requestId: null,
    });
    const memberIds = (
      await tx.selectFrom("memberships").select("id").where("org_id", "=", org.id).orderBy("id").execute()
    ).map((row) => row.id);
    return { orgId: org.id, token: token.secret, memberIds };
  });
}

/** Adds the receipts from `from` on to `calls` (by reminder id); returns how many are read. */
function tallyCalls(
  receipts: WebhookReceipt[],
  from: number,
  calls: Map<string, { deliveryIds: Set<string>; calls: number }>,
): number {
  for (const receipt of receipts.slice(from)) {
    const id = (JSON.parse(receipt.body) as { data?: { reminder?: { id?: string } } }).data?.reminder?.id ?? "";
    const entry = calls.get(id) ?? { deliveryIds: new Set<string>(), calls: 0 };
    entry.deliveryIds.add(receipt.deliveryId ?? "");
    entry.calls++;
    calls.set(id, entry);
  }
  return receipts.length;
}

async function countReminders(database: AimsDatabase, orgId: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from reminders where org_id = ${orgId}`.execute(
    database.db,
  );
  return Number(rows[0]?.n ?? 0);
}

async function unfinishedJobs(database: AimsDatabase, orgId: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    select count(*) as n from jobs where org_id = ${orgId} and status in ('queued', 'running')`.execute(database.db);
  return Number(rows[0]?.n ?? 0);
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;

/** The fan-out results as a table, one row per engine. */
export function formatReminderFanoutTable(results: ReminderFanoutResult[]): string {
  const rows = results.map((r) => [
    r.engine,
    r.reminders.toLocaleString("en"),
    `${r.raisedSeconds} s`,
    `${r.deliveredSeconds} s`,
    `< ${reminderFanoutTargets.seconds} s`,
    String(r.lost),
    String(r.repeated),
    r.deliveredSeconds < reminderFanoutTargets.seconds && r.lost === 0 && r.repeated === 0 ? "ok" : "MISSED",
  ]);
  return alignColumns([
    ["engine", "reminders", "raised", "delivered (in-app + webhook)", "target", "lost", "repeated", ""],
    ...rows,
  ]).join("\n");
}
