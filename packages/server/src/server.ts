import { isIPv6 } from "node:net";
import { join } from "node:path";
import { type AimsDatabase, FileBlobStore, migrate, openDatabase } from "@openaims/db";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.js";
import { issueSetupCode } from "./auth/setup-code.js";
import type { ServerConfig } from "./config.js";
import { startJobs } from "./jobs/start-jobs.js";
import { createMailer } from "./mail/mailer.js";
import { redteamKeyWarnings } from "./redteam/redteam-keys.js";
import { abortServerScans } from "./redteam/server-scan-runner.js";
import { createSecretBox } from "./secrets/secret-box.js";
import { loadServerSecretKey, type SecretKeySource } from "./secrets/server-secret-key.js";
import { prepareClientSecrets } from "./sso/seal-client-secrets.js";

export interface RunningServer {
  app: FastifyInstance;
  database: AimsDatabase;
  /** A URL this machine reaches the server at (loopback when it listens on every interface). */
  url: string;
  /** The address and port the server listens on, as the operating system reports them. */
  listening: { address: string; port: number };
  /** Printed once while no account exists. */
  setupCode: string | null;
  /** Where the key sealing stored secrets came from: AIMS_SECRET_KEY, or the key file named. */
  secretKey: { source: SecretKeySource; path: string | null; keyId: string };
  close(): Promise<void>;
}

/**
 * Opens the database (embedded unless DATABASE_URL is set), applies migrations, and serves.
 * Holds no state in memory that a second instance on the same PostgreSQL would need.
 */
export async function startServer(config: ServerConfig, existing?: AimsDatabase): Promise<RunningServer> {
  const database = existing ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  try {
    const secretKey = loadServerSecretKey(config);
    const secrets = createSecretBox(secretKey.key);
    await database.withSession(migrate);
    const mailer = createMailer(config.smtpUrl, config.mailFrom);
    const app = await buildApp({
      db: database.db,
      engine: database.engine,
      blobs: new FileBlobStore(join(config.dataDir, "blobs")),
      config,
      mailer,
      secrets,
    });
    app.log.info({ keyId: secrets.keyId, source: secretKey.source, path: secretKey.path }, "secret key loaded");
    await prepareClientSecrets(database.db, secrets, app.log);
    for (const warning of redteamKeyWarnings(config.redteamKeys)) app.log.warn(warning);
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const listening =
      typeof address === "object" && address
        ? { address: address.address, port: address.port }
        : { address: config.host, port: config.port };
    const setupCode = await issueSetupCode(database.db);
    // Scheduled work (reminders, the missing-data sweep, webhook and e-mail delivery) runs as jobs that
    // every server process shares through the database; see jobs/job-worker.ts.
    const jobs = config.jobsEnabled
      ? startJobs(database.db, { mailer, secrets, config, log: app.log })
      : { stop: async () => {} };
    return {
      app,
      database,
      url: `http://${reachableHost(listening.address)}:${listening.port}`,
      listening,
      setupCode,
      secretKey: { source: secretKey.source, path: secretKey.path, keyId: secrets.keyId },
      close: async () => {
        await jobs.stop();
        await abortServerScans();
        await app.close();
        if (!existing) await database.close();
      },
    };
  } catch (error) {
    if (!existing) await database.close();
    throw error;
  }
}

/** The host part of a URL that reaches a server listening on `address` from this machine. */
function reachableHost(address: string): string {
  if (address === "0.0.0.0" || address === "::") return "127.0.0.1";
  return isIPv6(address) ? `[${address}]` : address;
}
