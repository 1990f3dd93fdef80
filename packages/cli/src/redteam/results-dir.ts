import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/**
 * Where `aims redteam` writes when --out-dir is not given: a folder of its own per run, under the
 * user's state directory rather than the current folder, so a scan run inside a repository does
 * not leave reports (which quote the target's answers) in its working tree.
 * $XDG_STATE_HOME/openaims/redteam-results, else %LOCALAPPDATA%\openaims\redteam-results on
 * Windows, else ~/.local/state/openaims/redteam-results.
 */
export function defaultResultsRoot(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  const state = env.XDG_STATE_HOME;
  if (state && isAbsolute(state)) return join(state, "openaims", "redteam-results");
  if (platform === "win32" && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, "openaims", "redteam-results");
  return join(env.HOME || homedir(), ".local", "state", "openaims", "redteam-results");
}

/** The run's own folder under the root: its start time, sortable and valid on every file system. */
export function runFolderName(startedAt: Date): string {
  return startedAt.toISOString().replace(/:/g, "-").replace(".", "-");
}
