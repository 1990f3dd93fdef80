import { randomUUID } from "node:crypto";
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

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

/** The holder touches its lock this often, so a lock nobody touched for STALE_MS is abandoned. */
const HEARTBEAT_MS = 5_000;
/** Covers a holder whose pid was reused by another process: its lock stops being touched. */
const STALE_MS = 15_000;
/** A takeover takes microseconds; a takeover mark older than this was left by a crash. */
const TAKEOVER_STALE_MS = 10_000;
const ATTEMPTS = 40;
const RETRY_MS = 50;

interface Holder {
  pid: number | null;
  /** The recorded process is gone, or the lock has not been touched for STALE_MS. */
  abandoned: boolean;
}

/**
 * Takes the exclusive lock on a data directory for this process, so two processes never open the
 * same embedded database. The lock is the file `aims.lock`, created atomically with the holder's pid.
 * A lock whose process no longer exists (after a crash or `kill -9`) is taken over at once; a lock
 * whose pid is alive is held, unless it has not been touched for 15 s (the pid was reused).
 * Takeovers are serialised by a second atomic mark (`aims.lock.takeover`), so two processes starting
 * after a crash cannot both remove the old lock: one gets it, the other is refused naming the first.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, "aims.lock");
  let holder: Holder = { pid: null, abandoned: false };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const acquired = tryCreate(lockPath);
    if (acquired) return keepAlive(lockPath, acquired);
    holder = inspect(lockPath);
    if (!holder.abandoned) throw new DataDirLockedError(dataDir, holder.pid);
    // Another process is taking the abandoned lock over: wait for it, then look again.
    if (!takeOver(lockPath)) await sleep(RETRY_MS);
  }
  throw new DataDirLockedError(dataDir, holder.pid);
}

/** Creates the lock file if none exists; returns its inode, or null when it exists already. */
function tryCreate(lockPath: string): number | null {
  let fd: number;
  try {
    fd = openSync(lockPath, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return null;
    throw error;
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } finally {
    closeSync(fd);
  }
  return statSync(lockPath).ino;
}

/**
 * Who holds the lock and whether it is abandoned. A lock with no readable pid (being written, or a
 * directory left by an older version) counts as held until it has not been touched for STALE_MS.
 */
function inspect(lockPath: string): Holder {
  let touchedMs: number;
  try {
    touchedMs = statSync(lockPath).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { pid: null, abandoned: true };
    throw error;
  }
  const pid = readPid(lockPath);
  const untouched = Date.now() - touchedMs > STALE_MS;
  return { pid, abandoned: untouched || (pid !== null && !isAlive(pid)) };
}

/**
 * Removes an abandoned lock under the takeover mark. Returns false when another process holds the
 * mark. Only takeovers remove another process's lock, and they run one at a time, so the lock looked
 * at again under the mark is the one removed.
 */
function takeOver(lockPath: string): boolean {
  const mark = `${lockPath}.takeover`;
  try {
    mkdirSync(mark);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    removeIfOlderThan(mark, TAKEOVER_STALE_MS);
    return false;
  }
  try {
    if (inspect(lockPath).abandoned) {
      const aside = `${lockPath}.abandoned-${randomUUID()}`;
      try {
        renameSync(lockPath, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
      rmSync(aside, { recursive: true, force: true });
    }
    return true;
  } finally {
    rmdirSync(mark);
  }
}

function removeIfOlderThan(path: string, ageMs: number): void {
  try {
    if (Date.now() - statSync(path).mtimeMs > ageMs) rmdirSync(path);
  } catch {
    // Gone already, or removed by another process at the same moment.
  }
}

/** Touches the lock while held; release removes it only while it is still this process's file. */
function keepAlive(lockPath: string, inode: number): () => Promise<void> {
  const ours = () => {
    try {
      return statSync(lockPath).ino === inode && readPid(lockPath) === process.pid;
    } catch {
      return false;
    }
  };
  const timer = setInterval(() => {
    if (!ours()) {
      clearInterval(timer);
      // As before with proper-lockfile: a process whose lock was taken must not go on writing.
      throw new Error(`The lock on ${lockPath} was taken by another process; stopping so the database is not shared.`);
    }
    const now = new Date();
    utimesSync(lockPath, now, now);
  }, HEARTBEAT_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    if (ours()) rmSync(lockPath, { force: true });
  };
}

/** True when a process with this pid exists (EPERM: it exists but belongs to another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

function readPid(lockPath: string): number | null {
  try {
    const text = readFileSync(lockPath, "utf8").trim();
    if (!/^\d{1,10}$/.test(text)) return null;
    const pid = Number(text);
    return pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
