import type { anomalyRoutes, Routes } from "@openaims/contracts";
import { notFound } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import type { DomainHandlers } from "../http/register-routes.js";
import { detectAnomalies } from "./detect-anomalies.js";

/** Runs detection now in the request's transaction: for tests, and for people who will not wait a minute. */
const scanAnomalies: Handler<Routes["scanAnomalies"]> = async ({ tx, org, input, requestId }) => {
  const { systemId } = input.body;
  if (systemId) {
    const system = await tx
      .selectFrom("ai_systems")
      .select("id")
      .where("org_id", "=", org.orgId)
      .where("id", "=", systemId)
      .executeTakeFirst();
    if (!system) throw notFound("AI system", systemId);
  }
  return detectAnomalies(tx, org.orgId, new Date(), { systemId, requestId, inTransaction: (work) => work(tx) });
};

/** Handlers of the routes of runtime anomaly detection. */
export const anomalyHandlers: DomainHandlers<typeof anomalyRoutes> = { scanAnomalies };
