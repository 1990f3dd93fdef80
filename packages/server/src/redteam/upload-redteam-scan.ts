import type { Routes } from "@openaims/contracts";
import { AppError } from "../http/app-error.js";
import type { Handler } from "../http/handler-context.js";
import { recordScan, summarySha256 } from "./record-scan.js";
import { findScan, presentScan } from "./redteam-queries.js";
import { resolveScanSystem } from "./scan-system.js";

/** Records a summary uploaded by `aims redteam` (or any program with a token) for one AI system. */
export const uploadRedteamScan: Handler<Routes["uploadRedteamScan"]> = async ({ tx, org, input, audit }) => {
  const system = await resolveScanSystem(tx, org.orgId, input.body.system, { active: true });
  const recorded = await tx
    .selectFrom("redteam_scans")
    .select("ref")
    .where("org_id", "=", org.orgId)
    .where("system_id", "=", system.id)
    .where("summary_sha256", "=", summarySha256(input.body.summary))
    .executeTakeFirst();
  if (recorded) {
    throw new AppError("conflict", `This summary is already recorded for '${system.name}' as scan ${recorded.ref}.`, {
      scanRef: recorded.ref,
    });
  }
  const scanId = await recordScan(
    { tx, orgId: org.orgId, membershipId: org.membershipId, audit },
    { system, origin: "cli", summary: input.body.summary },
  );
  return presentScan(await findScan(tx, org.orgId, scanId));
};
