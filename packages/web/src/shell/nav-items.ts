import type { Permission } from "@openaims/contracts";

export interface NavItem {
  label: string;
  /** Path below /o/:orgId ("" for the overview). */
  path: string;
  permission: Permission;
  /** One line shown with the quick link on the overview. */
  description: string;
}

/** Modules of the management system that are planned but not built yet. */
export const comingSoon = [
  "Inventory",
  "Risks",
  "Statement of Applicability",
  "Policies",
  "Incidents",
  "Audits",
] as const;

export const settingsItems: NavItem[] = [
  { label: "Members", path: "members", permission: "members.read", description: "Who belongs here, and their roles." },
  {
    label: "Invitations",
    path: "invitations",
    permission: "invitations.read",
    description: "Invite people by e-mail and track their invitations.",
  },
  {
    label: "API tokens",
    path: "tokens",
    permission: "tokens.manage_own",
    description: "Tokens for scripts, the CLI and CI pipelines.",
  },
  {
    label: "Single sign-on",
    path: "sso",
    permission: "sso.read",
    description: "Sign in through your OpenID Connect identity provider.",
  },
  {
    label: "Audit trail",
    path: "audit-trail",
    permission: "audit_trail.read",
    description: "Every change, hash-chained and verifiable.",
  },
];

export const API_REFERENCE_URL = "/api/v1/docs";
