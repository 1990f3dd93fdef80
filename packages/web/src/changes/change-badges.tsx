import type { ChangeStatus } from "@openaims/contracts";
import { StatusBadge } from "../ui/status-badge";
import type { Tone } from "../ui/status-tones";

const statusTones: Record<ChangeStatus, Tone> = { requested: "review", approved: "success", rejected: "neutral" };

/** A change's status in words and colour: waiting for a decision, approved, or rejected. */
export function ChangeStatusBadge({ status }: { status: ChangeStatus }) {
  return <StatusBadge of="changeStatus" value={status} tone={statusTones[status]} />;
}

/** Shown beside a material change: it sent the system's assessments back for review. */
export function MaterialBadge({ material }: { material: boolean }) {
  return material ? <StatusBadge tone="attention">Material</StatusBadge> : null;
}
