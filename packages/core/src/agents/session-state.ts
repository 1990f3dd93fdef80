import type { ActionClass, ActionKind } from "@openaims/contracts";
import type { CompiledPolicy } from "./compiled-policy.js";
import { actionClassOf } from "./tool-rule-lookup.js";

/** What a session remembers of one action. */
export interface SessionStep {
  kind: ActionKind;
  name: string;
  outcome: StepOutcome;
  /** ISO time of the step. */
  at: string;
}

/** How an action ended: executed (allow, approved) or not (deny, refused, expired). */
export type StepOutcome = "allow" | "approved" | "deny" | "refused" | "expired";

/**
 * What the decision function knows of a session's history. Plain JSON, so the server can keep it in
 * agent_sessions.state. `called` and `calledClasses` list each tool and class the session tried once, in the
 * order first executed; `steps` keeps the last 50 steps for people reading an approval request.
 */
export interface SessionState {
  steps: SessionStep[];
  called: string[];
  calledClasses: ActionClass[];
  untrusted: boolean;
  untrustedSources: string[];
}

/** A call an agent wants to make. */
export interface ActionCall {
  kind: ActionKind;
  name: string;
  arguments: unknown;
}

export const maxSessionSteps = 50;
const maxUntrustedSources = 50;

export function emptySessionState(): SessionState {
  return { steps: [], called: [], calledClasses: [], untrusted: false, untrustedSources: [] };
}

/**
 * The session after an action ended. Every tool call the session made counts as called for flow
 * rules, whatever its outcome: an agent that tried to fetch a page or read a mailbox may already be
 * steered by what it was told, and counting the attempt can only ask for more approval, never less.
 * Only an executed tool (allow, approved) whose rule says `untrusted: true` marks the session
 * untrusted, since only then was its content read. Pure: the given state is not changed.
 */
export function recordStep(
  session: SessionState,
  call: ActionCall,
  outcome: StepOutcome,
  policy: CompiledPolicy | null,
  now: number,
  toolClasses?: Readonly<Record<string, ActionClass>>,
): SessionState {
  const step: SessionStep = { kind: call.kind, name: call.name, outcome, at: new Date(now).toISOString() };
  const steps =
    session.steps.length >= maxSessionSteps ? session.steps.slice(-(maxSessionSteps - 1)) : [...session.steps];
  steps.push(step);
  let next: SessionState = { ...session, steps };
  if (call.kind !== "tool") return next;
  if (!session.called.includes(call.name)) next.called = [...session.called, call.name];
  const actionClass = policy ? actionClassOf(policy, call.name, toolClasses) : (toolClasses?.[call.name] ?? null);
  if (actionClass && !session.calledClasses.includes(actionClass)) {
    next.calledClasses = [...session.calledClasses, actionClass];
  }
  const executed = outcome === "allow" || outcome === "approved";
  if (executed && policy?.tools.get(call.name)?.untrusted) next = markUntrusted(next, call.name);
  return next;
}

/** The session after it read untrusted content (a web page, an e-mail, a tool result) from `source`. */
export function markUntrusted(session: SessionState, source: string): SessionState {
  const sources = session.untrustedSources.includes(source)
    ? session.untrustedSources
    : [...session.untrustedSources, source].slice(-maxUntrustedSources);
  return { ...session, untrusted: true, untrustedSources: sources };
}
