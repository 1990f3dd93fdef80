import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The built web UI. This file sits at packages/cli/src/ and, once bundled, its code lives in
 * packages/cli/dist/aims.js: both are two levels below packages/, so the same relative URL works.
 */
export function findWebDir(env: NodeJS.ProcessEnv): string | undefined {
  const dir = env.AIMS_WEB_DIR || fileURLToPath(new URL("../../web/dist", import.meta.url));
  return existsSync(join(dir, "index.html")) ? dir : undefined;
}
