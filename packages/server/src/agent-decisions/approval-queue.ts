import { randomBytes, randomUUID } from "node:crypto";
import type { AgentApprovalSummary, ApprovalRequirement, EventNotificationKind, Role } from "@openaims/contracts";
import { hashSecret } from "@openaims/core";
import type { Database } from "@openaims/db";
import type { Kysely } from "kysely";
import { type AuditScope, appendAuditEntries } from "../audit/append-audit-entry.js";
import type { Mailer } from "../mail/mailer.js";
import { nextRef } from "../records/next-ref.js";
import { type ApproverCandidate, durationMs, whyMayNotApprove } from "./approver-eligibility.js";

/** A link e-mail to send once the request is committed. */
export interface ApprovalLinkMail {
  to: string;
  name: string;
  url: string;
  ref: string;
  agentName: string;
  actionName: string;
  reason: string;
  expiresAt: Date;
}

export interface NewApproval {
  orgId: string;
  system: { id: string; name: string };
  sessionId: string | null;
  decisionId: string;
  call: { kind: string; name: string; arguments: Record<string, unknown> };
  rule: string;
  reason: string;
  requester: string;
  requirement: ApprovalRequirement;
  callbackUrl: string | null;
  now: Date;
}

/** A new single-use link secret; only its SHA-256 is stored. */
function newLinkToken(): string {
  return `aims_approve_${randomBytes(32).toString("base64url")}`;
}

/** The active members of an organisation as possible approvers. */
export async function approverCandidates(
  db: Kysely<Database>,
  orgId: string,
): Promise<(ApproverCandidate & { emailReminders: boolean })[]> {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.id", "m.user_id", "m.role", "m.email_reminders", "u.email", "u.name"])
    .where("m.org_id", "=", orgId)
    .where("m.archived_at", "is", null)
    .orderBy("u.name")
    .orderBy("m.id")
    .limit(5000)
    .execute();
  return rows.map((row) => ({
    membershipId: row.id,
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    emailReminders: row.email_reminders,
  }));
}

/**
 * Queues an approval request in the caller's transaction: the row (ref AA-n, expiry from the
 * requirement), an audit entry, one single-use link per member who may answer (random token, SHA-256
 * stored, the same expiry) and an in-app notification each. Returns the summary for the agent and the
 * link e-mails to send after commit (to members who keep e-mail on).
 */
export async function queueApproval(
  tx: Kysely<Database>,
  scope: AuditScope,
  publicUrl: string,
  input: NewApproval,
): Promise<{ summary: AgentApprovalSummary; mails: ApprovalLinkMail[] }> {
  const id = randomUUID();
  const ref = await nextRef(tx, input.orgId, "agent_approval", "AA");
  const expiresAt = new Date(input.now.getTime() + durationMs(input.requirement.expires));
  await tx
    .insertInto("agent_approvals")
    .values({
      id,
      org_id: input.orgId,
      ref,
      system_id: input.system.id,
      session_id: input.sessionId,
      decision_id: input.decisionId,
      action_kind: input.call.kind,
      action_name: input.call.name,
      arguments: JSON.stringify(input.call.arguments),
      rule: input.rule,
      reason: input.reason,
      requester: input.requester,
      requirement: JSON.stringify(input.requirement),
      expires_at: expiresAt,
      callback_url: input.callbackUrl,
    })
    .execute();
  await tx
    .updateTable("agent_decisions")
    .set({ approval_id: id })
    .where("id", "=", input.decisionId)
    .where("org_id", "=", input.orgId)
    .execute();
  const eligible = (await approverCandidates(tx, input.orgId)).filter(
    (candidate) => whyMayNotApprove(input.requirement, input.requester, candidate, []) === null,
  );
  const mails: ApprovalLinkMail[] = [];
  if (eligible.length > 0) {
    const links = eligible.map((candidate) => ({ candidate, token: newLinkToken() }));
    await tx
      .insertInto("agent_approval_links")
      .values(
        links.map(({ candidate, token }) => ({
          id: randomUUID(),
          org_id: input.orgId,
          approval_id: id,
          member_id: candidate.membershipId,
          token_hash: hashSecret(token),
          expires_at: expiresAt,
        })),
      )
      .execute();
    const title = `${ref}: ${input.system.name} asks to call ${input.call.name}`;
    await tx
      .insertInto("notifications")
      .values(
        eligible.map((candidate) => ({
          id: randomUUID(),
          org_id: input.orgId,
          member_id: candidate.membershipId,
          kind: "agent_approval" satisfies EventNotificationKind,
          title: title.slice(0, 300),
          body: `${input.reason} Expires ${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`.slice(0, 2000),
          path: `/agent-approvals/${id}`,
        })),
      )
      .execute();
    const base = publicUrl.replace(/\/+$/, "");
    for (const { candidate, token } of links) {
      if (!candidate.emailReminders) continue;
      mails.push({
        to: candidate.email,
        name: candidate.name,
        url: `${base}/approve/${token}`,
        ref,
        agentName: input.system.name,
        actionName: input.call.name,
        reason: input.reason,
        expiresAt,
      });
    }
  }
  await appendAuditEntries(tx, scope, [
    {
      action: "agent_approval.requested",
      entityType: "agent_approval",
      entityId: id,
      changes: {
        ref: { before: null, after: ref },
        systemId: { before: null, after: input.system.id },
        decisionId: { before: null, after: input.decisionId },
        action: { before: null, after: `${input.call.kind}:${input.call.name}` },
        rule: { before: null, after: input.rule },
        requester: { before: null, after: input.requester },
        approvers: { before: null, after: eligible.length },
        expiresAt: { before: null, after: expiresAt.toISOString() },
      },
    },
  ]);
  return {
    summary: { id, ref, status: "pending", expiresAt: expiresAt.toISOString(), requirement: input.requirement },
    mails,
  };
}

/** Sends link e-mails without holding up the answer; a failed mail leaves the in-app notification. */
export function sendApprovalMails(mailer: Mailer, mails: readonly ApprovalLinkMail[]): void {
  if (!mailer.enabled || mails.length === 0) return;
  for (const mail of mails) {
    mailer
      .send({
        to: mail.to,
        subject: `${mail.ref}: ${mail.agentName} asks for approval to call ${mail.actionName}`,
        text: [
          `Hello ${mail.name},`,
          "",
          `${mail.agentName} wants to call ${mail.actionName} and the policy asks a person to approve it first (request ${mail.ref}).`,
          `Why: ${mail.reason}`,
          "",
          `Open the request to approve or refuse it: ${mail.url}`,
          "",
          `The link works once, for you only, and expires at ${mail.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC.`,
        ].join("\n"),
      })
      .catch(() => undefined);
  }
}
