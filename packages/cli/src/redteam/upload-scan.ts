import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { redteamScanSchema } from "@openaims/contracts";
import type { ScanSummary } from "@openaims/redteam";
import type { CliIo } from "../io.js";
import { remoteApi } from "../remote/api-client.js";

/**
 * Files a finished scan on the server: the summary becomes a scan record with its findings and an
 * evidence record linked to the system and its controls; the HTML report (when written) follows.
 */
export async function uploadScan(summary: ScanSummary, outDir: string, system: string, io: CliIo): Promise<void> {
  const api = remoteApi(io);
  const orgId = await api.tokenOrgId();
  const response = await api.post(
    `/api/v1/orgs/${orgId}/redteam/scans`,
    JSON.stringify({ system, summary }),
    "application/json",
  );
  const scan = redteamScanSchema.parse(await response.json());
  const html = summary.artifacts.find((artifact) => artifact.kind === "html");
  if (html) {
    const report = await readFile(join(outDir, html.file));
    await api.post(`/api/v1/orgs/${orgId}/redteam/scans/${scan.id}/report`, report, "text/html");
  }
  io.stdout(
    `Uploaded to ${api.baseUrl} as scan ${scan.ref}${scan.evidence ? ` (evidence ${scan.evidence.ref})` : ""} of system '${system}'.\n`,
  );
}
