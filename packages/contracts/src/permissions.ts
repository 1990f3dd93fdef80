import type { Role } from "./common.js";

/**
 * Everything a role may do inside an organisation. Routes name one permission each; the
 * server checks it in one place, and the UI uses the same table to hide what a role can't do.
 */
export const permissions = [
  "org.read",
  "org.update",
  "members.read",
  "members.manage",
  "invitations.read",
  "invitations.manage",
  "tokens.manage_own",
  "tokens.manage_all",
  "audit_trail.read",
  "sso.read",
  "sso.manage",
  "governance.read",
  "governance.write",
  "audit_records.write",
  "gates.override",
  /** Triage concerns and manage the anonymous concern link. */
  "concerns.manage",
  /** Add, change and remove the organisation's outgoing webhooks. */
  "webhooks.manage",
  /** Ask for decisions about an agent's actions and report decisions made by a gateway or guard (agents' tokens). */
  "agent_actions.decide",
  /** Approve or refuse an agent's action waiting in the approval queue, when the policy's role allows. */
  "agent_actions.approve",
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = ["org.read", "members.read", "tokens.manage_own", "governance.read"];

export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(permissions),
  admin: new Set(permissions),
  compliance_manager: new Set([
    ...everyone,
    "invitations.read",
    "audit_trail.read",
    "governance.write",
    "audit_records.write",
    "gates.override",
    "concerns.manage",
    "agent_actions.decide",
    "agent_actions.approve",
  ]),
  contributor: new Set([...everyone, "governance.write", "agent_actions.decide", "agent_actions.approve"]),
  /** Reads everything; writes audit records only. */
  auditor: new Set([...everyone, "invitations.read", "audit_trail.read", "sso.read", "audit_records.write"]),
  viewer: new Set(everyone),
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}

/** Plain-words description of each role, shown when choosing one. */
export const roleDescriptions: Record<Role, string> = {
  owner: "Full control, including other owners and single sign-on.",
  admin: "Manages members, invitations, tokens and settings.",
  compliance_manager: "Runs the management system: edits governance records and reads the audit trail.",
  contributor: "Edits governance records for the systems they work on.",
  auditor: "Reads everything and writes audit records only.",
  viewer: "Reads governance records.",
};
