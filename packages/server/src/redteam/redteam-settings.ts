import { REDTEAM_KEY_ENV_PREFIX, type Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";

/** Tells the UI whether to offer "Run a scan", and which addresses it may use. */
export const getRedteamSettings: Handler<Routes["getRedteamSettings"]> = async ({ deps }) => ({
  serverScans: {
    enabled: deps.config.redteamTargets.length > 0,
    allowedOrigins: deps.config.redteamTargets,
    apiKeyEnvPrefix: REDTEAM_KEY_ENV_PREFIX,
  },
});
