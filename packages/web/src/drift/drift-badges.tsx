import type { DriftReportOrigin, DriftReportStatus } from "@openaims/contracts";
import { StatusBadge } from "../ui/status-badge";
import type { Tone } from "../ui/status-tones";

const statusLabels: Record<DriftReportStatus, string> = {
  running: "Running",
  completed: "Completed",
  failed: "Failed",
};
const statusTones: Record<DriftReportStatus, Tone> = { running: "progress", completed: "success", failed: "danger" };

export const originLabels: Record<DriftReportOrigin, string> = {
  upload: "Uploaded (aims drift upload)",
  server: "Computed by this server",
};

export function DriftStatusBadge({ status }: { status: DriftReportStatus }) {
  return <StatusBadge tone={statusTones[status]}>{statusLabels[status]}</StatusBadge>;
}

/** Whether a column drifted, in words and colour. */
export function DriftedBadge({ drifted }: { drifted: boolean }) {
  return drifted ? (
    <StatusBadge tone="danger">Drifted</StatusBadge>
  ) : (
    <StatusBadge tone="success">No drift</StatusBadge>
  );
}
