import type { AgentApprovalStatus, DecisionOutcome } from "@openaims/contracts";
import { labelOf } from "@openaims/contracts";
import { StatusBadge } from "../ui/status-badge";
import type { Tone } from "../ui/status-tones";

const approvalTones: Record<AgentApprovalStatus, Tone> = {
  pending: "review",
  approved: "success",
  refused: "danger",
  expired: "neutral",
  cancelled: "neutral",
};

const outcomeTones: Record<DecisionOutcome, Tone> = {
  allow: "success",
  deny: "danger",
  approval_required: "review",
};

export function ApprovalStatusBadge({ status }: { status: AgentApprovalStatus }) {
  return <StatusBadge tone={approvalTones[status]}>{labelOf("agentApprovalStatus", status)}</StatusBadge>;
}

export function OutcomeBadge({ outcome }: { outcome: DecisionOutcome }) {
  return <StatusBadge tone={outcomeTones[outcome]}>{labelOf("decisionOutcome", outcome)}</StatusBadge>;
}

/** Time left until `iso`, in words: "in 14 min", "in 2 h 5 min", or "expired". */
export function timeLeft(iso: string, now: number): string {
  const ms = Date.parse(iso) - now;
  if (ms <= 0) return "expired";
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `in ${Math.ceil(ms / 1000)} s`;
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `in ${hours} h ${minutes % 60} min`;
  return `in ${Math.floor(hours / 24)} days`;
}
