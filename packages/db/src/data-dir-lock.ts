import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import lockfile from "proper-lockfile";

/** Thrown when another process already holds the embedded database's data directory. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number | null,
  ) {
    super(
      `The data directory ${dataDir} is in use by another OpenAIMS process${holderPid ? ` (pid ${holderPid})` : ""}. ` +
        "Stop that process, talk to it through its API (AIMS_URL and AIMS_TOKEN), or choose another directory with --data-dir.",
    );
    this.name = "DataDirLockedError";
  }
}

/**
 * Takes the exclusive lock on a data directory for this process, so two processes never open the
 * same embedded database. The lock goes stale (and can be taken over) if the holder dies.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  const pidFile = join(dataDir, "aims.pid");
  try {
    const release = await lockfile.lock(dataDir, {
      lockfilePath: join(dataDir, "aims.lock"),
      stale: 15_000,
      update: 5_000,
      retries: 0,
      realpath: false,
    });
    writeFileSync(pidFile, String(process.pid));
    return release;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new DataDirLockedError(dataDir, readPid(pidFile));
    }
    throw error;
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, "utf8"), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch {
    return null;
  }
}
