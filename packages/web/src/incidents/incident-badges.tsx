import type { ConcernStatus, IncidentSeverity, IncidentStatus } from "@openaims/contracts";
import { StatusBadge } from "../ui/status-badge";
import type { Tone } from "../ui/status-tones";

const statusTones: Record<IncidentStatus, Tone> = {
  reported: "attention",
  triaged: "review",
  contained: "progress",
  resolved: "success",
  closed: "neutral",
};

const severityTones: Record<IncidentSeverity, Tone> = {
  low: "neutral",
  medium: "attention",
  high: "danger",
  critical: "danger",
};

const concernTones: Record<ConcernStatus, Tone> = {
  new: "attention",
  became_incident: "progress",
  became_risk: "progress",
  closed: "neutral",
};

/** Where an incident stands: waiting for triage, being handled, resolved or closed. */
export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return <StatusBadge of="incidentStatus" value={status} tone={statusTones[status]} />;
}

export function IncidentSeverityBadge({ severity }: { severity: IncidentSeverity }) {
  return (
    <StatusBadge
      of="incidentSeverity"
      value={severity}
      tone={severityTones[severity]}
      variant={severity === "critical" ? "filled" : "light"}
    />
  );
}

export function ConcernStatusBadge({ status }: { status: ConcernStatus }) {
  return <StatusBadge of="concernStatus" value={status} tone={concernTones[status]} />;
}
