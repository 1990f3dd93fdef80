import { REDTEAM_KEY_ENV_PREFIX, type Routes } from "@openaims/contracts";
import type { Handler } from "../http/handler-context.js";
import { keysForOrganization } from "./redteam-keys.js";

/** Tells the UI whether to offer "Run a scan", which addresses it may use, and this organisation's keys. */
export const getRedteamSettings: Handler<Routes["getRedteamSettings"]> = async ({ deps, tx, org }) => {
  const { slug } = await tx
    .selectFrom("organizations")
    .select("slug")
    .where("id", "=", org.orgId)
    .executeTakeFirstOrThrow();
  return {
    serverScans: {
      enabled: deps.config.redteamTargets.length > 0,
      allowedOrigins: deps.config.redteamTargets,
      apiKeyEnvPrefix: REDTEAM_KEY_ENV_PREFIX,
      apiKeys: keysForOrganization(deps.config.redteamKeys, { id: org.orgId, slug }),
    },
  };
};
