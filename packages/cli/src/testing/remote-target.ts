import type { AimsDatabase } from "@openaims/db";
import { configFromEnv, type RunningServer, startServer } from "@openaims/server";
import { type CliTarget, createCliTarget, openTargetDatabase } from "./run-cli.js";

/** A CLI target with an organisation, its owner's read and write tokens, and a server on it for remote commands. */
export interface RemoteTarget {
  target: CliTarget;
  database: AimsDatabase;
  server: RunningServer;
  orgId: string;
  readToken: string;
  writeToken: string;
  close(): Promise<void>;
}

/**
 * Sets up what a remote command (AIMS_URL, AIMS_TOKEN) needs: `aims init` makes the organisation,
 * `aims token create` the owner's tokens, and a server runs on the same data directory.
 */
export async function startRemoteTarget(orgName: string): Promise<RemoteTarget> {
  const target = await createCliTarget();
  const init = await target.cli(["init", "--org", orgName, "--email", "owner@example.com", "--json"], {
    AIMS_INIT_PASSWORD: "correct horse battery staple",
  });
  if (init.code !== 0) throw new Error(`aims init exited ${init.code}: ${init.stderr}`);
  const orgId: string = JSON.parse(init.stdout).orgId;
  const token = async (scope: string) =>
    JSON.parse(
      (await target.cli(["token", "create", "--email", "owner@example.com", "--scope", scope, "--json"])).stdout,
    ).secret as string;
  const readToken = await token("read");
  const writeToken = await token("write");
  const database = await openTargetDatabase(target);
  const server = await startServer(
    configFromEnv({}, { host: "127.0.0.1", port: 0, dataDir: target.dataDir, logLevel: "silent" }),
    database,
  );
  return {
    target,
    database,
    server,
    orgId,
    readToken,
    writeToken,
    close: async () => {
      await server.close();
      await database.close();
      await target.dispose();
    },
  };
}
